// Form 05 (phiếu kiểm soát quá trình giải quyết hồ sơ) built from a dossier's events, and the loaders behind the
// download routes of forms 02–05: each one scoped by lib/dossiers/visibility (the agency's side or the applicant's), null otherwise.
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { Role } from "@/lib/auth/permissions";
import { isIsoDate, localDate } from "@/lib/calendar/time";
import { db, type Db, type Tx } from "@/lib/db/client";
import { dossierText } from "@/lib/i18n/vi/dossiers";
import {
  renderApology,
  renderControlSheet,
  renderRefusal,
  renderSupplementRequest,
  type ControlSheetEntry,
  type HandOverParty,
  type StepTiming,
} from "@/lib/pdf/one-stop-forms";
import { dossierAnswersView } from "@/lib/forms/dossier-view";
import { STATUS, statusName } from "./status";
import { AGENCY_SIDE, CITIZEN_SIDE, findVisibleDossier } from "./visibility";

const controlSheetText = {
  applicant: "Người nộp hồ sơ",
  system: "Hệ thống",
  role: {
    CITIZEN: "Người nộp hồ sơ",
    OFFICER: "Cán bộ",
    AGENCY_ADMIN: "Quản trị cơ quan",
    VPCP_ADMIN: "Quản trị Văn phòng Chính phủ",
  } satisfies Record<Role, string>,
} as const;

export interface ControlSheetRow extends ControlSheetEntry {
  action: string;
  /** The status the dossier was in after this step (unchanged by steps that are not transitions). */
  status: number | null;
  /** Whether the step ended no later than the dossier's due date; null while there is no due date. */
  beforeDue: boolean | null;
}

export interface ControlSheet {
  dossierId: string;
  code: string;
  status: number;
  applicantName: string;
  serviceName: string;
  receivingAgencyName: string;
  holderAgencyName: string;
  /** The date in force (moved by an apology). */
  dueAt: Date | null;
  /** The legal deadline the steps are timed against (lib/dossiers/due.ts); null without a due date. */
  legalDueAt: Date | null;
  rows: ControlSheetRow[];
  /** The papers submitted with the dossier, as the form named them (only those submitted). */
  papers: string[];
}

interface DossierHead {
  id: string;
  code: string;
  status: number;
  applicant_id: string;
  applicant_name: string;
  submitted_at: Date;
  received_at: Date | null;
  due_at: Date | null;
  /** coalesce(legal_due_at, due_at): the legal deadline. */
  legal_due_at: Date | null;
  processing_days: number;
  service_name: string;
  receiving_agency: string;
  holder_agency: string;
}

interface EventRow {
  seq: number;
  at: Date;
  action: string;
  actor_id: string | null;
  actor_role: Role | null;
  from_status: number | null;
  to_status: number | null;
  note: string | null;
  data: unknown;
  actor_name: string | null;
  agency_name: string | null;
  /** The agency a transfer handed the dossier to. */
  to_agency_name: string | null;
}

async function loadHead(client: Db | Tx, where: Prisma.Sql): Promise<DossierHead | null> {
  const rows = await client.$queryRaw<DossierHead[]>`
    SELECT d.id, d.code, d.status, d.applicant_id::text AS applicant_id, d.applicant_name, d.submitted_at, d.received_at, d.due_at,
           coalesce(d.legal_due_at, d.due_at) AS legal_due_at, d.processing_days, s.name AS service_name, ra.name AS receiving_agency, ha.name AS holder_agency
    FROM dossier d
    JOIN service s ON s.id = d.service_id
    JOIN agency ra ON ra.id = d.receiving_agency_id
    JOIN agency ha ON ha.id = d.holder_agency_id
    WHERE ${where}`;
  return rows[0] ?? null;
}

/**
 * A dossier's events with the names behind them, in one query. A transfer names its receiving agency in its data
 * (toIdentifier, as lib/dossiers/officer records it, or toAgencyId); failing both, the transfer row recorded with it.
 */
async function loadEvents(client: Db | Tx, dossierId: string, only: { seq?: number; applicantView?: boolean } = {}): Promise<EventRow[]> {
  const seq = only.seq === undefined ? Prisma.empty : Prisma.sql`AND e.seq = ${only.seq}`;
  const visible = only.applicantView ? Prisma.sql`AND e.visible_to_applicant` : Prisma.empty;
  return client.$queryRaw<EventRow[]>`
    SELECT e.seq, e.at, e.action, e.actor_id::text AS actor_id, e.actor_role::text AS actor_role, e.from_status, e.to_status, e.note, e.data,
           u.full_name AS actor_name, a.name AS agency_name,
           COALESCE(ta.name, CASE WHEN e.action = 'transfer' THEN e.data ->> 'to' END) AS to_agency_name
    FROM dossier_event e
    LEFT JOIN app_user u ON u.id = e.actor_id
    LEFT JOIN agency a ON a.id = e.agency_id
    LEFT JOIN agency ta ON ta.id = COALESCE(
      CASE WHEN (e.data ->> 'toAgencyId') ~ '^[0-9]{1,9}$' THEN (e.data ->> 'toAgencyId')::int END,
      (SELECT x.id FROM agency x WHERE x.identifier = e.data ->> 'toIdentifier'),
      CASE WHEN e.action = 'transfer' THEN (
        SELECT t.to_agency_id FROM dossier_transfer t WHERE t.dossier_id = e.dossier_id AND t.at <= e.at ORDER BY t.at DESC, t.id DESC LIMIT 1
      ) END)
    WHERE e.dossier_id = ${dossierId}::uuid ${seq} ${visible}
    ORDER BY e.seq`;
}

function actionLabel(action: string): string {
  // An action recorded before its label was written still shows, by its code, rather than failing the sheet.
  return Object.hasOwn(dossierText.action, action) ? dossierText.action[action as keyof typeof dossierText.action] : action;
}

function applicantParty(head: DossierHead): HandOverParty {
  return { agency: null, person: head.applicant_name, role: controlSheetText.applicant };
}

function actorParty(head: DossierHead, e: EventRow): HandOverParty {
  if (e.actor_id === head.applicant_id || e.actor_role === "CITIZEN") return applicantParty(head);
  // No person behind the step: a verified payment callback or another automatic step.
  if (!e.actor_id) return { agency: e.agency_name, person: null, role: controlSheetText.system };
  return { agency: e.agency_name, person: e.actor_name, role: e.actor_role ? controlSheetText.role[e.actor_role] : null };
}

/** Who has the dossier after its last step: the applicant when it waits for them or has gone back to them. */
function pendingParty(head: DossierHead, status: number): HandOverParty | null {
  if (status === STATUS.WITHDRAWN) return null;
  const toApplicant: number[] = [STATUS.REFUSED, STATUS.SUPPLEMENT_REQUESTED, STATUS.FEES_REQUESTED, STATUS.STOPPED, STATUS.RETURNED];
  if (toApplicant.includes(status)) return applicantParty(head);
  return { agency: head.holder_agency, person: null, role: null };
}

/** Early, on time or late: compared by calendar day in Vietnam, as the due date is a day, not an instant. */
function timingOf(end: Date, due: Date | null): StepTiming | null {
  if (!due) return null;
  const a = localDate(end);
  const b = localDate(due);
  return a < b ? "early" : a === b ? "onTime" : "late";
}

function buildSheet(head: DossierHead, events: EventRow[]): ControlSheet {
  let status: number | null = null;
  const rows = events.map((e, i): ControlSheetRow => {
    status = e.to_status ?? status;
    const next = events[i + 1];
    const to = e.to_agency_name
      ? { agency: e.to_agency_name, person: null, role: null }
      : next
        ? actorParty(head, next)
        : pendingParty(head, head.status);
    const name = status === null ? null : statusName(status);
    return {
      seq: e.seq,
      action: e.action,
      actionLabel: actionLabel(e.action),
      from: actorParty(head, e),
      to,
      // The first step has no hand-over before it: it starts and ends when it was recorded.
      start: events[i - 1]?.at ?? e.at,
      end: e.at,
      status,
      statusName: name,
      note: e.note,
      // Against the legal deadline: an apology's new appointment does not make a late step on time.
      timing: timingOf(e.at, head.legal_due_at),
      beforeDue: head.legal_due_at ? e.at.getTime() <= head.legal_due_at.getTime() : null,
    };
  });
  return {
    dossierId: head.id,
    code: head.code,
    status: head.status,
    applicantName: head.applicant_name,
    serviceName: head.service_name,
    receivingAgencyName: head.receiving_agency,
    holderAgencyName: head.holder_agency,
    dueAt: head.due_at,
    legalDueAt: head.legal_due_at,
    rows,
    papers: [],
  };
}

/** Form 05 of a dossier: every event in order as a hand-over, with the due date. Two queries whatever the length. */
export async function controlSheetRows(dossierId: string, client: Db | Tx = db): Promise<ControlSheet | null> {
  const [head, events, filed] = await Promise.all([
    loadHead(client, Prisma.sql`d.id = ${dossierId}::uuid`),
    loadEvents(client, dossierId),
    client.dossier.findUnique({
      where: { id: dossierId },
      select: {
        formSnapshot: true,
        answers: true,
        answerLabels: true,
        attachments: { where: { purpose: "submission" }, select: { fieldId: true, fileName: true, purpose: true } },
      },
    }),
  ]);
  if (!head) return null;
  const sheet = buildSheet(head, events);
  if (filed) sheet.papers = (await dossierAnswersView(filed, client)).papers.map((p) => `${p.label} (${p.fileName})`);
  return sheet;
}

export interface FormPdf {
  form: "02" | "03" | "04" | "05";
  fileName: string;
  bytes: Uint8Array;
}

/** Form 05 as an officer of an agency that may see the dossier reads it. */
export async function officerControlSheet(user: CurrentUser, code: string): Promise<ControlSheet | null> {
  const found = await findVisibleDossier(user, { code }, { as: AGENCY_SIDE });
  return found ? controlSheetRows(found.id) : null;
}

export async function officerControlSheetPdf(user: CurrentUser, code: string, now = new Date()): Promise<FormPdf | null> {
  const sheet = await officerControlSheet(user, code);
  if (!sheet) return null;
  const bytes = await renderControlSheet({ ...sheet, agencyName: sheet.receivingAgencyName, printedAt: now });
  return { form: "05", fileName: `phieu-kiem-soat-${sheet.code}.pdf`, bytes };
}

/** The events that issue a form, and the form each one issues. */
const FORM_OF_ACTION: Record<string, "02" | "03" | "04"> = { requestSupplement: "02", refuse: "03", apologize: "04" };

function record(data: unknown): Record<string, unknown> {
  return typeof data === "object" && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
}

function text(v: unknown): string | null {
  return typeof v === "string" && v.trim() ? v.trim() : null;
}

/** Renders the form an event issued, or null when the event issues none or its record lacks what the form states. */
async function renderEventForm(head: DossierHead, e: EventRow): Promise<FormPdf | null> {
  const form = Object.hasOwn(FORM_OF_ACTION, e.action) ? FORM_OF_ACTION[e.action] : undefined;
  if (!form) return null;
  const data = record(e.data);
  const base = {
    agencyName: e.agency_name ?? head.holder_agency,
    code: head.code,
    applicantName: head.applicant_name,
    serviceName: head.service_name,
    officerName: e.actor_name,
    issuedAt: e.at,
  };
  // The status module stores the reason as the note unless a separate note was given; data.reason wins when present.
  const reason = text(data.reason) ?? text(e.note);
  if (form === "02") {
    const papers = Array.isArray(data.papers) ? data.papers.filter((p): p is string => typeof p === "string" && p.trim() !== "") : [];
    if (!papers.length || !reason) return null;
    const bytes = await renderSupplementRequest({ ...base, receivedAt: head.received_at, papers, reason });
    return { form, fileName: `phieu-yeu-cau-bo-sung-${head.code}-${e.seq}.pdf`, bytes };
  }
  if (form === "03") {
    if (!reason) return null;
    const bytes = await renderRefusal({ ...base, submittedAt: head.submitted_at, reason });
    return { form, fileName: `phieu-tu-choi-${head.code}-${e.seq}.pdf`, bytes };
  }
  const newDate = text(data.newDate);
  if (!newDate || !isIsoDate(newDate) || !reason) return null;
  const previous = text(data.previousDate);
  // An apology before issue 19 recorded no previous date: the legal deadline on file is then the promise being broken,
  // unless it is already the new one.
  const previousDate =
    previous && isIsoDate(previous)
      ? previous
      : head.legal_due_at && localDate(head.legal_due_at) !== newDate
        ? localDate(head.legal_due_at)
        : null;
  const bytes = await renderApology({
    ...base,
    receivedAt: head.received_at,
    processingDays: head.processing_days,
    previousDate,
    newDate,
    reason,
  });
  return { form, fileName: `phieu-xin-loi-${head.code}-${e.seq}.pdf`, bytes };
}

const validSeq = (seq: number): boolean => Number.isInteger(seq) && seq > 0 && seq < 2 ** 31;

/** Form 02, 03 or 04 of event `seq` of a dossier the officer's agency may see. */
export async function officerFormPdf(user: CurrentUser, code: string, seq: number): Promise<FormPdf | null> {
  if (!validSeq(seq)) return null;
  const found = await findVisibleDossier(user, { code }, { as: AGENCY_SIDE });
  if (!found) return null;
  const [head, events] = await Promise.all([loadHead(db, Prisma.sql`d.id = ${found.id}::uuid`), loadEvents(db, found.id, { seq })]);
  return head && events[0] ? renderEventForm(head, events[0]) : null;
}

/** Form 02, 03 or 04 of event `seq` of the applicant's own dossier; events hidden from the applicant issue nothing. */
export async function applicantFormPdf(user: CurrentUser, code: string, seq: number): Promise<FormPdf | null> {
  if (!validSeq(seq)) return null;
  const found = await findVisibleDossier(user, { code }, { as: CITIZEN_SIDE });
  if (!found) return null;
  const head = await loadHead(db, Prisma.sql`d.id = ${found.id}::uuid`);
  if (!head) return null;
  const [e] = await loadEvents(db, head.id, { seq, applicantView: true });
  return e ? renderEventForm(head, e) : null;
}

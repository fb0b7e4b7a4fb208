// The officers' one-stop work: their agency's queue, and every action on a dossier, each through the
// mutation door and the status module, scoped to the officer's agency by lib/dossiers/visibility.
import "server-only";
import { z } from "zod";
import { defineUseCase, AppError } from "@/lib/auth/door";
import type { CurrentUser } from "@/lib/auth/current-user";
import { isAgencyIdentifier } from "@/lib/agencies/identifier";
import { db, type Tx } from "@/lib/db/client";
import { atLocalTime, isIsoDate, localDate } from "@/lib/calendar/time";
import { loadCalendar } from "@/lib/calendar/store";
import { isWorkingDay, OFFICE_CLOSE } from "@/lib/calendar/working-days";
import { formatDate } from "@/lib/format";
import { dueDateText } from "@/lib/i18n/vi/due-dates";
import { dossierText } from "@/lib/i18n/vi/dossiers";
import { dossierSyncText } from "@/lib/i18n/vi/dossier-sync";
import { notifyUser } from "@/lib/notify/notify";
import { applicantEmailOf } from "./applicant-contact";
import { isDossierCode } from "./code";
import { appendEvent } from "./events";
import { finishWithResult } from "./result";
import {
  missingResultFields,
  OFFICER_ACTION_PERMISSION,
  OFFICER_STATUS_ACTIONS,
  officerActionFrom,
  RESULT_FIELDS,
  statusAllows,
  processedInAgencySystem,
  type OfficerAction,
  type ResultField,
} from "./officer-actions";
import { statusName } from "./status";
import { DOSSIER_SECTION, dossierHref } from "./next-step";
import { applyTransition, lockDossier } from "./transition";
import { AGENCY_SIDE, findVisibleDossier, requireVisibleDossier } from "./visibility";
import { isRetiredAt } from "@/lib/agencies/succession";

// --- the queue -----------------------------------------------------------------------------------

// Issue 19: the queue (tabs, filters, order, counts, saved filters) lives in lib/dossiers/queue.ts.
export { listQueue, queueCounts } from "./queue";

/** Dossiers this agency handed on to others, with where they stand now. */
export async function transferredOut(user: CurrentUser, limit = 50) {
  if (user.agencyId == null) return [];
  return db.dossierTransfer.findMany({
    where: { fromAgencyId: user.agencyId },
    orderBy: { at: "desc" },
    take: limit,
    select: {
      at: true,
      reason: true,
      toAgency: { select: { name: true } },
      dossier: { select: { code: true, status: true, service: { select: { name: true } } } },
    },
  });
}

/** Everything the officer's dossier page shows, for an agency that may see it. */
export async function getAgencyDossier(user: CurrentUser, code: string) {
  const found = await findVisibleDossier(user, { code }, { as: AGENCY_SIDE });
  if (!found) return null;
  const d = await db.dossier.findUniqueOrThrow({
    where: { id: found.id },
    include: {
      service: { select: { code: true, name: true } },
      formVersion: { select: { version: true } },
      receivingAgency: { select: { identifier: true, name: true } },
      holderAgency: { select: { identifier: true, name: true } },
      assignee: { select: { id: true, fullName: true } },
      // Issue 15: for whom it was filed (lib/organisations/principal-view.ts).
      applicant: { select: { fullName: true } },
      organisation: { select: { name: true, taxCode: true } },
      events: { orderBy: { seq: "asc" } },
      attachments: { orderBy: { createdAt: "asc" } },
      transfers: { orderBy: { at: "asc" }, include: { fromAgency: { select: { name: true } }, toAgency: { select: { name: true } } } },
    },
  });
  return { ...d, access: found.access };
}

export async function agencyOfficers(user: CurrentUser) {
  if (user.agencyId == null) return [];
  return db.user.findMany({
    where: { agencyId: user.agencyId, role: { in: ["OFFICER", "AGENCY_ADMIN"] }, disabledAt: null },
    orderBy: { fullName: "asc" },
    select: { id: true, fullName: true },
  });
}

// --- actions -------------------------------------------------------------------------------------
// Which action is allowed where is lib/dossiers/officer-actions.ts (the page offers exactly those); each use
// case here refuses the rest with the same predicates, and says which rule refused and what to do.

const officerActor = (user: CurrentUser) => ({ kind: "officer" as const, id: user.id, role: user.role, agencyId: user.agencyId });

/** The dossier this officer's agency holds (acting needs holding; a sender only follows). */
async function heldDossierId(tx: Tx, user: CurrentUser, code: string): Promise<string> {
  const found = await requireVisibleDossier(user, { code }, { as: AGENCY_SIDE, client: tx });
  if (found.access !== "holder") throw new AppError("forbidden", dossierText.officer.notHolder, undefined, "dossier.not_holder");
  // Issue 17: a dossier processed in the agency's own one-stop system moves only through the dossier sync API.
  const sync = await tx.dossier.findUniqueOrThrow({ where: { id: found.id }, select: { origin: true, deliveryState: true } });
  if (processedInAgencySystem(sync))
    throw new AppError("forbidden", dossierSyncText.officer.readOnly, undefined, "dossier.processed_elsewhere");
  return found.id;
}

/** Refuses an action the dossier's status does not allow, naming the status it is in and those that allow it. */
function requireStatusAllows(action: OfficerAction, row: { status: number }): void {
  if (!statusAllows(action, row.status))
    throw new AppError(
      "invalid",
      dossierText.wrongStatus(action, row.status, officerActionFrom(action)),
      undefined,
      "dossier.wrong_status",
    );
}

/** Refuses a stale form: someone else changed the dossier since the officer's page was drawn. */
function requireVersion(row: { version: number }, expected: number): void {
  if (row.version !== expected) throw new AppError("conflict", dossierText.changed, undefined, "dossier.changed");
}

const F = dossierText.officer.field;
/** The most each result field holds. */
const RESULT_MAX: Record<ResultField, number> = { documentNumber: 50, title: 300, body: 5000, signerPosition: 200, signerName: 200 };

const resultText = (label: string, max: number) => z.string().trim().max(max, `${label}: không quá ${max} ký tự.`).optional();

const DossierActionInput = z.preprocess(
  // The result may come as one object (the API, the tests) or as the form's flat fields: read both alike.
  (raw) => {
    if (typeof raw !== "object" || raw === null) return raw;
    const { result, ...rest } = raw as Record<string, unknown>;
    if (typeof result !== "object" || result === null) return rest;
    return { ...result, ...rest };
  },
  z.object({
    code: z.string().refine(isDossierCode, "Mã hồ sơ không hợp lệ."),
    version: z.coerce.number().int().positive(),
    action: z.enum(OFFICER_STATUS_ACTIONS),
    reason: z.string().trim().max(2000, "Lý do: không quá 2000 ký tự.").optional(),
    papers: z
      .array(z.string().trim().min(1).max(300, `${F.supplementPapers}: mỗi giấy tờ không quá 300 ký tự.`))
      .max(30, `${F.supplementPapers}: không quá 30 giấy tờ.`)
      .optional(),
    amount: z.coerce
      .number({ error: dossierText.officer.amountNotNumber })
      .int(dossierText.officer.amountNotNumber)
      .nonnegative(dossierText.officer.amountNotNumber)
      // The fee column is a 32-bit integer (what was paid is added to it): a larger sum is refused by name.
      .max(1_000_000_000, dossierText.officer.amountTooLarge)
      .optional(),
    ...(Object.fromEntries(RESULT_FIELDS.map((k) => [k, resultText(F[k], RESULT_MAX[k])])) as Record<
      ResultField,
      ReturnType<typeof resultText>
    >),
  }),
);

export const actOnDossier = defineUseCase({
  name: "dossier.act",
  permission: OFFICER_ACTION_PERMISSION,
  schema: DossierActionInput,
  entityType: "dossier",
  async run(input, { tx, user: signedIn }) {
    const user = signedIn!;
    const id = await heldDossierId(tx, user, input.code);
    // The status and the version first: a form drawn before someone else acted says so, whatever it carries.
    const row = await lockDossier(tx, id);
    requireVersion(row, input.version);
    requireStatusAllows(input.action, row);
    let r;
    if (input.action === "finish") {
      const missing = missingResultFields(input);
      if (missing.length > 0) {
        const fieldErrors = Object.fromEntries(missing.map((k) => [k, dossierText.officer.fieldRequired(F[k])]));
        throw new AppError("invalid", dossierText.officer.resultMissing(missing.map((k) => F[k])), fieldErrors, "dossier.missing_result");
      }
      r = await finishWithResult(
        tx,
        id,
        { ...officerActor(user), id: user.id },
        {
          documentNumber: input.documentNumber!,
          resultTitle: input.title!,
          body: input.body!.split(/\n{2,}/),
          signer: { position: input.signerPosition!, name: input.signerName! },
        },
        input.version,
      );
    } else {
      r = await applyTransition(tx, {
        dossierId: id,
        action: input.action,
        actor: officerActor(user),
        expectedVersion: input.version,
        payload: { reason: input.reason, papers: input.papers, amount: input.amount },
      });
      if (input.action === "requestFees" && input.amount) {
        // What is asked now comes on top of what was already paid.
        const d = await tx.dossier.findUniqueOrThrow({ where: { id }, select: { paidAmount: true } });
        await tx.dossier.update({ where: { id }, data: { feeAmount: d.paidAmount + input.amount } });
      }
    }
    return { result: r, entityId: id, details: { action: input.action, code: input.code } };
  },
});

export const assignDossier = defineUseCase({
  name: "dossier.assign",
  permission: OFFICER_ACTION_PERMISSION,
  schema: z.object({ code: z.string(), assigneeId: z.union([z.uuid(), z.literal("")]) }),
  entityType: "dossier",
  async run(input, { tx, user: signedIn }) {
    const user = signedIn!;
    const id = await heldDossierId(tx, user, input.code);
    requireStatusAllows("assign", await lockDossier(tx, id));
    let name: string | null = null;
    if (input.assigneeId) {
      const officer = await tx.user.findFirst({
        where: { id: input.assigneeId, agencyId: user.agencyId, role: { in: ["OFFICER", "AGENCY_ADMIN"] }, disabledAt: null },
      });
      if (!officer) throw new AppError("invalid", "Người xử lý: phải là cán bộ đang hoạt động của cơ quan.", "assigneeId");
      name = officer.fullName;
    }
    await tx.dossier.update({ where: { id }, data: { assigneeId: input.assigneeId || null, version: { increment: 1 } } });
    await appendEvent(tx, {
      dossierId: id,
      action: "assign",
      actorId: user.id,
      actorRole: user.role,
      agencyId: user.agencyId,
      note: name ? `Phân công: ${name}` : "Bỏ phân công",
      visibleToApplicant: false,
      data: { assigneeId: input.assigneeId || null },
    });
    return { result: { assignee: name }, entityId: id };
  },
});

export const transferDossier = defineUseCase({
  name: "dossier.transfer",
  permission: OFFICER_ACTION_PERMISSION,
  schema: z.object({
    code: z.string(),
    version: z.coerce.number().int().positive(),
    toAgency: z.string().trim().refine(isAgencyIdentifier, "Cơ quan nhận: vui lòng chọn cơ quan (mã định danh dạng 000.00.00.G15)."),
    reason: z.string().trim().min(3, "Lý do chuyển: vui lòng nhập lý do.").max(2000),
  }),
  entityType: "dossier",
  async run(input, { tx, user: signedIn }) {
    const user = signedIn!;
    const id = await heldDossierId(tx, user, input.code);
    const row = await lockDossier(tx, id);
    requireVersion(row, input.version);
    requireStatusAllows("transfer", row);
    const target = await tx.agency.findUnique({ where: { identifier: input.toAgency } });
    if (!target || isRetiredAt(target, new Date()))
      throw new AppError("invalid", "Cơ quan nhận: không tìm thấy cơ quan đang hoạt động có mã này.", "toAgency");
    if (target.id === user.agencyId) throw new AppError("invalid", "Cơ quan nhận: phải khác cơ quan đang giữ hồ sơ.", "toAgency");
    const from = await tx.agency.findUniqueOrThrow({ where: { id: user.agencyId! }, select: { name: true } });
    await tx.dossier.update({ where: { id }, data: { holderAgencyId: target.id, assigneeId: null, version: { increment: 1 } } });
    await tx.dossierTransfer.create({
      data: { dossierId: id, fromAgencyId: user.agencyId!, toAgencyId: target.id, byId: user.id, reason: input.reason },
    });
    await appendEvent(tx, {
      dossierId: id,
      action: "transfer",
      actorId: user.id,
      actorRole: user.role,
      agencyId: user.agencyId,
      note: input.reason,
      data: { from: from.name, to: target.name, toIdentifier: target.identifier },
    });
    const d = await tx.dossier.findUniqueOrThrow({
      where: { id },
      select: { applicantId: true, answers: true, applicant: { select: { email: true } } },
    });
    await notifyUser(tx, {
      userId: d.applicantId,
      email: d.applicant?.email ?? applicantEmailOf(d.answers),
      dossierId: id,
      title: `Hồ sơ ${row.code}: chuyển cơ quan giải quyết`,
      body: `Hồ sơ của ông/bà đã được ${from.name} chuyển tới ${target.name} để giải quyết. Lý do: ${input.reason}`,
      link: dossierHref(row.code, DOSSIER_SECTION.timeline),
    });
    return { result: { to: target.name }, entityId: id, details: { to: target.identifier } };
  },
});

/**
 * Form 04: the agency apologises for a late dossier and gives a new return date, which becomes the date in
 * force (dossier.due_at) in the same transaction as the event recording the previous and the new date. The
 * legal deadline (legal_due_at) stays: the statistics still count the dossier late if it is (lib/dossiers/due.ts).
 * The new date must be a working day (lib/calendar) after both today and the date in force.
 */
export const apologize = defineUseCase({
  name: "dossier.apologize",
  permission: OFFICER_ACTION_PERMISSION,
  schema: z.object({
    code: z.string(),
    reason: z.string().trim().min(3, "Lý do chậm trả kết quả: vui lòng nhập.").max(2000),
    // An impossible date (2026-99-99) would be stored on the chain and break every page that shows it.
    newDate: z.string().refine(isIsoDate, dossierText.apologyDateInvalid),
  }),
  entityType: "dossier",
  async run(input, { tx, user: signedIn }) {
    const user = signedIn!;
    const id = await heldDossierId(tx, user, input.code);
    const row = await lockDossier(tx, id);
    requireStatusAllows("apologize", row);
    const now = new Date();
    const today = localDate(now);
    const previousDate = row.due_at ? localDate(row.due_at) : null;
    if (input.newDate <= today) throw new AppError("invalid", dueDateText.apologyNotAfterToday, "newDate", "apology.not_after_today");
    if (previousDate && input.newDate <= previousDate)
      throw new AppError("invalid", dueDateText.apologyNotAfterDue(formatDate(previousDate)), "newDate", "apology.not_after_due");
    if (!isWorkingDay(input.newDate, await loadCalendar(tx, now)))
      throw new AppError("invalid", dueDateText.apologyNotWorkingDay(formatDate(input.newDate)), "newDate", "apology.not_working_day");
    // At the office's closing time, as every computed due date (lib/calendar dueDate).
    const dueAt = atLocalTime(input.newDate, OFFICE_CLOSE.hh, OFFICE_CLOSE.mm);
    await tx.dossier.update({ where: { id }, data: { dueAt, version: { increment: 1 } } });
    await appendEvent(tx, {
      dossierId: id,
      action: "apologize",
      actorId: user.id,
      actorRole: user.role,
      agencyId: user.agencyId,
      note: input.reason,
      // previousDate: the date in force the apology replaces (form 04 states it, the timeline shows old → new).
      data: { previousDate, newDate: input.newDate },
    });
    const d = await tx.dossier.findUniqueOrThrow({
      where: { id },
      select: { applicantId: true, answers: true, applicant: { select: { email: true } } },
    });
    const [y, m, dd] = input.newDate.split("-");
    await notifyUser(tx, {
      userId: d.applicantId,
      email: d.applicant?.email ?? applicantEmailOf(d.answers),
      dossierId: id,
      title: `Hồ sơ ${row.code}: thư xin lỗi và hẹn lại ngày trả kết quả`,
      body: `Cơ quan xin lỗi vì chậm trả kết quả. Lý do: ${input.reason}. Ngày hẹn trả kết quả mới: ${dd}/${m}/${y}.`,
      link: dossierHref(row.code, DOSSIER_SECTION.receipt),
    });
    return {
      result: { status: statusName(row.status), dueAt },
      entityId: id,
      details: { code: row.code, previousDate, newDate: input.newDate },
    };
  },
});

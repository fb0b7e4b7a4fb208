// Sending documents between agencies and following them: numbering (per agency, type and year),
// the sent and incoming registers, each recipient's QCVN 102 status, and recall. Every query is scoped
// to the acting user's agency here: a document neither sent nor received by it is "not found".
import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isAgencyIdentifier } from "@/lib/agencies/identifier";
import { routeToSuccessors } from "@/lib/agencies/succession";
import { defineUseCase, DomainError } from "@/lib/auth/door";
import type { CurrentUser } from "@/lib/auth/current-user";
import { localDate } from "@/lib/calendar/time";
import { fold } from "@/lib/catalog/fold";
import { canonicalJson } from "@/lib/dossiers/chain";
import { db, type Tx } from "@/lib/db/client";
import { fileStorage } from "@/lib/files/storage";
import { deliverDocument, deliverStatus } from "./delivery";
import { logExchange } from "./exchange-log";
import { DOCUMENT_TYPES, documentId, formatNotation, nextRecipientStatus } from "./types";

const notFound = () => new DomainError("not_found", "Không tìm thấy văn bản.");

/** The abbreviation an agency signs with: central bodies their own (VPCP, BTP), provinces "UBND". */
function issuerAbbreviation(agency: { kind: string; shortName: string }): string {
  return agency.kind === "PROVINCE" ? "UBND" : agency.shortName;
}

/** The next number of the year for an agency and a document type (a row lock makes it unique). */
async function nextNumber(tx: Tx, agencyId: number, typeCode: string, year: number): Promise<number> {
  const [row] = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO document_number_sequence (agency_id, type_code, year, last) VALUES (${agencyId}, ${typeCode}, ${year}, 1)
    ON CONFLICT (agency_id, type_code, year) DO UPDATE SET last = document_number_sequence.last + 1
    RETURNING last`;
  return row!.last;
}

/** The incoming register's numbering uses its own sequence, under a type code no document has. */
const ARRIVALS = "#DEN";

const DocumentDraft = z.object({
  typeCode: z.string().refine((c) => c === "CV" || DOCUMENT_TYPES.some((t) => t.code === c), "Loại văn bản: vui lòng chọn loại văn bản."),
  subject: z.string().trim().min(5, "Trích yếu: vui lòng nhập trích yếu nội dung.").max(1000, "Trích yếu: không quá 1000 ký tự."),
  content: z.string().trim().max(20_000).optional(),
  /** Thẩm quyền ký (Decree 30): TM. on behalf of a collective, KT. deputy signing for the head, TL., TUQ., Q. */
  signerCompetence: z.enum(["", "TM.", "KT.", "TL.", "TUQ.", "Q."], { error: "Thẩm quyền ký: vui lòng chọn trong danh sách." }).optional(),
  signerPosition: z.string().trim().min(2, "Chức vụ người ký: vui lòng nhập.").max(200),
  signerName: z.string().trim().min(2, "Họ tên người ký: vui lòng nhập.").max(200),
  priority: z.coerce.number().int().min(0).max(3).default(0),
  secrecy: z.coerce.number().int().min(0).max(3).default(0),
  dueDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Hạn trả lời: ngày không hợp lệ.")
    .optional(),
  recipients: z
    .array(z.string().refine(isAgencyIdentifier, "Nơi nhận: mã định danh không hợp lệ."))
    .min(1, "Nơi nhận: vui lòng chọn ít nhất một cơ quan.")
    .max(100),
  messageId: z.uuid(),
  unitAbbreviation: z.string().trim().max(20).optional(),
  /** edXML business type: 0 new, 2 update of, 3 replacement for the document `replacesKey`. */
  businessType: z.coerce
    .number()
    .int()
    .refine((v) => v === 0 || v === 2 || v === 3, "Loại nghiệp vụ không hợp lệ.")
    .default(0),
  replacesKey: z.string().trim().max(200).optional(),
  /** The document this one answers (one the agency received). */
  responseForKey: z.string().trim().max(200).optional(),
  /** Files already checked and stored by storeDocumentFiles (attachments.ts). */
  attachments: z
    .array(
      z.object({
        name: z.string().min(1).max(255),
        contentType: z.string().max(200),
        size: z.number().int().nonnegative(),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
        storageKey: z.string().min(1),
      }),
    )
    .max(10)
    .default([]),
});

export const sendDocument = defineUseCase({
  name: "document.send",
  permission: "document.send",
  schema: DocumentDraft,
  entityType: "document",
  async run(input, { tx, user: signedIn }) {
    const user = signedIn!;
    if (user.agencyId == null) throw new DomainError("forbidden", "Tài khoản chưa gắn với cơ quan nào.");
    // A retried send (same message id) is stored once, and answered with the first.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${input.messageId}, 0))`;
    const existing = await tx.document.findUnique({
      where: { messageId: input.messageId },
      select: { id: true, documentKey: true, senderAgencyId: true },
    });
    if (existing) {
      if (existing.senderAgencyId !== user.agencyId) throw new DomainError("conflict", "Mã thông điệp đã được dùng.");
      return { result: { id: existing.id, documentKey: existing.documentKey, duplicate: true }, entityId: existing.id };
    }
    const sender = await tx.agency.findUniqueOrThrow({ where: { id: user.agencyId } });
    const recipients = await tx.agency.findMany({ where: { identifier: { in: [...new Set(input.recipients)] } } });
    const missing = input.recipients.filter((r) => !recipients.some((a) => a.identifier === r));
    if (missing.length) throw new DomainError("invalid", `Nơi nhận: không tìm thấy cơ quan ${missing.join(", ")}.`, "recipients");
    await routeToSuccessors(tx, recipients, new Date()); // a merged agency's mail goes to its successor
    if (recipients.some((a) => a.id === sender.id))
      throw new DomainError("invalid", "Nơi nhận: không gửi cho chính cơ quan mình.", "recipients");
    const type = DOCUMENT_TYPES.find((t) => t.code === input.typeCode);
    let replacesId: string | null = null;
    if (input.businessType !== 0) {
      const replaced = input.replacesKey
        ? await tx.document.findUnique({ where: { documentKey: input.replacesKey }, select: { id: true, senderAgencyId: true } })
        : null;
      if (!replaced || replaced.senderAgencyId !== sender.id)
        throw new DomainError(
          "invalid",
          "Văn bản được cập nhật hoặc thay thế: không tìm thấy trong sổ văn bản đi của cơ quan.",
          "replacesKey",
        );
      replacesId = replaced.id;
    }
    if (input.responseForKey) {
      const answered = await tx.documentRecipient.findFirst({
        where: { agencyId: sender.id, document: { documentKey: input.responseForKey } },
        select: { id: true },
      });
      if (!answered)
        throw new DomainError("invalid", "Văn bản được trả lời: không tìm thấy trong sổ văn bản đến của cơ quan.", "responseForKey");
    }
    const now = new Date();
    const today = localDate(now);
    const year = Number(today.slice(0, 4));
    const number = await nextNumber(tx, sender.id, input.typeCode, year);
    const notation = formatNotation({
      number,
      typeCode: input.typeCode,
      issuerAbbreviation: issuerAbbreviation(sender),
      unitAbbreviation: input.unitAbbreviation,
    });
    const documentKey = documentId(sender.identifier, today, notation);
    const message = { from: sender.identifier, to: recipients.map((r) => r.identifier).sort(), documentKey, ...input };
    const doc = await tx.document.create({
      data: {
        messageId: input.messageId,
        senderAgencyId: sender.id,
        documentKey,
        number,
        notation,
        typeCode: input.typeCode,
        typeName: type?.name ?? "Công văn",
        year,
        promulgationPlace: sender.kind === "PROVINCE" ? sender.shortName : "Hà Nội",
        promulgationDate: new Date(`${today}T00:00:00Z`),
        subject: input.subject,
        content: input.content || null,
        signerCompetence: input.signerCompetence || null,
        signerPosition: input.signerPosition,
        signerName: input.signerName,
        responseForKey: input.responseForKey || null,
        dueDate: input.dueDate ? new Date(`${input.dueDate}T00:00:00Z`) : null,
        priority: input.priority,
        secrecy: input.secrecy,
        businessType: input.businessType,
        replacesId,
        createdById: user.id,
        attachments: { create: input.attachments },
        sha256: createHash("sha256").update(canonicalJson(message)).digest("hex"),
        sentAt: now,
        recipients: {
          create: recipients.map((r) => ({
            agencyId: r.id,
            events: { create: { status: "01", description: "Văn bản đã đến hệ thống của cơ quan nhận." } },
          })),
        },
      },
      select: { id: true, documentKey: true, sha256: true },
    });
    await logExchange(tx, {
      operation: "portal-send",
      agencyId: sender.id,
      documentKey,
      requestInAt: now,
      responseOutAt: new Date(),
      success: true,
      size: Buffer.byteLength(canonicalJson(message)),
      sha256: doc.sha256,
    });
    await deliverDocument(tx, doc.id);
    return {
      result: { id: doc.id, documentKey: doc.documentKey, duplicate: false },
      entityId: doc.id,
      details: { documentKey, recipients: input.recipients },
    };
  },
});

async function recipientRow(tx: Tx, user: CurrentUser, recipientId: string) {
  const r = await tx.documentRecipient.findUnique({
    where: { id: recipientId },
    include: { document: { select: { senderAgencyId: true, documentKey: true } } },
  });
  if (!r || user.agencyId == null) throw notFound();
  const side = r.agencyId === user.agencyId ? "recipient" : r.document.senderAgencyId === user.agencyId ? "sender" : null;
  if (!side) throw notFound();
  return { r, side } as const;
}

/** A recipient's clerk moves the document (03 accept, 02 refuse, 04 assign, 05 handling, 06 done) or answers a recall (15/16); the sender asks for a recall (13). */
export const setDocumentStatus = defineUseCase({
  name: "document.status",
  permission: "document.receive",
  schema: z.object({
    recipientId: z.uuid(),
    status: z.enum(["02", "03", "04", "05", "06", "13", "15", "16"]),
    version: z.coerce.number().int().positive(),
    description: z.string().trim().max(2000).optional(),
    department: z.string().trim().max(200).optional(),
  }),
  entityType: "document_recipient",
  async run(input, { tx, user: signedIn }) {
    const user = signedIn!;
    const { r, side } = await recipientRow(tx, user, input.recipientId);
    // Logged first so the trail reads in order (status in, then its delivery out); a refusal rolls both back.
    await logExchange(tx, {
      operation: "portal-status",
      agencyId: user.agencyId!,
      documentKey: r.document.documentKey,
      requestInAt: new Date(),
      responseOutAt: new Date(),
      success: true,
      size: 0,
    });
    const step = await applyRecipientStatus(tx, r, side, {
      status: input.status,
      expectedVersion: input.version,
      description: input.description ?? null,
      staffName: user.fullName,
      department: input.department ?? null,
      actorId: user.id,
    });
    if (!step.ok)
      throw new DomainError(
        step.reason === "stale" ? "conflict" : "invalid",
        step.message,
        step.reason === "reason_required" ? "description" : undefined,
      );
    const newStatus = step.status;
    return { result: { status: newStatus }, entityId: r.id, details: { documentKey: r.document.documentKey, status: input.status } };
  },
});

export type StatusStep = { ok: true; status: string } | { ok: false; reason: "transition" | "reason_required" | "stale"; message: string };

/**
 * One status step on a recipient's copy, the same whether a clerk clicks it in the portal or an agency's
 * system calls the API: the QCVN 102 transition rule, the reason a refusal needs, the arrival number on
 * acceptance, a refused recall returning to where handling stood, the version check, the events, and the
 * other side told (the sender, or for a recall request the recipient). Call inside a transaction.
 */
export async function applyRecipientStatus(
  tx: Tx,
  r: { id: string; agencyId: number; status: string; version: number; arrivalNumber: number | null },
  side: "sender" | "recipient",
  step: {
    status: string;
    expectedVersion: number;
    description: string | null;
    staffName: string | null;
    department: string | null;
    actorId: string | null;
  },
): Promise<StatusStep> {
  const decision = nextRecipientStatus(r.status, step.status, side);
  if (!decision.ok) return { ok: false, reason: "transition", message: decision.message };
  if (step.status === "02" && !step.description) return { ok: false, reason: "reason_required", message: "Lý do từ chối: vui lòng nhập." };
  // A refused recall (16) is recorded, and the copy goes back to where its handling stood before 13.
  let newStatus = step.status;
  if (step.status === "16") {
    const before = await tx.documentStatusEvent.findFirst({
      where: { recipientId: r.id, status: { notIn: ["13", "15", "16"] } },
      orderBy: { id: "desc" },
      select: { status: true },
    });
    newStatus = before?.status ?? "01";
  }
  const data: Prisma.DocumentRecipientUpdateManyMutationInput = { status: newStatus, version: { increment: 1 } };
  if (step.status === "03" && r.arrivalNumber == null) {
    data.arrivalNumber = await nextNumber(tx, r.agencyId, ARRIVALS, Number(localDate(new Date()).slice(0, 4)));
  }
  // Optimistic check: a clerk acting on a stale page is told, and nothing is overwritten.
  const updated = await tx.documentRecipient.updateMany({ where: { id: r.id, version: step.expectedVersion }, data });
  if (updated.count === 0)
    return { ok: false, reason: "stale", message: "Văn bản vừa được cập nhật bởi người khác. Vui lòng tải lại trang." };
  const who = { actorId: step.actorId, staffName: step.staffName, department: step.department };
  const event = await tx.documentStatusEvent.create({
    data: { recipientId: r.id, status: step.status, ...who, description: step.description },
    select: { id: true },
  });
  if (newStatus !== step.status) {
    await tx.documentStatusEvent.create({
      data: { recipientId: r.id, status: newStatus, ...who, description: "Tiếp tục xử lý sau khi từ chối lấy lại." },
    });
  }
  await deliverStatus(tx, event.id, side === "recipient" ? "sender" : "recipient");
  return { ok: true, status: newStatus };
}

export interface RegisterFilters {
  q?: string;
  from?: string;
  to?: string;
  typeCode?: string;
  priority?: number;
  status?: string;
  /** The other side: the sender (incoming register) or a recipient (sent register), by QCVN 102 identifier. */
  agency?: string;
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** The register filters in a page's query string; anything malformed is ignored rather than failing the page. */
export function parseRegisterFilters(sp: Record<string, string | string[] | undefined>): RegisterFilters {
  const one = (k: string) => (typeof sp[k] === "string" ? (sp[k] as string).trim() : "");
  const f: RegisterFilters = {};
  if (one("q")) f.q = one("q").slice(0, 100);
  if (DATE_RE.test(one("tu-ngay"))) f.from = one("tu-ngay");
  if (DATE_RE.test(one("den-ngay"))) f.to = one("den-ngay");
  if (one("loai") && (one("loai") === "CV" || DOCUMENT_TYPES.some((t) => t.code === one("loai")))) f.typeCode = one("loai");
  if (/^[0-3]$/.test(one("do-khan"))) f.priority = Number(one("do-khan"));
  if (/^\d{2}$/.test(one("trang-thai"))) f.status = one("trang-thai");
  if (isAgencyIdentifier(one("co-quan"))) f.agency = one("co-quan");
  return f;
}

/** The filter's days in Vietnam time, as a range of instants (undefined without dates). */
function dayRange(f: RegisterFilters): { gte?: Date; lt?: Date } | undefined {
  const day = 86_400_000;
  if (!f.from && !f.to) return undefined;
  return {
    ...(f.from ? { gte: new Date(`${f.from}T00:00:00+07:00`) } : {}),
    ...(f.to ? { lt: new Date(new Date(`${f.to}T00:00:00+07:00`).getTime() + day) } : {}),
  };
}

/** Type, urgency and text filters; dates apply to sending (sent register) or arrival (incoming register). */
function documentFilters(f: RegisterFilters, byArrival = false): Prisma.DocumentWhereInput {
  const range = byArrival ? undefined : dayRange(f);
  return {
    ...(f.typeCode ? { typeCode: f.typeCode } : {}),
    ...(f.priority != null ? { priority: f.priority } : {}),
    ...(range ? { sentAt: range } : {}),
    ...(f.q ? { OR: [{ notation: { contains: f.q } }, { subjectSearch: { contains: fold(f.q) } }] } : {}),
  };
}

/**
 * A document the user's agency sent, as the starting values of its update (edXML business type 2) or
 * replacement (3): same recipients and metadata, pointing at the original. Null when it is not the agency's.
 */
export async function revisionStart(user: CurrentUser, documentKey: string, businessType: 2 | 3): Promise<Record<string, string> | null> {
  if (user.agencyId == null) return null;
  const d = await db.document.findUnique({
    where: { documentKey },
    include: { recipients: { select: { agency: { select: { identifier: true } } } } },
  });
  if (!d || d.senderAgencyId !== user.agencyId) return null;
  return {
    typeCode: d.typeCode,
    subject: d.subject,
    content: d.content ?? "",
    signerCompetence: d.signerCompetence ?? "",
    signerPosition: d.signerPosition,
    signerName: d.signerName,
    responseForKey: d.responseForKey ?? "",
    priority: String(d.priority),
    secrecy: String(d.secrecy),
    dueDate: d.dueDate ? d.dueDate.toISOString().slice(0, 10) : "",
    recipients: d.recipients.map((r) => r.agency.identifier).join(","),
    businessType: String(businessType),
    replacesKey: d.documentKey,
  };
}

/** An attachment's bytes for a user of the sending or a receiving agency; null for anyone else. */
export async function readDocumentAttachment(user: CurrentUser | null, id: string) {
  if (!user?.agencyId || !z.uuid().safeParse(id).success) return null;
  const a = await db.documentAttachment.findUnique({
    where: { id },
    include: { document: { select: { senderAgencyId: true, recipients: { where: { agencyId: user.agencyId }, select: { id: true } } } } },
  });
  if (!a || (a.document.senderAgencyId !== user.agencyId && a.document.recipients.length === 0)) return null;
  return { file: a, bytes: await fileStorage().get(a.storageKey) };
}

/** The starting values of an answer to a document the agency received: to its sender, naming it. */
export async function answerStart(user: CurrentUser, documentKey: string): Promise<Record<string, string> | null> {
  if (user.agencyId == null) return null;
  const copy = await db.documentRecipient.findFirst({
    where: { agencyId: user.agencyId, document: { documentKey } },
    select: { document: { select: { documentKey: true, notation: true, subject: true, senderAgency: { select: { identifier: true } } } } },
  });
  if (!copy) return null;
  const d = copy.document;
  return {
    recipients: d.senderAgency.identifier,
    responseForKey: d.documentKey,
    subject: `V/v trả lời Văn bản số ${d.notation} về ${d.subject.replace(/^V\/v\s*/i, "")}`.slice(0, 1000),
  };
}

/** The agency's answers to documents it received, by the answered document's key. */
export async function answersBy(agencyId: number | null, documentKeys: string[]) {
  const map = new Map<string, { documentKey: string; notation: string }[]>();
  if (agencyId == null || documentKeys.length === 0) return map;
  const answers = await db.document.findMany({
    where: { senderAgencyId: agencyId, responseForKey: { in: documentKeys } },
    orderBy: { sentAt: "asc" },
    select: { responseForKey: true, documentKey: true, notation: true },
  });
  for (const { responseForKey, ...a } of answers) map.set(responseForKey!, [...(map.get(responseForKey!) ?? []), a]);
  return map;
}

/** For each document, the later documents that update or replace it (what recipients are told). */
export async function revisionsOf(documentIds: string[]) {
  if (documentIds.length === 0) return new Map<string, { documentKey: string; notation: string; businessType: number }[]>();
  const later = await db.document.findMany({
    where: { replacesId: { in: documentIds } },
    orderBy: { sentAt: "asc" },
    select: { replacesId: true, documentKey: true, notation: true, businessType: true },
  });
  const map = new Map<string, { documentKey: string; notation: string; businessType: number }[]>();
  for (const { replacesId, ...l } of later) map.set(replacesId!, [...(map.get(replacesId!) ?? []), l]);
  return map;
}

/** The sent register (sổ văn bản đi): what the agency sent, with each recipient's status history. */
export async function outgoingRegister(user: CurrentUser, f: RegisterFilters = {}, take = 50) {
  if (user.agencyId == null) return [];
  const recipient = { ...(f.status ? { status: f.status } : {}), ...(f.agency ? { agency: { identifier: f.agency } } : {}) };
  return db.document.findMany({
    where: { senderAgencyId: user.agencyId, ...documentFilters(f), ...(f.status || f.agency ? { recipients: { some: recipient } } : {}) },
    orderBy: { sentAt: "desc" },
    take,
    include: {
      recipients: { include: { agency: { select: { name: true, identifier: true } }, events: { orderBy: { at: "asc" } } } },
      attachments: { orderBy: { storageKey: "asc" }, select: { id: true, name: true, size: true, sha256: true } },
      replaces: { select: { documentKey: true, notation: true } },
    },
  });
}

/** The incoming register (sổ văn bản đến): what reached the agency, newest first. */
export async function incomingRegister(user: CurrentUser, f: RegisterFilters = {}, take = 50) {
  if (user.agencyId == null) return [];
  return db.documentRecipient.findMany({
    where: {
      agencyId: user.agencyId,
      ...(f.status ? { status: f.status } : {}),
      ...(dayRange(f) ? { arrivedAt: dayRange(f) } : {}),
      document: { ...documentFilters(f, true), ...(f.agency ? { senderAgency: { identifier: f.agency } } : {}) },
    },
    orderBy: [{ arrivedAt: "desc" }],
    take,
    include: {
      document: {
        include: {
          senderAgency: { select: { name: true, identifier: true } },
          attachments: { orderBy: { storageKey: "asc" }, select: { id: true, name: true, size: true, sha256: true } },
          replaces: { select: { documentKey: true, notation: true } },
        },
      },
      events: { orderBy: { at: "asc" } },
    },
  });
}

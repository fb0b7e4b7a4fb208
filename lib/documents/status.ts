// A recipient's QCVN 102 status on its copy of a document, and the sender's recall request: the one use case
// behind the incoming register's buttons and the agency API's POST /van-ban/den/{recipientId}/trang-thai.
// Each copy is locked while it moves, so two calls on one copy take turns; the portal's clerk also carries
// the version of the page they acted on, and a stale page is told rather than overwritten.
import "server-only";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { actorAgencyId } from "@/lib/auth/actor";
import { defineUseCase, AppError } from "@/lib/auth/door";
import { localDate } from "@/lib/calendar/time";
import type { Tx } from "@/lib/db/client";
import { documentExchangeText as t } from "@/lib/i18n/vi/document-exchange";
import { deliverStatus } from "./delivery";
import { logExchange } from "./exchange-log";
import { ARRIVALS, nextNumber } from "./numbering";
import { nextRecipientStatus } from "./types";

const STATUSES = ["02", "03", "04", "05", "06", "13", "15", "16"] as const;

const Staff = z.strictObject(
  {
    name: z
      .string({ error: "staff.name: bắt buộc phải có" })
      .trim()
      .min(1, { error: "staff.name: không được để trống" })
      .max(200, { error: "staff.name: tối đa 200 ký tự" }),
    department: z
      .string({ error: "staff.department: phải là chuỗi ký tự" })
      .trim()
      .max(200, { error: "staff.department: tối đa 200 ký tự" })
      .optional(),
    email: z.email({ error: "staff.email: địa chỉ thư điện tử không hợp lệ" }).max(254).optional(),
    phone: z
      .string({ error: "staff.phone: phải là chuỗi ký tự" })
      .regex(/^\+?[0-9][0-9 ().-]{4,18}[0-9]$/, { error: "staff.phone: số điện thoại không hợp lệ" })
      .optional(),
  },
  { error: "staff: phải là đối tượng { name, department?, email?, phone? }" },
);

/** The body of the API's status message (documented in the OpenAPI description). */
export const StatusInput = z.strictObject(
  {
    status: z.enum(STATUSES, { error: "status: phải là một trong 02, 03, 04, 05, 06, 13, 15, 16" }),
    description: z
      .string({ error: "description: phải là chuỗi ký tự" })
      .trim()
      .max(2000, { error: "description: tối đa 2000 ký tự" })
      .optional(),
    staff: Staff.optional(),
  },
  { error: "Nội dung phải là đối tượng { status, description?, staff? }" },
);

const StatusChange = z.object({
  /** Anything that is not one of the actor's copies, malformed ids included, is "not found". */
  recipientId: z.string().max(100),
  status: z.enum(STATUSES),
  /** The version the clerk's page showed; an agency's system, which holds no page, omits it. */
  version: z.coerce.number().int().positive().optional(),
  description: z.string().trim().max(2000).optional(),
  department: z.string().trim().max(200).optional(),
  /** Who handled it at the agency's system; a signed-in clerk is named from the session instead. */
  staff: Staff.optional(),
});

const notFound = () => new AppError("not_found", t.notFound);

/** The steps a portal clerk must give a reason for, and what a missing one is told. */
const PORTAL_REASONS: Readonly<Record<string, string>> = {
  "02": t.refusalReasonRequired,
  "13": t.recall.reasonRequired,
  "16": t.recall.refuseReasonRequired,
};
const isUuid = (v: string) => z.uuid().safeParse(v).success;

/** A recipient moves its copy (03 accept, 02 refuse, 04 assign, 05 handling, 06 done) or answers a recall (15/16); the sender asks a recall (13). */
export const setDocumentStatus = defineUseCase({
  name: "document.status",
  permission: "document.receive",
  schema: StatusChange,
  entityType: "document_recipient",
  async run(input, { tx, actor, user }) {
    const agencyId = actorAgencyId(actor);
    if (agencyId == null || !isUuid(input.recipientId)) throw notFound();
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id::text FROM document_recipient WHERE id = ${input.recipientId}::uuid FOR UPDATE`;
    if (!locked.length) throw notFound();
    const r = await tx.documentRecipient.findUniqueOrThrow({
      where: { id: input.recipientId },
      include: { document: { select: { senderAgencyId: true, documentKey: true } } },
    });
    const side = r.agencyId === agencyId ? "recipient" : r.document.senderAgencyId === agencyId ? "sender" : null;
    if (!side) throw notFound();
    if (user) {
      // A clerk's change is logged here (status in, then its delivery out); an agency system's call by the API.
      await logExchange(tx, {
        operation: "portal-status",
        agencyId,
        documentKey: r.document.documentKey,
        requestInAt: new Date(),
        responseOutAt: new Date(),
        success: true,
        size: 0,
      });
    }
    const status = await applyRecipientStatus(tx, r, side, {
      status: input.status,
      expectedVersion: input.version ?? r.version,
      description: input.description ?? null,
      staffName: user?.fullName ?? input.staff?.name ?? null,
      department: input.department ?? input.staff?.department ?? null,
      actorId: user?.id ?? null,
      // Named as the caller knows the field: the API's `description`, the portal form's label. The portal's
      // clerks also give a reason when they ask a recall (13) or refuse one (16); the API keeps them optional.
      reasonRequired: actor.kind === "agency_system" ? { "02": t.api.reasonRequired } : PORTAL_REASONS,
    });
    return {
      result: { recipientId: r.id, documentKey: r.document.documentKey, status },
      entityId: r.id,
      details: { documentKey: r.document.documentKey, status: input.status },
    };
  },
});

/**
 * One status step on a copy: the QCVN 102 transition rule, the reason a refusal needs, the arrival number on
 * acceptance, a refused recall returning to where handling stood, the version check, the events, and the
 * other side told (the sender, or for a recall request the recipient). Answers the copy's new status.
 */
async function applyRecipientStatus(
  tx: Tx,
  r: { id: string; agencyId: number; status: string; arrivalNumber: number | null },
  side: "sender" | "recipient",
  step: {
    status: string;
    expectedVersion: number;
    description: string | null;
    staffName: string | null;
    department: string | null;
    actorId: string | null;
    /** The steps that need a reason (description), and what one without it is told. */
    reasonRequired: Readonly<Record<string, string>>;
  },
): Promise<string> {
  const decision = nextRecipientStatus(r.status, step.status, side);
  if (!decision.ok) throw new AppError("conflict", decision.message, "status", "invalid_transition");
  const reasonMissing = step.reasonRequired[step.status];
  if (reasonMissing && !step.description) throw new AppError("invalid", reasonMissing, "description", "reason_required");
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
  if (updated.count === 0) throw new AppError("conflict", t.stale, undefined, "stale");
  const who = { actorId: step.actorId, staffName: step.staffName, department: step.department };
  const event = await tx.documentStatusEvent.create({
    data: { recipientId: r.id, status: step.status, ...who, description: step.description },
    select: { id: true },
  });
  if (newStatus !== step.status) {
    await tx.documentStatusEvent.create({ data: { recipientId: r.id, status: newStatus, ...who, description: t.resumedEvent } });
  }
  await deliverStatus(tx, event.id, side === "recipient" ? "sender" : "recipient");
  return newStatus;
}

const RecallAll = z.object({
  documentKey: z.string().max(300),
  /** Why the sender asks the copies back; told to every recipient. */
  description: z.string().trim().max(2000).optional(),
});

/**
 * The sender asks every copy of a document back (13) at once, from the sent register: in one transaction, each
 * copy the rule still lets it recall (nextRecipientStatus, as for one copy) takes the same step as
 * setDocumentStatus would give it; copies already answered, refused or finished are left and named in the
 * answer. Refused when no copy can be recalled.
 */
export const recallAllCopies = defineUseCase({
  name: "document.recall-all",
  permission: "document.send",
  schema: RecallAll,
  entityType: "document",
  async run(input, { tx, actor, user }) {
    const agencyId = actorAgencyId(actor);
    if (agencyId == null) throw notFound();
    const doc = await tx.document.findUnique({ where: { documentKey: input.documentKey }, select: { id: true, senderAgencyId: true } });
    if (!doc || doc.senderAgencyId !== agencyId) throw notFound();
    const ids = await tx.$queryRaw<{ id: string }[]>`
      SELECT id::text FROM document_recipient WHERE document_id = ${doc.id}::uuid ORDER BY id FOR UPDATE`;
    const copies = await tx.documentRecipient.findMany({
      where: { id: { in: ids.map((r) => r.id) } },
      orderBy: { id: "asc" },
      select: { id: true, agencyId: true, status: true, arrivalNumber: true, version: true },
    });
    const open = copies.filter((c) => nextRecipientStatus(c.status, "13", "sender").ok);
    if (open.length === 0) throw new AppError("conflict", t.recall.nothingToRecall, undefined, "invalid_transition");
    if (user) {
      await logExchange(tx, {
        operation: "portal-status",
        agencyId,
        documentKey: input.documentKey,
        requestInAt: new Date(),
        responseOutAt: new Date(),
        success: true,
        size: 0,
      });
    }
    for (const c of open) {
      await applyRecipientStatus(tx, c, "sender", {
        status: "13",
        expectedVersion: c.version,
        description: input.description ?? null,
        staffName: user?.fullName ?? null,
        department: null,
        actorId: user?.id ?? null,
        reasonRequired: actor.kind === "agency_system" ? {} : PORTAL_REASONS,
      });
    }
    const recalled = open.map((c) => c.id);
    return {
      result: { documentKey: input.documentKey, recalled, left: copies.filter((c) => !recalled.includes(c.id)).map((c) => c.id) },
      entityId: doc.id,
      details: { documentKey: input.documentKey, recalled: recalled.length },
    };
  },
});

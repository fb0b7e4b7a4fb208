// Sending documents between agencies and following them: numbering (per agency, type and year),
// the sent and incoming registers, each recipient's QCVN 102 status, and recall. Every query is scoped
// to the acting user's agency here: a document neither sent nor received by it is "not found".
import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isAgencyIdentifier } from "@/lib/agencies/identifier";
import { routeToSuccessors } from "@/lib/agencies/succession";
import { defineAction, DomainError } from "@/lib/auth/door";
import type { CurrentUser } from "@/lib/auth/current-user";
import { localDate } from "@/lib/calendar/time";
import { fold } from "@/lib/catalog/fold";
import { canonicalJson } from "@/lib/dossiers/chain";
import { db, type Tx } from "@/lib/db/client";
import { DOCUMENT_TYPES, documentId, formatNotation, nextRecipientStatus } from "./types";

const notFound = () => new DomainError("not_found", "Không tìm thấy văn bản.");

/** The abbreviation an agency signs with: central bodies their own (VPCP, BTP), provinces "UBND". */
function issuerAbbreviation(agency: { kind: string; shortName: string }): string {
  return agency.kind === "PROVINCE" ? "UBND" : agency.shortName;
}

/** The next number of the year for an agency and a document type (a row lock makes it unique). */
export async function nextNumber(tx: Tx, agencyId: number, typeCode: string, year: number): Promise<number> {
  const [row] = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO document_number_sequence (agency_id, type_code, year, last) VALUES (${agencyId}, ${typeCode}, ${year}, 1)
    ON CONFLICT (agency_id, type_code, year) DO UPDATE SET last = document_number_sequence.last + 1
    RETURNING last`;
  return row!.last;
}

/** The incoming register's numbering uses its own sequence, under a type code no document has. */
const ARRIVALS = "#DEN";

export const DocumentDraft = z.object({
  typeCode: z.string().refine((c) => c === "CV" || DOCUMENT_TYPES.some((t) => t.code === c), "Loại văn bản: vui lòng chọn loại văn bản."),
  subject: z.string().trim().min(5, "Trích yếu: vui lòng nhập trích yếu nội dung.").max(1000, "Trích yếu: không quá 1000 ký tự."),
  content: z.string().trim().max(20_000).optional(),
  signerPosition: z.string().trim().min(2, "Chức vụ người ký: vui lòng nhập.").max(200),
  signerName: z.string().trim().min(2, "Họ tên người ký: vui lòng nhập.").max(200),
  priority: z.coerce.number().int().min(0).max(3).default(0),
  secrecy: z.coerce.number().int().min(0).max(3).default(0),
  dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Hạn trả lời: ngày không hợp lệ.").optional(),
  recipients: z.array(z.string().refine(isAgencyIdentifier, "Nơi nhận: mã định danh không hợp lệ.")).min(1, "Nơi nhận: vui lòng chọn ít nhất một cơ quan.").max(100),
  messageId: z.uuid(),
  unitAbbreviation: z.string().trim().max(20).optional(),
});

export const sendDocument = defineAction({
  name: "document.send",
  permission: "document.send",
  schema: DocumentDraft,
  entityType: "document",
  async run(input, { tx, actor }) {
    const user = actor!;
    if (user.agencyId == null) throw new DomainError("forbidden", "Tài khoản chưa gắn với cơ quan nào.");
    // A retried send (same message id) is stored once, and answered with the first.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${input.messageId}, 0))`;
    const existing = await tx.document.findUnique({ where: { messageId: input.messageId }, select: { id: true, documentKey: true, senderAgencyId: true } });
    if (existing) {
      if (existing.senderAgencyId !== user.agencyId) throw new DomainError("conflict", "Mã thông điệp đã được dùng.");
      return { result: { id: existing.id, documentKey: existing.documentKey, duplicate: true }, entityId: existing.id };
    }
    const sender = await tx.agency.findUniqueOrThrow({ where: { id: user.agencyId } });
    const recipients = await tx.agency.findMany({ where: { identifier: { in: [...new Set(input.recipients)] } } });
    const missing = input.recipients.filter((r) => !recipients.some((a) => a.identifier === r));
    if (missing.length) throw new DomainError("invalid", `Nơi nhận: không tìm thấy cơ quan ${missing.join(", ")}.`, "recipients");
    await routeToSuccessors(tx, recipients, new Date()); // a merged agency's mail goes to its successor
    if (recipients.some((a) => a.id === sender.id)) throw new DomainError("invalid", "Nơi nhận: không gửi cho chính cơ quan mình.", "recipients");
    const type = DOCUMENT_TYPES.find((t) => t.code === input.typeCode);
    const now = new Date();
    const today = localDate(now);
    const year = Number(today.slice(0, 4));
    const number = await nextNumber(tx, sender.id, input.typeCode, year);
    const notation = formatNotation({ number, typeCode: input.typeCode, issuerAbbreviation: issuerAbbreviation(sender), unitAbbreviation: input.unitAbbreviation });
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
        signerPosition: input.signerPosition,
        signerName: input.signerName,
        dueDate: input.dueDate ? new Date(`${input.dueDate}T00:00:00Z`) : null,
        priority: input.priority,
        secrecy: input.secrecy,
        createdById: user.id,
        sha256: createHash("sha256").update(canonicalJson(message)).digest("hex"),
        sentAt: now,
        recipients: {
          create: recipients.map((r) => ({ agencyId: r.id, events: { create: { status: "01", description: "Văn bản đã đến hệ thống của cơ quan nhận." } } })),
        },
      },
      select: { id: true, documentKey: true },
    });
    return { result: { id: doc.id, documentKey: doc.documentKey, duplicate: false }, entityId: doc.id, details: { documentKey, recipients: input.recipients } };
  },
});

async function recipientRow(tx: Tx, user: CurrentUser, recipientId: string) {
  const r = await tx.documentRecipient.findUnique({ where: { id: recipientId }, include: { document: { select: { senderAgencyId: true, documentKey: true } } } });
  if (!r || user.agencyId == null) throw notFound();
  const side = r.agencyId === user.agencyId ? "recipient" : r.document.senderAgencyId === user.agencyId ? "sender" : null;
  if (!side) throw notFound();
  return { r, side } as const;
}

/** A recipient's clerk moves the document (03 accept, 02 refuse, 04 assign, 05 handling, 06 done) or answers a recall (15/16); the sender asks for a recall (13). */
export const setDocumentStatus = defineAction({
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
  async run(input, { tx, actor }) {
    const user = actor!;
    const { r, side } = await recipientRow(tx, user, input.recipientId);
    const decision = nextRecipientStatus(r.status, input.status, side);
    if (!decision.ok) throw new DomainError("invalid", decision.message);
    if (input.status === "02" && !input.description) throw new DomainError("invalid", "Lý do từ chối: vui lòng nhập.", "description");
    // A refused recall (16) is recorded, and the copy goes back to where its handling stood before 13.
    let newStatus: string = input.status;
    if (input.status === "16") {
      const before = await tx.documentStatusEvent.findFirst({
        where: { recipientId: r.id, status: { notIn: ["13", "15", "16"] } },
        orderBy: { id: "desc" },
        select: { status: true },
      });
      newStatus = before?.status ?? "01";
    }
    const data: Prisma.DocumentRecipientUpdateManyMutationInput = { status: newStatus, version: { increment: 1 } };
    if (input.status === "03" && r.arrivalNumber == null) {
      data.arrivalNumber = await nextNumber(tx, user.agencyId!, ARRIVALS, Number(localDate(new Date()).slice(0, 4)));
    }
    // Optimistic check: a clerk acting on a stale page is told, and nothing is overwritten.
    const updated = await tx.documentRecipient.updateMany({ where: { id: r.id, version: input.version }, data });
    if (updated.count === 0) throw new DomainError("conflict", "Văn bản vừa được cập nhật bởi người khác. Vui lòng tải lại trang.");
    await tx.documentStatusEvent.create({
      data: { recipientId: r.id, status: input.status, actorId: user.id, staffName: user.fullName, department: input.department ?? null, description: input.description ?? null },
    });
    if (newStatus !== input.status) {
      await tx.documentStatusEvent.create({ data: { recipientId: r.id, status: newStatus, actorId: user.id, staffName: user.fullName, description: "Tiếp tục xử lý sau khi từ chối lấy lại." } });
    }
    return { result: { status: newStatus }, entityId: r.id, details: { documentKey: r.document.documentKey, status: input.status } };
  },
});

export interface RegisterFilters {
  q?: string;
  from?: string;
  to?: string;
  typeCode?: string;
  priority?: number;
  status?: string;
}

function documentFilters(f: RegisterFilters): Prisma.DocumentWhereInput {
  const day = 86_400_000;
  return {
    ...(f.typeCode ? { typeCode: f.typeCode } : {}),
    ...(f.priority != null ? { priority: f.priority } : {}),
    ...(f.from || f.to
      ? {
          sentAt: {
            ...(f.from ? { gte: new Date(`${f.from}T00:00:00+07:00`) } : {}),
            ...(f.to ? { lt: new Date(new Date(`${f.to}T00:00:00+07:00`).getTime() + day) } : {}),
          },
        }
      : {}),
    ...(f.q ? { OR: [{ notation: { contains: f.q } }, { subjectSearch: { contains: fold(f.q) } }] } : {}),
  };
}

/** The sent register (sổ văn bản đi): what the agency sent, with each recipient's status history. */
export async function outgoingRegister(user: CurrentUser, f: RegisterFilters = {}, take = 50) {
  if (user.agencyId == null) return [];
  return db.document.findMany({
    where: { senderAgencyId: user.agencyId, ...documentFilters(f) },
    orderBy: { sentAt: "desc" },
    take,
    include: { recipients: { include: { agency: { select: { name: true, identifier: true } }, events: { orderBy: { at: "asc" } } } } },
  });
}

/** The incoming register (sổ văn bản đến): what reached the agency, newest first. */
export async function incomingRegister(user: CurrentUser, f: RegisterFilters = {}, take = 50) {
  if (user.agencyId == null) return [];
  return db.documentRecipient.findMany({
    where: { agencyId: user.agencyId, ...(f.status ? { status: f.status } : {}), document: documentFilters(f) },
    orderBy: [{ arrivedAt: "desc" }],
    take,
    include: { document: { include: { senderAgency: { select: { name: true, identifier: true } } } }, events: { orderBy: { at: "asc" } } },
  });
}

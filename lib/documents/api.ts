// The domain side of the versioned document API for agencies' own document-management systems: send, inbox,
// acknowledge, status and the sender's status view. There is no session here: the caller is the agency an
// API key belongs to, every query is scoped to it (anything else is "not found"), and every operation
// leaves an ExchangeLog row.
import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { routeToSuccessors } from "@/lib/agencies/succession";
import { db, type Tx } from "@/lib/db/client";
import { fileStorage, newStorageKey, sha256Hex } from "@/lib/files/storage";
import { authenticateApiKey } from "./api-keys";
import { applyRecipientStatus } from "./documents";
import { deliverDocument } from "./delivery";
import { toEdXml } from "./edxml";
import { logExchange } from "./exchange-log";
import { documentForMessage, toEdDocument } from "./message";
import type { EdDocument } from "./schema";
import { documentId } from "./types";

export type ApiOperation = "send" | "inbox" | "acknowledge" | "status" | "sent-statuses";

/** What a route handler turns into a response. */
export interface ApiAnswer {
  status: number;
  body: unknown;
}

/** What the route knows about the request before the domain sees it. */
export interface RequestMeta {
  requestInAt: Date;
  /** Request body size in bytes (0 for GET). */
  size: number;
  /** sha256 of the raw request body, when it has one. */
  sha256?: string;
}

/** An expected refusal: its status and fault code go to the caller and to the exchange log. */
export class ApiError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415,
    readonly faultCode: string,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

const notFound = () => new ApiError(404, "not_found", "Không tìm thấy văn bản.");

interface Outcome {
  status: number;
  body: unknown;
  documentKey?: string | null;
  /** Overrides for the log when the meaningful bytes are the answer's, not the request's (inbox). */
  size?: number;
  sha256?: string | null;
}

/** One exchange_log row. requestOutAt/responseInAt belong to pushes the portal makes, so they stay null here. */
async function writeLog(row: {
  operation: ApiOperation;
  agencyId: number | null;
  meta: RequestMeta;
  success: boolean;
  faultCode?: string;
  documentKey?: string | null;
  size?: number;
  sha256?: string | null;
}): Promise<void> {
  await logExchange(db, {
    operation: row.operation,
    agencyId: row.agencyId,
    documentKey: row.documentKey,
    requestInAt: row.meta.requestInAt,
    responseOutAt: new Date(),
    success: row.success,
    faultCode: row.faultCode,
    size: row.size ?? row.meta.size,
    sha256: row.sha256 ?? row.meta.sha256,
  });
}

/** A refusal decided before the domain runs (no key, unreadable body), logged like any other. */
export async function apiRefusal(operation: ApiOperation, agencyId: number | null, meta: RequestMeta, error: ApiError): Promise<ApiAnswer> {
  await writeLog({ operation, agencyId, meta, success: false, faultCode: error.faultCode });
  return { status: error.status, body: { error: error.message } };
}

function isUniqueViolation(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { code?: unknown }).code === "P2002";
}

/** Runs one operation, logs it, and turns expected refusals into answers; anything else is a logged 500. */
async function logged(operation: ApiOperation, agencyId: number, meta: RequestMeta, work: () => Promise<Outcome>): Promise<ApiAnswer> {
  let outcome: Outcome;
  try {
    outcome = await work();
  } catch (err) {
    if (err instanceof ApiError) return apiRefusal(operation, agencyId, meta, err);
    if (isUniqueViolation(err)) {
      return apiRefusal(
        operation,
        agencyId,
        meta,
        new ApiError(409, "conflict", "Văn bản trùng với văn bản đã có (cùng số, ký hiệu hoặc mã văn bản)."),
      );
    }
    await writeLog({ operation, agencyId, meta, success: false, faultCode: "internal" });
    throw err;
  }
  await writeLog({
    operation,
    agencyId,
    meta,
    success: true,
    documentKey: outcome.documentKey,
    size: outcome.size,
    sha256: outcome.sha256,
  });
  return { status: outcome.status, body: outcome.body };
}

const isUuid = (v: string) => z.uuid().safeParse(v).success;
const dateOnly = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** File extension for the storage key: the attachment's own, when it is a plain one. */
function extensionOf(name: string): string {
  const m = /\.([A-Za-z0-9]{1,10})$/.exec(name);
  return m ? m[1]!.toLowerCase() : "bin";
}

// ---------------------------------------------------------------------------------------------------------
// Send

/**
 * Stores a document numbered by the sender's own system, as given. Idempotent by messageId: a retry answers
 * 200 with the first stored document. The document's sha256 is the raw request body's (meta.sha256).
 */
export async function apiSend(agencyId: number, doc: EdDocument, meta: RequestMeta): Promise<ApiAnswer> {
  return logged("send", agencyId, meta, async () => {
    const documentKey = documentId(doc.from.organId, doc.promulgation.date, `${doc.code.number}/${doc.code.notation}`);
    const bodySha = meta.sha256 ?? createHash("sha256").update(JSON.stringify(doc)).digest("hex");
    const written: string[] = [];
    try {
      return await db.$transaction(async (tx) => {
        const sender = await tx.agency.findUniqueOrThrow({ where: { id: agencyId } });
        if (doc.from.organId !== sender.identifier) {
          throw new ApiError(
            403,
            "forbidden",
            `from.organId: khóa API thuộc cơ quan ${sender.identifier}, không được gửi văn bản thay cơ quan ${doc.from.organId}.`,
          );
        }
        // Concurrent retries of one message wait for each other here, so only the first stores it.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${doc.messageId}, 0))`;
        const existing = await tx.document.findUnique({
          where: { messageId: doc.messageId },
          select: { documentKey: true, senderAgencyId: true, sha256: true },
        });
        if (existing) {
          // The same message id for a different document is a sender bug, not a retry.
          if (existing.senderAgencyId !== agencyId || existing.documentKey !== documentKey) {
            throw new ApiError(409, "message_id_used", `messageId: mã thông điệp ${doc.messageId} đã được dùng cho văn bản khác.`);
          }
          return { status: 200, body: { documentKey, sha256: existing.sha256, duplicate: true }, documentKey, sha256: existing.sha256 };
        }

        const ids = doc.to.map((t) => t.organId);
        const recipients = await tx.agency.findMany({ where: { identifier: { in: ids } }, select: { id: true, identifier: true } });
        const missing = ids.filter((i) => !recipients.some((r) => r.identifier === i));
        if (missing.length) throw new ApiError(400, "unknown_recipient", `to: không tìm thấy cơ quan nhận ${missing.join(", ")}.`);
        await routeToSuccessors(tx, recipients, new Date(), (m) => new ApiError(400, "unknown_recipient", `to: ${m}`)); // a merged agency's mail goes to its successor
        if (recipients.some((r) => r.id === agencyId))
          throw new ApiError(400, "self_recipient", "to: không gửi văn bản cho chính cơ quan mình.");

        const year = Number(doc.promulgation.date.slice(0, 4));
        const clash = await tx.document.findFirst({
          where: { OR: [{ senderAgencyId: agencyId, typeCode: doc.documentType.code, year, number: doc.code.number }, { documentKey }] },
          select: { documentKey: true },
        });
        if (clash) {
          throw new ApiError(
            409,
            "number_used",
            `code.number: số ${doc.code.number} loại ${doc.documentType.code} năm ${year} đã được dùng cho văn bản ${clash.documentKey}.`,
          );
        }

        let replacesId: string | null = null;
        if (doc.trace.replacesDocumentId) {
          const replaced = await tx.document.findUnique({
            where: { documentKey: doc.trace.replacesDocumentId },
            select: { id: true, senderAgencyId: true },
          });
          if (!replaced || replaced.senderAgencyId !== agencyId) {
            throw new ApiError(
              400,
              "unknown_replaced",
              `trace.replacesDocumentId: không tìm thấy văn bản ${doc.trace.replacesDocumentId} của cơ quan gửi.`,
            );
          }
          replacesId = replaced.id;
        }

        // The portal's own numbering must not later mint a number the sender's system already used.
        await bumpSequence(tx, agencyId, doc.documentType.code, year, doc.code.number);

        const attachments = [];
        for (const [i, a] of doc.attachments.entries()) {
          const bytes = Buffer.from(a.contentBase64, "base64");
          // The attachment table has no position column, so the key carries the message's order: the
          // message id (unique) and a zero-padded index, read back ordered by key.
          const ext = extensionOf(a.name);
          const storageKey = newStorageKey(ext).replace(/[^/]+$/, `${doc.messageId}-${String(i).padStart(3, "0")}.${ext}`);
          await fileStorage().put(storageKey, bytes);
          written.push(storageKey);
          attachments.push({ name: a.name, contentType: a.contentType, size: bytes.byteLength, sha256: sha256Hex(bytes), storageKey });
        }

        const created = await tx.document.create({
          select: { id: true },
          data: {
            messageId: doc.messageId,
            senderAgencyId: agencyId,
            documentKey,
            number: doc.code.number,
            notation: `${doc.code.number}/${doc.code.notation}`,
            typeCode: doc.documentType.code,
            typeName: doc.documentType.name,
            year,
            promulgationPlace: doc.promulgation.place,
            promulgationDate: dateOnly(doc.promulgation.date),
            subject: doc.subject,
            content: doc.content ?? null,
            signerCompetence: doc.signer.competence ?? null,
            signerPosition: doc.signer.position,
            signerName: doc.signer.fullName,
            dueDate: doc.dueDate ? dateOnly(doc.dueDate) : null,
            priority: doc.priority,
            secrecy: doc.secrecy,
            businessType: doc.trace.businessType,
            responseForKey: doc.responseFor?.documentId ?? null,
            replacesId,
            sha256: bodySha,
            sentAt: new Date(),
            attachments: { create: attachments },
            recipients: {
              create: recipients.map((r) => ({
                agencyId: r.id,
                events: { create: { status: "01", description: "Văn bản đã đến hệ thống của cơ quan nhận." } },
              })),
            },
          },
        });
        await deliverDocument(tx, created.id);
        return { status: 201, body: { documentKey, sha256: bodySha, duplicate: false }, documentKey, sha256: bodySha };
      });
    } catch (err) {
      // The transaction did not store the document, so its files must not linger either.
      await Promise.all(
        written.map((k) =>
          fileStorage()
            .remove(k)
            .catch(() => undefined),
        ),
      );
      throw err;
    }
  });
}

async function bumpSequence(tx: Tx, agencyId: number, typeCode: string, year: number, number: number): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO document_number_sequence (agency_id, type_code, year, last) VALUES (${agencyId}, ${typeCode}, ${year}, ${number})
    ON CONFLICT (agency_id, type_code, year) DO UPDATE SET last = GREATEST(document_number_sequence.last, EXCLUDED.last)`;
}

// ---------------------------------------------------------------------------------------------------------
// Inbox and acknowledgement

interface InboxItem {
  recipientId: string;
  documentKey: string;
  /** sha256 of the message as the sender sent it: what the acknowledgement echoes. */
  sha256: string;
  status: string;
  arrivedAt: string;
  document: EdDocument;
  /** sha256 of each attachment, in the order of document.attachments. */
  attachmentsSha256: string[];
}

export const INBOX_MAX_LIMIT = 50;

/** Documents addressed to the agency and not yet acknowledged, oldest first. */
export async function apiInbox(
  agencyId: number,
  query: { since?: Date; limit: number; format?: "json" | "edxml" },
  meta: RequestMeta,
): Promise<ApiAnswer> {
  return logged("inbox", agencyId, meta, async () => {
    const rows = await db.documentRecipient.findMany({
      where: { agencyId, acknowledgedAt: null, ...(query.since ? { arrivedAt: { gte: query.since } } : {}) },
      orderBy: [{ arrivedAt: "asc" }, { id: "asc" }],
      take: Math.min(Math.max(1, query.limit), INBOX_MAX_LIMIT),
      include: { document: { include: documentForMessage } },
    });
    const replacedIds = rows.map((r) => r.document.replacesId).filter((v): v is string => v !== null);
    const replaced = replacedIds.length
      ? await db.document.findMany({ where: { id: { in: replacedIds } }, select: { id: true, documentKey: true } })
      : [];
    const items: InboxItem[] = [];
    for (const r of rows) {
      const replacesKey = replaced.find((x) => x.id === r.document.replacesId)?.documentKey ?? null;
      const { doc, attachmentsSha256 } = await toEdDocument(r.document, replacesKey);
      items.push({
        recipientId: r.id,
        documentKey: r.document.documentKey,
        sha256: r.document.sha256,
        status: r.status,
        arrivedAt: r.arrivedAt.toISOString(),
        document: doc,
        attachmentsSha256,
      });
    }
    const body =
      query.format === "edxml"
        ? items.map((i) => ({ recipientId: i.recipientId, documentKey: i.documentKey, sha256: i.sha256, edxml: toEdXml(i.document) }))
        : items;
    // What left the portal is the answer, so the log records its size and hash.
    const json = JSON.stringify(body);
    return { status: 200, body, size: Buffer.byteLength(json), sha256: createHash("sha256").update(json).digest("hex") };
  });
}

/** Proof of receipt: marks the agency's copy acknowledged and echoes the sha256 of the message received. */
export async function apiAcknowledge(agencyId: number, recipientId: string, meta: RequestMeta): Promise<ApiAnswer> {
  return logged("acknowledge", agencyId, meta, async () => {
    if (!isUuid(recipientId)) throw notFound();
    const r = await db.documentRecipient.findUnique({
      where: { id: recipientId },
      include: { document: { select: { documentKey: true, sha256: true } } },
    });
    if (!r || r.agencyId !== agencyId) throw notFound();
    // A repeated acknowledgement keeps the first time: it answers the same, so a lost answer can be retried.
    const acknowledgedAt = r.acknowledgedAt ?? new Date();
    if (!r.acknowledgedAt) await db.documentRecipient.updateMany({ where: { id: r.id, acknowledgedAt: null }, data: { acknowledgedAt } });
    const current = await db.documentRecipient.findUniqueOrThrow({ where: { id: r.id }, select: { acknowledgedAt: true } });
    return {
      status: 200,
      body: {
        recipientId: r.id,
        documentKey: r.document.documentKey,
        sha256: r.document.sha256,
        acknowledgedAt: current.acknowledgedAt!.toISOString(),
      },
      documentKey: r.document.documentKey,
      sha256: r.document.sha256,
    };
  });
}

// ---------------------------------------------------------------------------------------------------------
// Status

export const StatusInput = z.strictObject(
  {
    status: z.enum(["02", "03", "04", "05", "06", "13", "15", "16"], { error: "status: phải là một trong 02, 03, 04, 05, 06, 13, 15, 16" }),
    description: z
      .string({ error: "description: phải là chuỗi ký tự" })
      .trim()
      .max(2000, { error: "description: tối đa 2000 ký tự" })
      .optional(),
    staff: z
      .strictObject(
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
      )
      .optional(),
  },
  { error: "Nội dung phải là đối tượng { status, description?, staff? }" },
);

/** A recipient moves its own copy; a sender asks a recall (13) of a copy it sent. Serialised per copy. */
export async function apiSetStatus(agencyId: number, recipientId: string, input: unknown, meta: RequestMeta): Promise<ApiAnswer> {
  return logged("status", agencyId, meta, async () => {
    if (!isUuid(recipientId)) throw notFound();
    return db.$transaction(async (tx) => {
      // The row lock replaces the UI's optimistic version: two API calls on one copy take turns instead of failing.
      const locked = await tx.$queryRaw<
        { id: string }[]
      >`SELECT id::text FROM document_recipient WHERE id = ${recipientId}::uuid FOR UPDATE`;
      if (!locked.length) throw notFound();
      const r = await tx.documentRecipient.findUniqueOrThrow({
        where: { id: recipientId },
        include: { document: { select: { senderAgencyId: true, documentKey: true } } },
      });
      const side = r.agencyId === agencyId ? "recipient" : r.document.senderAgencyId === agencyId ? "sender" : null;
      if (!side) throw notFound();

      const parsed = StatusInput.safeParse(input);
      if (!parsed.success) throw new ApiError(400, "invalid", parsed.error.issues.map((i) => i.message).join("\n"));
      const { status, description, staff } = parsed.data;
      const step = await applyRecipientStatus(tx, r, side, {
        status,
        expectedVersion: r.version,
        description: description ?? null,
        staffName: staff?.name ?? null,
        department: staff?.department ?? null,
        actorId: null,
      });
      if (!step.ok) {
        if (step.reason === "reason_required")
          throw new ApiError(400, "invalid", "description: bắt buộc khi từ chối văn bản (02), nêu lý do từ chối.");
        throw new ApiError(409, "invalid_transition", step.message);
      }
      const newStatus = step.status;
      return {
        status: 200,
        body: { recipientId: r.id, documentKey: r.document.documentKey, status: newStatus },
        documentKey: r.document.documentKey,
      };
    });
  });
}

/** The sender's view of one document it sent: each recipient's status and history. */
export async function apiSentStatuses(agencyId: number, documentKey: string, meta: RequestMeta): Promise<ApiAnswer> {
  return logged("sent-statuses", agencyId, meta, async () => {
    const d = await db.document.findUnique({
      where: { documentKey },
      include: {
        recipients: {
          include: { agency: { select: { identifier: true, name: true } }, events: { orderBy: { id: "asc" } } },
          orderBy: { id: "asc" },
        },
      },
    });
    if (!d || d.senderAgencyId !== agencyId) throw notFound();
    return {
      status: 200,
      body: {
        documentKey: d.documentKey,
        sha256: d.sha256,
        recipients: d.recipients.map((r) => ({
          recipientId: r.id,
          organId: r.agency.identifier,
          organName: r.agency.name,
          status: r.status,
          acknowledgedAt: r.acknowledgedAt?.toISOString() ?? null,
          history: r.events.map((e) => ({
            status: e.status,
            at: e.at.toISOString(),
            staff: e.staffName ? { name: e.staffName, ...(e.department ? { department: e.department } : {}) } : null,
            ...(e.description ? { description: e.description } : {}),
          })),
        })),
      },
      documentKey: d.documentKey,
    };
  });
}

// ---------------------------------------------------------------------------------------------------------
// HTTP glue shared by the route handlers (kept here so each handler stays a few lines).

/** The JSON response of an answer; API answers are never cached. */
export function respond(answer: ApiAnswer): Response {
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (answer.status === 401) headers["WWW-Authenticate"] = 'Bearer realm="dichvucong"';
  return Response.json(answer.body, { status: answer.status, headers });
}

/** The key's agency, or the logged 401 response to return. */
export async function authenticateRequest(
  request: Request,
  operation: ApiOperation,
  meta: RequestMeta,
): Promise<{ agencyId: number } | Response> {
  const identity = await authenticateApiKey(request.headers.get("authorization"));
  if (identity) return { agencyId: identity.agencyId };
  return respond(
    await apiRefusal(
      operation,
      null,
      meta,
      new ApiError(401, "unauthorized", "Thiếu khóa API hoặc khóa không hợp lệ (Authorization: Bearer <khóa>)."),
    ),
  );
}

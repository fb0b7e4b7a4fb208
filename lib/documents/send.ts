// Sending a document to other agencies: the one use case behind the portal's compose form and the agency
// API's POST /van-ban. Either the portal numbers the document (per agency, type and year) or the sender's
// own system did (its number is checked against the register and the sequence moved past it). Idempotent
// by message id; recipients merged into another agency are routed to the successor; the document reaches
// each recipient with status 01 and goes out through the delivery outbox.
import "server-only";
import { createHash } from "node:crypto";
import type { Agency, Prisma } from "@/lib/generated/prisma/client";
import { routeToSuccessors } from "@/lib/agencies/succession";
import { actorAgencyId } from "@/lib/auth/actor";
import { defineUseCase, AppError } from "@/lib/auth/door";
import { localDate } from "@/lib/calendar/time";
import { canonicalJson } from "@/lib/dossiers/chain";
import type { Tx } from "@/lib/db/client";
import { documentExchangeText as t } from "@/lib/i18n/vi/document-exchange";
import { deliverDocument } from "./delivery";
import { logExchange } from "./exchange-log";
import { bumpSequence, issuerAbbreviation, nextNumber } from "./numbering";
import { SendInput, type PortalDraft, type SenderNumbered } from "./send-input";
import { DOCUMENT_TYPES, documentId, formatNotation } from "./types";

export interface SentDocument {
  id: string;
  documentKey: string;
  sha256: string;
  /** A retry of a message already stored: nothing new was stored, the first document answers. */
  duplicate: boolean;
}

/** The columns a numbering decides, and the sha256 of the message. */
type Numbered = Omit<Prisma.DocumentUncheckedCreateInput, "messageId" | "senderAgencyId" | "sentAt" | "attachments" | "recipients">;

const dateOnly = (iso: string) => new Date(`${iso}T00:00:00Z`);

export const sendDocument = defineUseCase({
  name: "document.send",
  permission: "document.send",
  schema: SendInput,
  entityType: "document",
  async run(input, { tx, actor, user }) {
    const agencyId = actorAgencyId(actor);
    if (agencyId == null) throw new AppError("forbidden", t.noAgency);
    const sender = await tx.agency.findUniqueOrThrow({ where: { id: agencyId } });
    const api = input.numbering === "sender";
    if (api && input.message.from.organId !== sender.identifier) {
      throw new AppError("forbidden", t.foreignSender(sender.identifier, input.message.from.organId), "from", "foreign_sender");
    }
    const messageId = api ? input.message.messageId : input.messageId;
    // The sender's own numbering fixes the document key before anything is stored.
    const givenKey = api ? senderDocumentKey(input.message) : null;

    // Concurrent retries of one message wait for each other here, so only the first stores it.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${messageId}, 0))`;
    const existing = await tx.document.findUnique({
      where: { messageId },
      select: { id: true, documentKey: true, senderAgencyId: true, sha256: true },
    });
    if (existing) {
      // The same message id for a different document is a sender's bug, not a retry.
      if (existing.senderAgencyId !== sender.id || (givenKey !== null && existing.documentKey !== givenKey)) {
        throw new AppError("conflict", t.messageIdUsed("messageId", messageId), "messageId", "message_id_used");
      }
      const result: SentDocument = { id: existing.id, documentKey: existing.documentKey, sha256: existing.sha256, duplicate: true };
      return { result, entityId: existing.id };
    }

    const requested = api ? input.message.to.map((r) => r.organId) : input.recipients;
    const recipients = await resolveRecipients(tx, sender.id, requested, api ? "to" : "recipients", api ? "to" : t.recipientsLabel);
    const now = new Date();
    const numbered = api ? await senderNumbered(tx, sender, input, givenKey!) : await portalNumbered(tx, sender, input, recipients, now);

    const doc = await tx.document.create({
      data: {
        ...numbered,
        messageId,
        senderAgencyId: sender.id,
        createdById: user?.id ?? null,
        sentAt: now,
        attachments: { create: input.attachments },
        recipients: {
          create: recipients.map((r) => ({ agencyId: r.id, events: { create: { status: "01", description: t.arrivedEvent } } })),
        },
      },
      select: { id: true, documentKey: true, sha256: true },
    });
    // An agency's system has its call logged by the API; a clerk's send is logged here, with the document.
    if (input.numbering === "portal") {
      await logExchange(tx, {
        operation: "portal-send",
        agencyId: sender.id,
        documentKey: doc.documentKey,
        requestInAt: now,
        responseOutAt: new Date(),
        success: true,
        size: Buffer.byteLength(canonicalMessage(sender, recipients, doc.documentKey, input)),
        sha256: doc.sha256,
      });
    }
    await deliverDocument(tx, doc.id);
    const result: SentDocument = { ...doc, duplicate: false };
    return { result, entityId: doc.id, details: { documentKey: doc.documentKey, recipients: requested } };
  },
});

function senderDocumentKey(m: SenderNumbered["message"]): string {
  return documentId(m.from.organId, m.promulgation.date, `${m.code.number}/${m.code.notation}`);
}

/** The recipients by identifier, a merged agency replaced by its successor; never the sender itself. */
async function resolveRecipients(tx: Tx, senderId: number, identifiers: string[], field: string, label: string) {
  const unique = [...new Set(identifiers)];
  const recipients = await tx.agency.findMany({ where: { identifier: { in: unique } } });
  const missing = unique.filter((i) => !recipients.some((r) => r.identifier === i));
  if (missing.length) throw new AppError("invalid", t.unknownRecipient(label, missing), field, "unknown_recipient");
  await routeToSuccessors(
    tx,
    recipients,
    new Date(),
    (m) => new AppError("invalid", t.retiredRecipient(label, m), field, "unknown_recipient"),
  );
  if (recipients.some((r) => r.id === senderId)) throw new AppError("invalid", t.selfRecipient(label), field, "self_recipient");
  return recipients;
}

/** A document the sender's system numbered: its number must be free, and the portal's sequence moves past it. */
async function senderNumbered(tx: Tx, sender: Agency, input: SenderNumbered, documentKey: string): Promise<Numbered> {
  const m = input.message;
  const year = Number(m.promulgation.date.slice(0, 4));
  const clash = await tx.document.findFirst({
    where: { OR: [{ senderAgencyId: sender.id, typeCode: m.documentType.code, year, number: m.code.number }, { documentKey }] },
    select: { documentKey: true },
  });
  if (clash) {
    throw new AppError("conflict", t.numberUsed(m.code.number, m.documentType.code, year, clash.documentKey), "code", "number_used");
  }
  // An answer names a document the agency received; one it never received cannot be answered.
  if (m.responseFor && !(await receivedDocument(tx, sender.id, m.responseFor.documentId))) {
    throw new AppError("invalid", t.unknownAnsweredApi(m.responseFor.documentId), "responseFor", "unknown_answered");
  }
  let replacesId: string | null = null;
  if (m.trace.replacesDocumentId) {
    const replaced = await ownSentDocument(tx, sender.id, m.trace.replacesDocumentId);
    if (!replaced) throw new AppError("invalid", t.unknownReplacedApi(m.trace.replacesDocumentId), "trace", "unknown_replaced");
    replacesId = replaced;
  }
  await bumpSequence(tx, sender.id, m.documentType.code, year, m.code.number);
  return {
    documentKey,
    number: m.code.number,
    notation: `${m.code.number}/${m.code.notation}`,
    typeCode: m.documentType.code,
    typeName: m.documentType.name,
    year,
    promulgationPlace: m.promulgation.place,
    promulgationDate: dateOnly(m.promulgation.date),
    subject: m.subject,
    content: m.content ?? null,
    signerCompetence: m.signer.competence ?? null,
    signerPosition: m.signer.position,
    signerName: m.signer.fullName,
    dueDate: m.dueDate ? dateOnly(m.dueDate) : null,
    priority: m.priority,
    secrecy: m.secrecy,
    businessType: m.trace.businessType,
    responseForKey: m.responseFor?.documentId ?? null,
    replacesId,
    sha256: input.sha256,
  };
}

/** A document composed in the portal: numbered here, dated today (Vietnam time). */
async function portalNumbered(tx: Tx, sender: Agency, input: PortalDraft, recipients: Agency[], now: Date): Promise<Numbered> {
  let replacesId: string | null = null;
  if (input.businessType !== 0) {
    replacesId = input.replacesKey ? await ownSentDocument(tx, sender.id, input.replacesKey) : null;
    if (!replacesId) throw new AppError("invalid", t.unknownReplacedPortal, "replacesKey", "unknown_replaced");
  }
  if (input.responseForKey && !(await receivedDocument(tx, sender.id, input.responseForKey))) {
    throw new AppError("invalid", t.unknownAnswered, "responseForKey", "unknown_answered");
  }
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
  return {
    documentKey,
    number,
    notation,
    typeCode: input.typeCode,
    typeName: DOCUMENT_TYPES.find((d) => d.code === input.typeCode)?.name ?? "Công văn",
    year,
    promulgationPlace: sender.kind === "PROVINCE" ? sender.shortName : "Hà Nội",
    promulgationDate: dateOnly(today),
    subject: input.subject,
    content: input.content || null,
    signerCompetence: input.signerCompetence || null,
    signerPosition: input.signerPosition,
    signerName: input.signerName,
    responseForKey: input.responseForKey || null,
    dueDate: input.dueDate ? dateOnly(input.dueDate) : null,
    priority: input.priority,
    secrecy: input.secrecy,
    businessType: input.businessType,
    replacesId,
    sha256: createHash("sha256")
      .update(canonicalMessage(sender, recipients, documentKey, input))
      .digest("hex"),
  };
}

/** What a portal-composed message is, for its hash and logged size: sender, recipients, key and the form. */
function canonicalMessage(sender: Agency, recipients: Agency[], documentKey: string, input: PortalDraft): string {
  const form: Partial<PortalDraft> = { ...input };
  delete form.numbering;
  return canonicalJson({ from: sender.identifier, to: recipients.map((r) => r.identifier).sort(), documentKey, ...form });
}

/** Whether the agency received the document with this key (it has a copy in its incoming register). */
async function receivedDocument(tx: Tx, agencyId: number, documentKey: string): Promise<boolean> {
  const copy = await tx.documentRecipient.findFirst({ where: { agencyId, document: { documentKey } }, select: { id: true } });
  return copy !== null;
}

/** The id of a document the agency sent, by its key; null when there is none of the agency's. */
async function ownSentDocument(tx: Tx, senderId: number, documentKey: string): Promise<string | null> {
  const d = await tx.document.findUnique({ where: { documentKey }, select: { id: true, senderAgencyId: true } });
  return d && d.senderAgencyId === senderId ? d.id : null;
}

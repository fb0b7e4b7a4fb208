// A stored document as the message agencies' systems receive: the EdDocument (JSON or, through edxml.ts,
// edXML) read back from the database and file storage. Used by the inbox (pull) and by pushes.
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { fileStorage } from "@/lib/files/storage";
import type { EdDocument } from "./schema";
import { parseDocumentId } from "./types";

const isoOf = (d: Date) => d.toISOString().slice(0, 10);

const documentForMessage = {
  senderAgency: { select: { identifier: true, name: true } },
  recipients: { select: { agency: { select: { identifier: true, name: true } } } },
  attachments: { orderBy: { storageKey: "asc" } },
} satisfies Prisma.DocumentInclude;

type StoredDocument = Prisma.DocumentGetPayload<{ include: typeof documentForMessage }>;

/** A recipient's copy with its document, as inboxItems reads it. */
export const recipientForMessage = { document: { include: documentForMessage } } satisfies Prisma.DocumentRecipientInclude;
type StoredRecipient = Prisma.DocumentRecipientGetPayload<{ include: typeof recipientForMessage }>;

/** One recipient's copy as its agency's system receives it, pulled from the inbox or pushed. */
export interface InboxItem {
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

/** The inbox items of recipients' copies, in their order; the documents they replace are looked up at once. */
export async function inboxItems(rows: readonly StoredRecipient[]): Promise<InboxItem[]> {
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
  return items;
}

/**
 * The EdDocument of a stored document. Fields the database does not keep (sender address, e-mail and phone,
 * steering type, attachment descriptions) are left out, which the schema allows.
 */
async function toEdDocument(d: StoredDocument, replacesKey: string | null): Promise<{ doc: EdDocument; attachmentsSha256: string[] }> {
  const slash = d.notation.indexOf("/");
  const responseFor = d.responseForKey ? parseDocumentId(d.responseForKey) : null;
  const attachments: EdDocument["attachments"] = [];
  for (const a of d.attachments) {
    const bytes = await fileStorage().get(a.storageKey);
    attachments.push({ contentType: a.contentType, name: a.name, contentBase64: bytes.toString("base64") });
  }
  const doc: EdDocument = {
    from: { organId: d.senderAgency.identifier, organName: d.senderAgency.name },
    to: d.recipients.map((r) => ({ organId: r.agency.identifier, organName: r.agency.name })),
    code: { number: d.number, notation: slash >= 0 ? d.notation.slice(slash + 1) : d.notation },
    promulgation: { place: d.promulgationPlace, date: isoOf(d.promulgationDate) },
    documentType: { code: d.typeCode, name: d.typeName },
    subject: d.subject,
    ...(d.content ? { content: d.content } : {}),
    signer: { ...(d.signerCompetence ? { competence: d.signerCompetence } : {}), position: d.signerPosition, fullName: d.signerName },
    ...(d.dueDate ? { dueDate: isoOf(d.dueDate) } : {}),
    priority: d.priority,
    secrecy: d.secrecy,
    ...(responseFor && d.responseForKey
      ? {
          responseFor: {
            organId: responseFor.organId,
            code: responseFor.notation,
            promulgationDate: responseFor.promulgationDate,
            documentId: d.responseForKey,
          },
        }
      : {}),
    trace: { businessType: d.businessType, ...(replacesKey ? { replacesDocumentId: replacesKey } : {}) },
    messageId: d.messageId,
    attachments,
  };
  return { doc, attachmentsSha256: d.attachments.map((a) => a.sha256) };
}

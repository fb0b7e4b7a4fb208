// A stored document as the message agencies' systems receive: the EdDocument (JSON or, through edxml.ts,
// edXML) read back from the database and file storage. Used by the inbox (pull) and by pushes.
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { fileStorage } from "@/lib/files/storage";
import type { EdDocument } from "./schema";
import { parseDocumentId } from "./types";

const isoOf = (d: Date) => d.toISOString().slice(0, 10);

export const documentForMessage = {
  senderAgency: { select: { identifier: true, name: true } },
  recipients: { select: { agency: { select: { identifier: true, name: true } } } },
  attachments: { orderBy: { storageKey: "asc" } },
} satisfies Prisma.DocumentInclude;

export type StoredDocument = Prisma.DocumentGetPayload<{ include: typeof documentForMessage }>;

/**
 * The EdDocument of a stored document. Fields the database does not keep (sender address, e-mail and phone,
 * steering type, attachment descriptions) are left out, which the schema allows.
 */
export async function toEdDocument(
  d: StoredDocument,
  replacesKey: string | null,
): Promise<{ doc: EdDocument; attachmentsSha256: string[] }> {
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

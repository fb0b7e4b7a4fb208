// Documents that follow others: an update (edXML business type 2) or replacement (3) of one the agency
// sent, an answer to one it received; the starting values of their compose forms and the links both
// registers show between them.
import "server-only";
import type { CurrentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";

/**
 * A document the user's agency sent, as the starting values of its update (edXML business type 2) or
 * replacement (3): same recipients and metadata, pointing at the original. Null when it is not the agency's.
 * `onlyRecipient` (an agency identifier) starts an update for that one copy: null unless it is a recipient.
 */
export async function revisionStart(
  user: CurrentUser,
  documentKey: string,
  businessType: 2 | 3,
  onlyRecipient?: string,
): Promise<Record<string, string> | null> {
  if (user.agencyId == null) return null;
  const d = await db.document.findUnique({
    where: { documentKey },
    include: { recipients: { select: { agency: { select: { identifier: true } } } } },
  });
  if (!d || d.senderAgencyId !== user.agencyId) return null;
  const recipients = d.recipients.map((r) => r.agency.identifier).filter((id) => !onlyRecipient || id === onlyRecipient);
  if (recipients.length === 0) return null;
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
    recipients: recipients.join(","),
    businessType: String(businessType),
    replacesKey: d.documentKey,
  };
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

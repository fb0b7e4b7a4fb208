// An agency's system sending a document through the API: its message read from JSON or edXML, its base64
// attachments stored, then the one sendDocument use case, as the portal's compose form does with its files.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { AppError, type ActionResult, type Failure } from "@/lib/errors/app-error";
import { fileStorage, newStorageKey, sha256Hex } from "@/lib/files/storage";
import { checkMessageAttachments } from "./attachments";
import { fromEdXml } from "./edxml";
import { EdDocument, fieldPath, formatEdDocumentIssues } from "./schema";
import { sendDocument, type SentDocument } from "./send";
import type { StoredFile } from "./send-input";

/** The message of a request body: edXML text or JSON, validated against EdDocument. */
export function readDocumentMessage(body: { json?: unknown; edxml?: string }): { ok: true; doc: EdDocument } | Failure {
  if (body.edxml !== undefined) {
    const read = fromEdXml(body.edxml);
    return read.ok ? read : new AppError("invalid", read.error, undefined, "invalid_edxml").toFailure();
  }
  const parsed = EdDocument.safeParse(body.json);
  if (parsed.success) return { ok: true, doc: parsed.data };
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) fields[fieldPath(issue.path)] ??= issue.message;
  return new AppError("invalid", formatEdDocumentIssues(parsed.error), fields, "invalid_document").toFailure();
}

/** Sends a message the sender's system numbered. `sha256` is the raw request body's. */
export async function sendAgencyMessage(
  actor: Actor,
  doc: EdDocument,
  sha256: string,
  meta: RequestMeta,
): Promise<ActionResult<SentDocument>> {
  // Every attachment is recognised by its bytes before any is stored.
  const checked = checkMessageAttachments(doc.attachments);
  if (!checked.ok) return checked;
  const stored: StoredFile[] = [];
  const remove = () =>
    Promise.all(
      stored.map((s) =>
        fileStorage()
          .remove(s.storageKey)
          .catch(() => undefined),
      ),
    );
  try {
    for (const [i, a] of checked.files.entries()) {
      const { bytes, ext } = a;
      // Attachments are read back ordered by key: the message id and a zero-padded index keep the message's
      // order, and a random tail keeps a retry's files apart from the first try's.
      const tail = `${doc.messageId}-${String(i).padStart(3, "0")}-${randomUUID().slice(0, 8)}.${ext}`;
      const storageKey = newStorageKey(ext).replace(/[^/]+$/, tail);
      await fileStorage().put(storageKey, bytes);
      stored.push({ name: a.name, contentType: a.contentType, size: bytes.byteLength, sha256: sha256Hex(bytes), storageKey });
    }
  } catch (err) {
    await remove();
    throw err;
  }
  const r = await sendDocument(actor, { numbering: "sender", message: { ...doc, attachments: [] }, sha256, attachments: stored }, meta);
  // A refusal, or a retry answered with the document stored the first time, leaves these files unused.
  if (!r.ok || r.data.duplicate) await remove();
  return r;
}

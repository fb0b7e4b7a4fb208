// Attachments of a document composed in the portal: what is accepted (by the file's first bytes, never its
// name alone), how much, and storing them with their sha256 before the document's transaction runs.
import "server-only";
import { randomUUID } from "node:crypto";
import { AppError, type Failure } from "@/lib/errors/app-error";
import { cleanFileName, DOCUMENT_TYPES, sniffFile, type FileType } from "@/lib/files/sniff";
import { documentExchangeText as t } from "@/lib/i18n/vi/document-exchange";
import { fileStorage, newStorageKey, sha256Hex } from "@/lib/files/storage";

const MAX_DOCUMENT_FILES = 10;
const MAX_DOCUMENT_FILE_BYTES = 10 * 1024 * 1024;
const MAX_DOCUMENT_TOTAL_BYTES = 20 * 1024 * 1024;

export interface StoredDocumentFile {
  name: string;
  contentType: string;
  size: number;
  sha256: string;
  storageKey: string;
}

/** The content type and extension of a file from its head and name, or null when it is not accepted. */
export function documentFileType(name: string, head: Uint8Array): FileType | null {
  return sniffFile(head, name, DOCUMENT_TYPES);
}

const FIELD = "Tệp đính kèm";
const reselect = " Vui lòng bỏ hoặc thay tệp này; các thông tin và tệp khác đã chọn vẫn được giữ.";

/**
 * Checks and stores the files of one compose form. On any refusal nothing stays stored and the message says
 * which file and why. `remove` undoes the storing when the document's transaction fails afterwards.
 */
export async function storeDocumentFiles(
  files: File[],
  messageId: string,
): Promise<{ ok: true; files: StoredDocumentFile[]; remove: () => Promise<void> } | { ok: false; message: string }> {
  // An empty file input still posts one nameless, empty entry: that is "no file", not an empty file.
  const chosen = files.filter((f) => f.size > 0 || (!!f.name && f.name !== "undefined"));
  if (chosen.length > MAX_DOCUMENT_FILES) return { ok: false, message: `${FIELD}: tối đa ${MAX_DOCUMENT_FILES} tệp.${reselect}` };
  const total = chosen.reduce((n, f) => n + f.size, 0);
  if (total > MAX_DOCUMENT_TOTAL_BYTES) return { ok: false, message: `${FIELD}: tổng dung lượng quá 20 MB.${reselect}` };
  const checked: { file: File; bytes: Buffer; contentType: string; ext: string; name: string }[] = [];
  for (const file of chosen) {
    const name = cleanFileName(file.name);
    if (file.size === 0) return { ok: false, message: `${FIELD}: tệp "${name}" rỗng.${reselect}` };
    if (file.size > MAX_DOCUMENT_FILE_BYTES) return { ok: false, message: `${FIELD}: tệp "${name}" quá 10 MB.${reselect}` };
    const bytes = Buffer.from(await file.arrayBuffer());
    const type = documentFileType(name, bytes.subarray(0, 8));
    if (!type) return { ok: false, message: `${FIELD}: tệp "${name}" không phải PDF, JPEG, PNG, DOCX, XLSX, ODT hoặc ODS.${reselect}` };
    checked.push({ file, bytes, name, ...type });
  }
  const stored: StoredDocumentFile[] = [];
  const remove = async () => {
    await Promise.all(
      stored.map((s) =>
        fileStorage()
          .remove(s.storageKey)
          .catch(() => undefined),
      ),
    );
  };
  try {
    for (const [i, c] of checked.entries()) {
      // Attachments are read back ordered by key: the message id and a zero-padded index keep the chosen
      // order, and a random tail keeps a retried form's files apart from the first try's.
      const tail = `${messageId}-${String(i).padStart(3, "0")}-${randomUUID().slice(0, 8)}.${c.ext}`;
      const storageKey = newStorageKey(c.ext).replace(/[^/]+$/, tail);
      await fileStorage().put(storageKey, c.bytes);
      stored.push({ name: c.name, contentType: c.contentType, size: c.bytes.byteLength, sha256: sha256Hex(c.bytes), storageKey });
    }
  } catch (err) {
    await remove();
    throw err;
  }
  return { ok: true, files: stored, remove };
}

export interface CheckedMessageFile {
  name: string;
  bytes: Buffer;
  /** What the bytes are (the sender's declared type is not trusted, as for web uploads). */
  contentType: string;
  ext: string;
}

/**
 * The base64 attachments of an agency's message, decoded and recognised by their bytes like the portal's
 * uploads: a file that is none of the accepted types (an executable declared as a PDF) refuses the whole
 * message, naming the attachment, before anything is stored.
 */
export function checkMessageAttachments(
  attachments: readonly { name: string; contentType: string; contentBase64: string }[],
): { ok: true; files: CheckedMessageFile[] } | Failure {
  const files: CheckedMessageFile[] = [];
  for (const [i, a] of attachments.entries()) {
    const bytes = Buffer.from(a.contentBase64, "base64");
    const type = documentFileType(a.name, bytes.subarray(0, 8));
    if (!type) {
      const field = `attachments.${i}`;
      return new AppError("invalid", t.unsupportedAttachment(field, a.name, a.contentType), field, "unsupported_attachment").toFailure();
    }
    files.push({ name: a.name, bytes, contentType: type.contentType, ext: type.ext });
  }
  return { ok: true, files };
}

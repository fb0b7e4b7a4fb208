// What a file really is, from its first bytes: the name and the browser's claim are not trusted. The one
// sniffer: dossier papers (PDF, JPEG, PNG) and documents' attachments (those plus office files) each ask
// it with their own accepted set.

/** What is recognised by its own first bytes. */
const MAGIC = [
  { contentType: "application/pdf", ext: "pdf", bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { contentType: "image/png", ext: "png", bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { contentType: "image/jpeg", ext: "jpg", bytes: [0xff, 0xd8, 0xff] },
] as const;

/** Office formats are ZIP containers: recognised by the ZIP signature and their extension together. */
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OFFICE = [
  { contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ext: "docx" },
  { contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ext: "xlsx" },
  { contentType: "application/vnd.oasis.opendocument.text", ext: "odt" },
  { contentType: "application/vnd.oasis.opendocument.spreadsheet", ext: "ods" },
] as const;

export type SniffedType = (typeof MAGIC)[number]["contentType"] | (typeof OFFICE)[number]["contentType"];

export interface FileType {
  contentType: SniffedType;
  /** The extension to store it under. */
  ext: string;
}

/** A dossier's papers. */
export const PAPER_TYPES: readonly SniffedType[] = ["application/pdf", "image/jpeg", "image/png"];
/** A document's attachments: papers and office files. */
export const DOCUMENT_TYPES: readonly SniffedType[] = [...PAPER_TYPES, ...OFFICE.map((o) => o.contentType)];

/** The type of a file from its head (and, for ZIP-based office files, its name) if in `accepted`; null otherwise. */
export function sniffFile(head: Uint8Array, name: string, accepted: readonly SniffedType[]): FileType | null {
  const starts = (bytes: readonly number[]) => bytes.every((b, i) => head[i] === b);
  const magic = MAGIC.find((m) => starts(m.bytes));
  if (magic) return accepted.includes(magic.contentType) ? { contentType: magic.contentType, ext: magic.ext } : null;
  if (!starts(ZIP)) return null;
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase() ?? "";
  const office = OFFICE.find((o) => o.ext === ext);
  return office && accepted.includes(office.contentType) ? { contentType: office.contentType, ext: office.ext } : null;
}

/** Upload limits. */
export const MAX_FILE_BYTES = Number(process.env.MAX_FILE_BYTES ?? 10 * 1024 * 1024);
export const MAX_DOSSIER_BYTES = Number(process.env.MAX_DOSSIER_BYTES ?? 30 * 1024 * 1024);

/** A file name safe to show and to put in a Content-Disposition header. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "tai-lieu";
  const cleaned = base
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, "")
    .trim()
    .slice(0, 150);
  return cleaned || "tai-lieu";
}

// What a file really is, from its first bytes: the name and the browser's claim are not trusted.
export type AcceptedType = "application/pdf" | "image/jpeg" | "image/png";

export function sniffContentType(head: Uint8Array): AcceptedType | null {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return "application/pdf"; // %PDF-
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
  if (starts(0xff, 0xd8, 0xff)) return "image/jpeg";
  return null;
}

export const EXTENSION: Record<AcceptedType, string> = { "application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png" };

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

// The one CSV writer (RFC 4180): fields quoted only when they hold a quote, comma or line break, quotes
// doubled, every record ended by CRLF; null is an empty field. With `bom`, a UTF-8 byte-order mark first:
// Excel reads a UTF-8 CSV as UTF-8 (diacritics intact) only when it starts with one.
import { fileDownload } from "./download";

export type CsvValue = string | number | null;

const BOM = "\uFEFF";

function cell(value: CsvValue): string {
  if (value === null) return "";
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** The records (the header first) as one CSV text. */
export function toCsv(records: readonly (readonly CsvValue[])[], options: { bom?: boolean } = {}): string {
  return (options.bom ? BOM : "") + records.map((r) => `${r.map(cell).join(",")}\r\n`).join("");
}

/** A CSV text as a download: UTF-8 with a byte-order mark when the text lacks one, and the caller's caching. */
export function csvDownload(text: string, fileName: string, cacheControl: string): Response {
  return fileDownload(text.startsWith(BOM) ? text : BOM + text, { contentType: "text/csv; charset=utf-8", fileName, cacheControl });
}

// What the form editor's last action did, from its page's query string (only well-formed values are shown,
// since anyone can type a URL).
import { formsText as t } from "@/lib/i18n/vi/forms";

export function formStatus(sp: Record<string, string | string[] | undefined>): string | undefined {
  if (sp["da-luu"] === "1") return t.saved;
  const v = sp["da-cong-bo"];
  if (typeof v === "string" && /^\d{1,9}$/.test(v)) return t.published(Number(v));
  if (sp["da-huy"] === "1") return t.discarded;
  return undefined;
}

// The queue's bulk form as the server reads it, and its outcome as the queue's URL carries it back (a page that
// works without JavaScript: the form posts, the action redirects, the page shows what became of each dossier).
import { isDossierCode } from "@/lib/dossiers/code";
import type { BulkOutcome } from "@/lib/dossiers/bulk";

/**
 * The dossiers chosen: the rows ticked ("ma"), or every row of the page ("trang", the page's codes posted with the
 * form) when "select all on this page" is ticked: so it works without JavaScript too.
 */
export function selectedCodes(f: FormData | URLSearchParams): string[] {
  const strings = (k: string) => f.getAll(k).filter((v): v is string => typeof v === "string");
  return [...new Set([...strings("ma"), ...(f.get("chon-tat-ca") ? strings("trang") : [])])];
}

/** "code~ok" or "code~kind of refusal", comma-separated: short enough for a page of 25 and free of personal data. */
export function encodeBulkOutcomes(out: BulkOutcome[]): string {
  return out.map((o) => `${o.code}~${o.ok ? "ok" : o.kind}`).join(",");
}

/** The outcomes named in the URL; anything that is not a code and a known word is dropped. */
export function decodeBulkOutcomes(s: string | undefined): { code: string; ok: boolean; reason: string }[] {
  if (!s || s.length > 4000) return [];
  return s
    .split(",")
    .map((part) => part.split("~"))
    .filter(([code, reason]) => !!code && isDossierCode(code) && !!reason && /^[a-z_.]{1,40}$/.test(reason))
    .slice(0, 50)
    .map(([code, reason]) => ({ code: code!, ok: reason === "ok", reason: reason! }));
}

// What is published of a feedback item never carries the submitter's personal data: their name, e-mail,
// phone number, nor any e-mail, phone number or identity number written in the text. The officer reviews
// and may edit the result before it is published. Pure.
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
/** Vietnamese phone numbers (0 or +84 then 9–10 digits, spaces or dots allowed between groups). */
const PHONE = /(?:\+84|\b0)(?:[\s.-]?\d){8,10}\b/g;
/** CCCD (12 digits), old CMND (9 digits), tax codes (10 or 13): any run of 9 or more digits. */
const ID_NUMBER = /\b\d{9,13}\b/g;
/** Dossier codes and feedback codes identify a person's case: removed too. */
const CASE_CODE = /\b(?:PAKN\.\d{8}\.\d{4,6}|\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}-\d{6}-\d{4,})/g;

const REDACTED = "[đã lược bỏ]";

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The text with personal data replaced by REDACTED; `names`: the submitter's name (and its parts of 2+ words). */
export function redact(
  text: string,
  personal: { names?: readonly string[]; emails?: readonly string[]; phones?: readonly string[] } = {},
): string {
  let out = text;
  const literal = [...(personal.emails ?? []), ...(personal.phones ?? []), ...(personal.names ?? [])]
    .map((s) => s.trim())
    .filter((s) => s.length >= 2)
    .sort((a, b) => b.length - a.length);
  for (const s of literal) out = out.replace(new RegExp(escapeRegExp(s), "giu"), REDACTED);
  return out.replace(EMAIL, REDACTED).replace(CASE_CODE, REDACTED).replace(PHONE, REDACTED).replace(ID_NUMBER, REDACTED);
}

/**
 * Whether a text meant for publication still carries personal data: the submitter's own details (a phone compared
 * by its digits, however it is written), or anything `redact` would remove (e-mails, phone and identity numbers,
 * dossier and feedback codes).
 */
export function leaksPersonalData(text: string, personal: { name: string; email: string; phone?: string | null }): boolean {
  const t = text.toLowerCase();
  const parts = [personal.name, personal.email].map((s) => s.trim().toLowerCase()).filter((s) => s.length >= 2);
  if (parts.some((p) => t.includes(p))) return true;
  const phoneDigits = (personal.phone ?? "").replace(/\D/g, "").replace(/^84/, "0");
  if (phoneDigits.length >= 8 && text.replace(/\D/g, "").includes(phoneDigits.replace(/^0/, ""))) return true;
  return redact(text) !== text;
}

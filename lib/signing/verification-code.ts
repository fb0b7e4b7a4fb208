// The verification code printed on a result document: with the dossier code it opens the document's record on
// the public verification page. 12 characters of Crockford's base32 (60 random bits) so neither guessing nor
// walking neighbouring dossier codes finds anything; only its SHA-256 is stored. No database here.
import { createHash, randomBytes } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const LENGTH = 12;

/** A new code, grouped for reading aloud: "K7QM-3XHP-W2RD". */
export function newVerificationCode(): string {
  const bytes = randomBytes(LENGTH);
  const chars = Array.from(bytes, (b) => ALPHABET[b & 31]!).join("");
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

/** What a person typed, in canonical form (case, spaces, dashes and look-alike letters forgiven), or null. */
export function normalizeVerificationCode(typed: string): string | null {
  const s = typed.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  if (s.length !== LENGTH || [...s].some((c) => !ALPHABET.includes(c))) return null;
  return s;
}

/** What is stored: the SHA-256 of the canonical code. */
export function verificationCodeHash(code: string): string {
  return createHash("sha256")
    .update(normalizeVerificationCode(code) ?? code)
    .digest("hex");
}

/** A dossier code shown to an anonymous reader: the agency and the year-month stay, the rest is hidden but the last two digits. */
export function maskDossierCode(code: string): string {
  const m = /^(.+)-(\d{4})(\d{2})-(\d*)(\d{2})$/.exec(code);
  if (!m) return "•".repeat(Math.min(code.length, 12));
  return `${m[1]}-${m[2]}••-${"•".repeat(m[4]!.length)}${m[5]}`;
}

// What the national e-ID's ID token says, read into the portal's terms: the identity it vouches for and the
// assurance level (`acr`) it was issued at. Pure: no I/O. The claim names and acr values are the local demo
// provider's (scripts/eid-provider); the real VNeID's are not published to us (docs/eid.md).
import type { AssuranceLevel } from "./sessions";

/** The `acr` value of each assurance level (Decree 69/2024/NĐ-CP levels 1 and 2). */
const ACR_OF: Record<AssuranceLevel, string> = { 1: "LoA1", 2: "LoA2" };

export function acrOf(level: AssuranceLevel): string {
  return ACR_OF[level];
}

/** The level an `acr` value names, or null for a missing or unknown one. */
export function levelOfAcr(acr: unknown): AssuranceLevel | null {
  if (acr === "LoA1") return 1;
  if (acr === "LoA2") return 2;
  return null;
}

/** The level asked for in `acr_values` (the strongest value named); level 1 when nothing usable was asked. */
export function askedLevel(acrValues: string | null | undefined): AssuranceLevel {
  const levels = (acrValues ?? "").split(" ").map(levelOfAcr);
  return levels.includes(2) ? 2 : 1;
}

type AcrCheck = { ok: true; level: AssuranceLevel } | { ok: false; reason: "acr_missing" | "acr_too_low" };

/** The token's level, refused when it names none the portal knows or less than was asked. */
export function checkAcr(acr: unknown, asked: AssuranceLevel): AcrCheck {
  const level = levelOfAcr(acr);
  if (level == null) return { ok: false, reason: "acr_missing" };
  if (level < asked) return { ok: false, reason: "acr_too_low" };
  return { ok: true, level };
}

/** The identity an e-ID token vouches for, in the account's fields. */
export interface EidIdentity {
  subject: string;
  fullName: string;
  cccd: string;
  /** YYYY-MM-DD */
  dateOfBirth: string;
  address: string | null;
  /** Domestic form (0…), or null when absent or unreadable. */
  phone: string | null;
  /** Only an address the e-ID says it verified (`email_verified: true`); else null. */
  email: string | null;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function validDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s && d.getTime() <= Date.now();
}

function text(v: unknown, max: number): string | null {
  if (typeof v !== "string") return null;
  const t = v.normalize("NFC").replace(/\s+/g, " ").trim();
  return t && t.length <= max ? t : null;
}

/** +84 912 345 678, 84912345678 and 0912345678 all read as 0912345678; anything else is dropped. */
function phoneOf(v: unknown): string | null {
  if (typeof v !== "string") return null;
  const digits = v.replace(/[\s.()-]/g, "");
  const local = digits.replace(/^\+?84/, "0");
  return /^0\d{9,10}$/.test(local) ? local : null;
}

function addressOf(v: unknown): string | null {
  if (typeof v === "string") return text(v, 500);
  if (v && typeof v === "object" && "formatted" in v) return text((v as { formatted: unknown }).formatted, 500);
  return null;
}

function emailOf(v: unknown): string | null {
  const t = text(v, 254)?.toLowerCase();
  return t && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(t) ? t : null;
}

/**
 * The identity in a verified ID token's claims, or why it cannot be used: the subject, the name, a valid
 * date of birth and a 12-digit personal identification number are required; address and phone are taken when
 * present and readable, the e-mail only when the token also says `email_verified: true` (an account made from
 * it counts the address as verified).
 */
export function identityFromClaims(claims: Record<string, unknown>): { ok: true; identity: EidIdentity } | { ok: false; missing: string } {
  const subject = text(claims.sub, 255);
  if (!subject) return { ok: false, missing: "sub" };
  const fullName = text(claims.name, 200);
  if (!fullName) return { ok: false, missing: "name" };
  const cccd = typeof claims.personal_identification_number === "string" ? claims.personal_identification_number.trim() : "";
  if (!/^\d{12}$/.test(cccd)) return { ok: false, missing: "personal_identification_number" };
  const dateOfBirth = typeof claims.birthdate === "string" ? claims.birthdate : "";
  if (!validDate(dateOfBirth)) return { ok: false, missing: "birthdate" };
  return {
    ok: true,
    identity: {
      subject,
      fullName,
      cccd,
      dateOfBirth,
      address: addressOf(claims.address),
      phone: phoneOf(claims.phone_number),
      email: claims.email_verified === true ? emailOf(claims.email) : null,
    },
  };
}

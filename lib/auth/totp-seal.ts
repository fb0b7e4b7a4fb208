// The second factor's shared secrets are sealed at rest: AES-256-GCM under a key derived (HKDF-SHA256) from
// TOTP_SEAL_KEY, else from NEXTAUTH_SECRET (never the session key itself), with the account's id as
// associated data, so a sealed secret copied onto another account does not open. Pure (no database): the
// demo seed seals the demo administrator's secret with it too. docs/second-factor.md.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";

type Env = Readonly<Record<string, string | undefined>>;

/** Only for development and tests, where nothing real is at stake; a production start refuses it. */
const DEVELOPMENT_KEY = "development-only-totp-seal-key";
const VERSION = "v1";

function key(env: Env, purpose = "portal-totp-seal:v1"): Buffer {
  const material = env.TOTP_SEAL_KEY || env.NEXTAUTH_SECRET;
  if (!material && (env.NODE_ENV === "production" || env.PORTAL_ENV === "production")) {
    throw new Error("TOTP_SEAL_KEY or NEXTAUTH_SECRET must be set to seal second-factor secrets");
  }
  return Buffer.from(hkdfSync("sha256", material || DEVELOPMENT_KEY, "", purpose, 32));
}

/**
 * What is kept of a recovery code: an HMAC-SHA256 under a key derived from the same material (another
 * purpose), so a copy of the table alone cannot be searched through the codes' ~50 bits.
 */
export function recoveryCodeDigest(normalisedCode: string, env: Env = process.env): string {
  return createHmac("sha256", key(env, "portal-recovery-codes:v1")).update(normalisedCode, "utf8").digest("hex");
}

/** `v1.<iv>.<tag>.<ciphertext>` (base64url), bound to the account. */
export function sealTotpSecret(secret: string, userId: string, env: Env = process.env): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(env), iv);
  cipher.setAAD(Buffer.from(userId.toLowerCase(), "utf8"));
  const body = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), body].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
}

/** The secret, or null when the value was not sealed for this account under this key (tampered, moved, key changed). */
export function openTotpSecret(sealed: string, userId: string, env: Env = process.env): string | null {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || body === undefined) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(env), Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(userId.toLowerCase(), "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

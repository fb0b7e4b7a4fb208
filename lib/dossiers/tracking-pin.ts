// The tracking PIN printed on a dossier's receipt: with the dossier code, it lets anyone holding the receipt
// follow the dossier without signing in, while the code alone (sequential, guessable) reveals nothing.
// The PIN is derived, not stored: HMAC-SHA256 of the code under a server secret, six digits. So every
// dossier has one (those filed before this existed and the demo's too), the receipt can be printed again
// at any time, and the database holds nothing to steal. The cost: changing the secret changes every PIN,
// so the previous secret stays accepted (TRACKING_PIN_SECRET_PREVIOUS) until old receipts no longer matter.
import { createHmac, timingSafeEqual } from "node:crypto";

type Env = Readonly<Record<string, string | undefined>>;

/** Only for development and tests, where nothing real is at stake. */
const DEVELOPMENT_SECRET = "development-only-tracking-pin-secret";
const TRACKING_PIN_LENGTH = 6;

/** The secret new receipts are printed with: TRACKING_PIN_SECRET, else one derived from NEXTAUTH_SECRET (never the session key itself). */
function currentSecret(env: Env): string {
  if (env.TRACKING_PIN_SECRET) return env.TRACKING_PIN_SECRET;
  if (env.NEXTAUTH_SECRET) return createHmac("sha256", env.NEXTAUTH_SECRET).update("dossier-tracking-pin").digest("hex");
  return DEVELOPMENT_SECRET;
}

function acceptedSecrets(env: Env): string[] {
  const previous = (env.TRACKING_PIN_SECRET_PREVIOUS ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return [currentSecret(env), ...previous];
}

function pinUnder(secret: string, code: string): string {
  const mac = createHmac("sha256", secret).update(`dossier-tracking-pin:v1:${code}`).digest();
  // 48 bits modulo 10^6: the bias is below one in 10^8.
  return String(mac.readUIntBE(0, 6) % 10 ** TRACKING_PIN_LENGTH).padStart(TRACKING_PIN_LENGTH, "0");
}

/** The PIN printed on the receipt of the dossier with this (canonical, upper-case) code. */
export function trackingPin(code: string, env: Env = process.env): string {
  return pinUnder(currentSecret(env), code);
}

/** Whether `pin` is the dossier's PIN under the current or a previous secret (compared in constant time). */
export function trackingPinMatches(code: string, pin: string, env: Env = process.env): boolean {
  if (!/^\d+$/.test(pin) || pin.length !== TRACKING_PIN_LENGTH) return false;
  const given = Buffer.from(pin);
  let match = false;
  for (const s of acceptedSecrets(env)) match = timingSafeEqual(Buffer.from(pinUnder(s, code)), given) || match;
  return match;
}

/** Why the tracking secret must not serve production (empty when it may). */
export function productionTrackingProblems(env: Env): string[] {
  const problems: string[] = [];
  for (const [name, value] of [
    ["TRACKING_PIN_SECRET", env.TRACKING_PIN_SECRET],
    ...(env.TRACKING_PIN_SECRET_PREVIOUS ?? "").split(",").map((s) => ["TRACKING_PIN_SECRET_PREVIOUS", s.trim()] as const),
  ] as const) {
    if (value && (value === DEVELOPMENT_SECRET || value.length < 32))
      problems.push(`${name} is a demo or too short secret (at least 32 characters)`);
  }
  return problems;
}

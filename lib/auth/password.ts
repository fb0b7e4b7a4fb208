// Password hashing: argon2id with OWASP's recommended minimum cost (19 MiB, 2 passes). Passwords are
// hashed in Unicode NFC, so a Vietnamese letter typed precomposed (ệ) or decomposed (e + ̣ + ̂) by
// another keyboard or device is the same password (NIST SP 800-63B: normalise before hashing).
import { hash, verify } from "@node-rs/argon2";

// algorithm 2 = Argon2id (a const enum in the typings, which isolated modules cannot read).
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize("NFC"), OPTIONS);
}

async function verifyOne(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** False for an account without a password (e-ID only); the dummy hash keeps the time the same. */
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (stored == null) {
    await verifyOne(await dummyHash(), password);
    return false;
  }
  const nfc = password.normalize("NFC");
  if (await verifyOne(stored, nfc)) return true;
  // Hashes made before normalisation hold the password as it was typed.
  return nfc !== password && verifyOne(stored, password);
}

// Verifying against this when the account does not exist keeps the response time the same,
// so timing does not tell which e-mail addresses are registered.
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword("not-a-real-password-0");
  return dummy;
}

// API keys of agencies' own document-management systems: issue, authenticate (Bearer), list, revoke.
// Only the sha256 of a key is stored, so a leaked database does not leak working keys.
import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { db, type Tx } from "@/lib/db/client";

const KEY_PREFIX = "dvc_";
/** Characters kept in clear to tell keys apart in lists; 8 random base64url characters after "dvc_". */
const PREFIX_LENGTH = 12;
/** "dvc_" + 32 bytes in base64url (43 characters, no padding). */
const KEY_RE = /^dvc_[A-Za-z0-9_-]{43}$/;

const sha256 = (value: string) => createHash("sha256").update(value, "utf8").digest("hex");

export interface ApiKeyIdentity {
  keyId: string;
  agencyId: number;
}

/** A new key for an agency. The whole key is returned once, here; afterwards only its prefix is known. */
export async function issueApiKey(agencyId: number, label: string, client: Pick<Tx, "apiKey"> = db): Promise<{ id: string; key: string }> {
  const cleanLabel = label.trim();
  if (!cleanLabel) throw new RangeError("Tên khóa API không được để trống.");
  const key = KEY_PREFIX + randomBytes(32).toString("base64url");
  const row = await client.apiKey.create({
    data: { agencyId, label: cleanLabel.slice(0, 200), prefix: key.slice(0, PREFIX_LENGTH), keyHash: sha256(key) },
    select: { id: true },
  });
  return { id: row.id, key };
}

/**
 * The agency behind an `Authorization: Bearer <key>` header, or null. The lookup goes by prefix and the hash
 * is then compared in constant time, so response timing does not reveal how much of a guessed key matched.
 */
export async function authenticateApiKey(headerValue: string | null | undefined): Promise<ApiKeyIdentity | null> {
  if (!headerValue) return null;
  const m = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(headerValue);
  if (!m || !KEY_RE.test(m[1]!)) return null;
  const key = m[1]!;
  const row = await db.apiKey.findUnique({
    where: { prefix: key.slice(0, PREFIX_LENGTH) },
    select: { id: true, agencyId: true, keyHash: true, revokedAt: true },
  });
  if (!row) return null;
  const given = Buffer.from(sha256(key), "hex");
  const stored = Buffer.from(row.keyHash, "hex");
  if (given.length !== stored.length || !timingSafeEqual(given, stored)) return null;
  if (row.revokedAt) return null;
  await db.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  return { keyId: row.id, agencyId: row.agencyId };
}

/** Revokes one of the agency's own keys; false when it has no such (still active) key. */
export async function revokeApiKey(agencyId: number, id: string, client: Pick<Tx, "apiKey"> = db): Promise<boolean> {
  // A malformed id would be a database error on the uuid column; it is simply not one of the agency's keys.
  if (!z.uuid().safeParse(id).success) return false;
  const { count } = await client.apiKey.updateMany({ where: { id, agencyId, revokedAt: null }, data: { revokedAt: new Date() } });
  return count === 1;
}

/** The agency's keys for its administrators: never the hash. */
export async function listApiKeys(agencyId: number) {
  return db.apiKey.findMany({
    where: { agencyId },
    orderBy: { createdAt: "desc" },
    select: { id: true, prefix: true, label: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
}

// The links accounts send by e-mail (verify an address, reset a password): 32 random bytes in the link,
// only their SHA-256 in the database, so a copy of the table opens nothing. Each is used once, expires,
// and issuing one replaces the unused ones of the same purpose for that account.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Tx } from "@/lib/db/client";
import { db } from "@/lib/db/client";
import type { AccountTokenPurpose } from "@/lib/generated/prisma/client";

export const TOKEN_TTL_MS: Record<AccountTokenPurpose, number> = {
  VERIFY_EMAIL: 24 * 3600_000,
  RESET_PASSWORD: 30 * 60_000,
};

/** What a link carries: 43 base64url characters. Anything else is not a token and is never looked up. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** A new token for the account; older unused ones of the same purpose stop working. Returns the token itself (for the link). */
export async function issueToken(tx: Tx, userId: string, purpose: AccountTokenPurpose, now = new Date()): Promise<string> {
  await tx.accountToken.deleteMany({ where: { userId, purpose, usedAt: null } });
  const token = randomBytes(32).toString("base64url");
  await tx.accountToken.create({
    data: { userId, purpose, tokenHash: hashToken(token), createdAt: now, expiresAt: new Date(now.getTime() + TOKEN_TTL_MS[purpose]) },
  });
  return token;
}

/**
 * Uses the token once: the account's id, or null when it is unknown, used, expired or of another purpose.
 * One conditional update, so of two concurrent uses exactly one wins.
 */
export async function consumeToken(tx: Tx, token: string, purpose: AccountTokenPurpose, now = new Date()): Promise<string | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const rows = await tx.accountToken.updateManyAndReturn({
    where: { tokenHash: hashToken(token), purpose, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
    select: { userId: true },
  });
  return rows[0]?.userId ?? null;
}

/** Whether the token would be accepted now (for the page that shows the form; the action still consumes it). */
export async function tokenIsLive(token: string, purpose: AccountTokenPurpose, now = new Date()): Promise<boolean> {
  if (!TOKEN_SHAPE.test(token)) return false;
  const n = await db.accountToken.count({ where: { tokenHash: hashToken(token), purpose, usedAt: null, expiresAt: { gt: now } } });
  return n > 0;
}

/** Every unused token of the account and purpose stops working (after a reset, the other reset links). */
export async function revokeTokens(tx: Tx, userId: string, purpose: AccountTokenPurpose): Promise<void> {
  await tx.accountToken.deleteMany({ where: { userId, purpose, usedAt: null } });
}

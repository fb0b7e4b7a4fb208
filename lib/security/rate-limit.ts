// Rate limits shared by every app node: rate-limiter-flexible's PostgreSQL store, one atomic upsert per
// hit on the `rate_limit` table. Keys are SHA-256 hashes of the parts (an address, an e-mail, a code), so
// the table holds no personal data. When the database cannot answer, an in-memory limiter with the same
// policy decides on this node (limits then hold per node, never not at all).
import "server-only";
import { createHash } from "node:crypto";
import { Pool } from "pg";
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { databaseUrl } from "@/lib/db/url";

export interface LimitPolicy {
  /** Hits allowed in the window. */
  points: number;
  /** The window, in seconds. */
  windowSeconds: number;
  /** Once over the limit, how long the key stays refused (seconds; 0: until the window ends). */
  blockSeconds?: number;
}

/** Every limit of the portal, in one place (docs/security.md lists them). */
export const LIMITS = {
  /** Wrong passwords for one account from one client: the back-off that cannot lock out the owner elsewhere. */
  signInAccountClient: { points: 5, windowSeconds: 15 * 60, blockSeconds: 15 * 60 },
  /** Wrong passwords from one client, whatever the account (password spraying). */
  signInClient: { points: 30, windowSeconds: 15 * 60, blockSeconds: 15 * 60 },
  /** New accounts from one client. */
  register: { points: 10, windowSeconds: 60 * 60 },
  /** Reset e-mails for one account, and from one client. */
  passwordResetAccount: { points: 3, windowSeconds: 60 * 60 },
  passwordResetClient: { points: 10, windowSeconds: 60 * 60 },
  /** Public tracking look-ups from one client, and wrong second factors for one dossier code. */
  trackingClient: { points: 30, windowSeconds: 10 * 60 },
  trackingCode: { points: 10, windowSeconds: 60 * 60, blockSeconds: 60 * 60 },
  /** Requests with one agency API key. */
  apiKey: { points: 600, windowSeconds: 60 },
  /** Wrong API keys presented from one client (keys guessed): refused for the rest of the hour. */
  apiKeyFailuresClient: { points: 20, windowSeconds: 60 * 60 },
  /** Result verification uploads from one client. */
  verifyClient: { points: 30, windowSeconds: 10 * 60 },
  /** Wrong second-factor codes (TOTP or recovery) for one account, from anywhere: 5 in 15 minutes, then 15 minutes' wait. */
  secondFactorUser: { points: 5, windowSeconds: 15 * 60, blockSeconds: 15 * 60 },
  /** Attempts to add a member to an organisation, per acting representative (e-mail + CCCD pairs guessed). */
  organisationAddMember: { points: 20, windowSeconds: 60 * 60 },
  /** Feedback (phản ánh, kiến nghị) filed without an account, from one client (lib/feedback/submit.ts). */
  feedbackClient: { points: 10, windowSeconds: 60 * 60 },
} as const satisfies Record<string, LimitPolicy>;

export type LimitName = keyof typeof LIMITS;

export type LimitResult = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

declare global {
  // One pool per database URL (tests switch databases per file; dev reloads keep the pool).
  var portalRateLimitPools: Map<string, Pool> | undefined;
}

function pool(): Pool {
  const url = databaseUrl();
  const pools = (globalThis.portalRateLimitPools ??= new Map());
  let p = pools.get(url);
  if (!p) {
    p = new Pool({ connectionString: url, max: 4 });
    // An idle connection that drops must not crash the process; the next query reconnects.
    p.on("error", () => undefined);
    pools.set(url, p);
  }
  return p;
}

/**
 * The store names its prepared statements. The embedded PGlite server runs every client connection in one
 * session, where a second connection preparing the same name fails; unnamed statements work on both.
 */
function unnamedStatements(p: Pool) {
  return { query: (q: { text: string; values?: unknown[] }) => p.query({ text: q.text, values: q.values }) };
}

const limiters = new Map<string, RateLimiterPostgres>();

function limiter(name: LimitName): RateLimiterPostgres {
  const key = `${databaseUrl()}|${name}`;
  let l = limiters.get(key);
  if (!l) {
    const policy: LimitPolicy = LIMITS[name];
    const common = {
      keyPrefix: name,
      points: policy.points,
      duration: policy.windowSeconds,
      blockDuration: policy.blockSeconds ?? 0,
    };
    l = new RateLimiterPostgres({
      ...common,
      storeClient: unnamedStatements(pool()),
      storeType: "pool",
      tableName: "rate_limit",
      tableCreated: true, // the migration made it
      clearExpiredByTimeout: true,
      insuranceLimiter: new RateLimiterMemory(common),
    });
    limiters.set(key, l);
  }
  return l;
}

/** The stored key: a hash of the parts, so no address or e-mail is kept in clear. */
function limitKey(parts: readonly (string | number)[]): string {
  return createHash("sha256").update(parts.map(String).join("\u0000"), "utf8").digest("base64url");
}

function retryAfter(res: RateLimiterRes): number {
  return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
}

/** Counts one hit (or `points`) against the key; refused once the policy's budget is spent. */
export async function hit(name: LimitName, parts: readonly (string | number)[], points = 1): Promise<LimitResult> {
  try {
    const res = await limiter(name).consume(limitKey(parts), points);
    return { ok: true, remaining: res.remainingPoints };
  } catch (err) {
    if (err instanceof RateLimiterRes) return { ok: false, retryAfterSeconds: retryAfter(err) };
    throw err;
  }
}

/** Whether the key is over its budget now, without counting a hit (checked before the costly work). */
export async function check(name: LimitName, parts: readonly (string | number)[]): Promise<LimitResult> {
  const res = await limiter(name).get(limitKey(parts));
  if (!res) return { ok: true, remaining: LIMITS[name].points };
  if (res.consumedPoints >= LIMITS[name].points) return { ok: false, retryAfterSeconds: retryAfter(res) };
  return { ok: true, remaining: Math.max(0, LIMITS[name].points - res.consumedPoints) };
}

/** Forgets the key's hits (e.g. after a successful sign-in from that client). */
export async function clear(name: LimitName, parts: readonly (string | number)[]): Promise<void> {
  await limiter(name).delete(limitKey(parts));
}

/** Gives back `points` counted by `hit` (e.g. an attempt counted before it was known to succeed). */
export async function refund(name: LimitName, parts: readonly (string | number)[], points = 1): Promise<void> {
  await limiter(name).reward(limitKey(parts), points);
}

// Scheduled work (pg-boss `schedule`, see SCHEDULES in ./queues): sweeping orphan files, and deleting rows
// the app keeps only until they expire. Overdue dossiers and the monitoring statistics are computed on read
// (lib/dossiers/due.ts, lib/monitoring): there is no stored state for a job to update.
import "server-only";
import { db } from "@/lib/db/client";
import { sweepOrphanFiles } from "@/lib/files/sweep";

/** Expired rows are kept a day past their expiry (an operator looking into a failed sign-in still sees them). */
const PURGE_MARGIN_MS = 24 * 60 * 60 * 1000;

/** Deletes expired sessions, e-mail link tokens, e-ID link requests and rate-limit counters. Returns the counts. */
export async function purgeExpired(now = new Date()): Promise<Record<string, number>> {
  const before = new Date(now.getTime() - PURGE_MARGIN_MS);
  const [sessions, accountTokens, eidLinkRequests, rateLimits] = await Promise.all([
    db.session.deleteMany({ where: { expiresAt: { lt: before } } }),
    db.accountToken.deleteMany({ where: { expiresAt: { lt: before } } }),
    db.eidLinkRequest.deleteMany({ where: { expiresAt: { lt: before } } }),
    // rate-limiter-flexible's `expire` is milliseconds since the epoch; null never expires.
    db.rateLimit.deleteMany({ where: { expire: { lt: BigInt(now.getTime()) } } }),
  ]);
  return {
    sessions: sessions.count,
    accountTokens: accountTokens.count,
    eidLinkRequests: eidLinkRequests.count,
    rateLimits: rateLimits.count,
  };
}

export async function sweepFiles(): Promise<{ scanned: number; removed: number }> {
  return sweepOrphanFiles({});
}

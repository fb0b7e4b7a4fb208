// The transactional outbox: side effects (e-mail, deliveries to other systems) are written in the same
// transaction as the change that causes them and sent afterwards with retries, so a failing mail server
// never undoes or blocks a citizen's submission (style habit 9). Delivery is at least once.
import "server-only";
import { Prisma, type OutboxStatus } from "@/lib/generated/prisma/client";
import { db, type Db, type Tx } from "@/lib/db/client";

export const BASE_DELAY_MS = 5_000;
export const MAX_DELAY_MS = 60 * 60 * 1000;
export const MAX_ATTEMPTS = 8;
/**
 * How long a claimed row is hidden from other workers while its handler runs. A worker that dies
 * mid-send releases the row when the lease ends; handlers must finish well within it (the e-mail
 * transport's timeouts do), or a second worker would send the message again.
 */
const LEASE_MS = 5 * 60 * 1000;
const DEFAULT_LIMIT = 50;
const NO_HANDLER = "no handler for kind";

export type OutboxHandler = (payload: unknown) => Promise<void>;

/** Thrown by a handler when retrying cannot help (malformed payload, recipient refused): the row goes DEAD at once. */
export class PermanentFailure extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "PermanentFailure";
  }
}

/** Writes a message in the caller's transaction: it exists exactly when the change that caused it commits. */
export async function enqueue(
  tx: Tx,
  kind: string,
  payload: Prisma.InputJsonValue,
  opts?: { notBefore?: Date; /** the agency a push is for (dead letters are scoped by it) */ agencyId?: number },
): Promise<bigint> {
  // The app's clock, not the database's, decides when a row is due (see processOutbox's `now`).
  const row = await tx.outboxMessage.create({
    data: { kind, payload, nextAttemptAt: opts?.notBefore ?? new Date(), agencyId: opts?.agencyId },
    select: { id: true },
  });
  return row.id;
}

/** The wait before attempt `attempts + 1`, after `attempts` failures. */
export function retryDelayMs(attempts: number): number {
  return Math.min(BASE_DELAY_MS * 2 ** Math.max(attempts - 1, 0), MAX_DELAY_MS);
}

interface Claimed {
  id: bigint;
  kind: string;
  payload: unknown;
  attempts: number;
  lane: string;
}

/** How many messages one worker sends at once, and at most how many of them go to one lane (one agency's endpoint). */
const DEFAULT_CONCURRENCY = 8;
const DEFAULT_PER_LANE = 2;

/**
 * A row's lane: the agency a delivery is for, or the kind (e-mail). At most `perLane` messages of one lane
 * are in flight at once, so an agency whose endpoint hangs holds two slots until its timeout, never the
 * outbox: the others' messages are claimed past it.
 */
const LANE_SQL = Prisma.sql`(kind || ':' || COALESCE(agency_id::text, ''))`;
const laneOf = (row: { kind: string; agency_id: number | null }) => `${row.kind}:${row.agency_id ?? ""}`;

/**
 * Claims the oldest due row outside the full lanes, in its own short statement: the attempt is counted
 * and the row leased before its handler runs, so no transaction stays open while a handler talks to SMTP
 * or an agency, and a message that crashes the worker still runs out of attempts.
 */
async function claimNext(now: Date, fullLanes: string[]): Promise<Claimed | null> {
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  const rows = await db.$queryRaw<(Claimed & { agency_id: number | null })[]>`
    UPDATE outbox_message
       SET attempts = attempts + 1, next_attempt_at = ${leaseUntil}
     WHERE id = (SELECT id FROM outbox_message
                  WHERE status = 'PENDING' AND next_attempt_at <= ${now}
                    AND NOT (${LANE_SQL} = ANY(${fullLanes}::text[]))
                  ORDER BY id
                  LIMIT 1
                  FOR UPDATE SKIP LOCKED)
    RETURNING id, kind, payload, attempts, agency_id`;
  const row = rows[0];
  return row ? { id: row.id, kind: row.kind, payload: row.payload, attempts: row.attempts, lane: laneOf(row) } : null;
}

/**
 * Records the outcome of a claim. The `attempts` guard makes a late outcome a no-op when the lease
 * ran out and another worker has claimed the row since.
 */
async function settle(row: Claimed, outcome: { status: OutboxStatus; at: Date; error?: string }): Promise<void> {
  const sentAt = outcome.status === "SENT" ? outcome.at : null;
  const next = outcome.status === "PENDING" ? new Date(outcome.at.getTime() + retryDelayMs(row.attempts)) : outcome.at;
  await db.outboxMessage.updateMany({
    where: { id: row.id, status: "PENDING", attempts: row.attempts },
    data: { status: outcome.status, sentAt, nextAttemptAt: next, lastError: outcome.error?.slice(0, 2000) ?? null },
  });
}

function errorText(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}

/**
 * Sends up to `limit` due messages, oldest first, up to `concurrency` at once and at most `perLane` per
 * lane (see LANE_SQL). Safe to run in several processes at once (the per-lane bound then holds per process).
 * `now` stands for the clock (tests pass it to step through the backoff); each outcome is timed by it.
 */
export async function processOutbox(opts: {
  handlers: Record<string, OutboxHandler>;
  limit?: number;
  now?: Date;
  concurrency?: number;
  perLane?: number;
}): Promise<{ sent: number; retried: number; dead: number }> {
  const clock = () => opts.now ?? new Date();
  const limit = opts.limit ?? DEFAULT_LIMIT;
  const concurrency = Math.max(1, opts.concurrency ?? DEFAULT_CONCURRENCY);
  const perLane = Math.max(1, opts.perLane ?? DEFAULT_PER_LANE);
  const result = { sent: 0, retried: 0, dead: 0 };

  async function handle(row: Claimed): Promise<void> {
    // Own-property lookup, so a kind such as "constructor" cannot reach Object.prototype.
    const handler = Object.hasOwn(opts.handlers, row.kind) ? opts.handlers[row.kind] : undefined;
    if (!handler) {
      await settle(row, { status: "DEAD", at: clock(), error: NO_HANDLER });
      result.dead++;
      return;
    }
    try {
      await handler(row.payload);
    } catch (err) {
      const dead = err instanceof PermanentFailure || row.attempts >= MAX_ATTEMPTS;
      await settle(row, { status: dead ? "DEAD" : "PENDING", at: clock(), error: errorText(err) });
      if (dead) result.dead++;
      else result.retried++;
      return;
    }
    await settle(row, { status: "SENT", at: clock() });
    result.sent++;
  }

  const inFlight = new Map<Promise<void>, string>();
  const lanes = new Map<string, number>();
  let claimed = 0;
  let failure: unknown = undefined;
  while (failure === undefined) {
    if (claimed < limit && inFlight.size < concurrency) {
      const full = [...lanes].filter(([, n]) => n >= perLane).map(([lane]) => lane);
      let row: Claimed | null;
      try {
        row = await claimNext(clock(), full);
      } catch (err) {
        failure = err;
        break;
      }
      if (row) {
        claimed++;
        const lane = row.lane;
        lanes.set(lane, (lanes.get(lane) ?? 0) + 1);
        const p: Promise<void> = handle(row)
          .catch((err: unknown) => {
            failure ??= err;
          })
          .finally(() => {
            inFlight.delete(p);
            lanes.set(lane, lanes.get(lane)! - 1);
          });
        inFlight.set(p, lane);
        continue;
      }
    }
    // Nothing more to claim now (or no room): wait for one in flight, which may free a lane; done when none is.
    if (inFlight.size === 0) break;
    await Promise.race(inFlight.keys());
  }
  await Promise.all(inFlight.keys());
  if (failure !== undefined) throw failure;
  return result;
}

/**
 * Gives a DEAD message a fresh set of attempts: the one resend path (operators, and the administrators'
 * use case in lib/documents/integration-admin, which narrows it to what they may resend with `only`).
 * False when there is no such DEAD message within `only`.
 */
export async function resendDead(id: bigint, opts: { only?: { agencyId: number; kind: string }; client?: Db | Tx } = {}): Promise<boolean> {
  const { count } = await (opts.client ?? db).outboxMessage.updateMany({
    where: { id, status: "DEAD", ...opts.only },
    data: { status: "PENDING", attempts: 0, nextAttemptAt: new Date() },
  });
  return count === 1;
}

export interface DeadMessage {
  id: bigint;
  kind: string;
  payload: Prisma.JsonValue;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  diedAt: Date;
}

/** The most recent DEAD messages, for an operator to inspect and resend. Payloads hold e-mail addresses. */
export async function listDead(limit = 50): Promise<DeadMessage[]> {
  const rows = await db.outboxMessage.findMany({
    where: { status: "DEAD" },
    orderBy: { id: "desc" },
    take: limit,
    select: { id: true, kind: true, payload: true, attempts: true, lastError: true, createdAt: true, nextAttemptAt: true },
  });
  // A DEAD row's next_attempt_at is the moment it was given up on (see settle).
  return rows.map(({ nextAttemptAt, ...r }) => ({ ...r, diedAt: nextAttemptAt }));
}

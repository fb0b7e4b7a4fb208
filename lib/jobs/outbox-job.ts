// One outbox job: loads its outbox_message row, runs the kind's handler and settles the row. The row is
// the durable log (and the dead-letter view of the admin pages); pg-boss schedules the attempts.
import "server-only";
import { db } from "@/lib/db/client";
import { MAX_ATTEMPTS, OUTBOX_QUEUES, QUEUE } from "./queues";
import { sendInTx } from "./boss";
import { PermanentFailure, retryDelayMs, type OutboxHandler } from "@/lib/notify/outbox";

interface OutboxJobData {
  outboxId: string;
  requestId?: string;
}

export interface OutboxJob {
  id: string;
  name: string;
  data: OutboxJobData;
  /** Retries already made by pg-boss (0 on the first attempt); with includeMetadata. */
  retryCount?: number;
  retryLimit?: number;
}

/** What became of one job: the row was sent, will be retried (the job fails), went DEAD, was not ours to send, or waits for its lane. */
export type OutboxOutcome = "sent" | "retried" | "dead" | "skipped" | "deferred";

/** Thrown (after the row is settled PENDING) so that pg-boss retries the job with its back-off. */
export class RetryLater extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "RetryLater";
  }
}

/**
 * At most `perLane` messages of one lane (one agency's endpoint) in flight in this process: an agency
 * whose endpoint hangs holds two slots until its timeout, never all of them.
 */
export class Lanes {
  private readonly busy = new Map<string, number>();
  constructor(readonly perLane = 2) {}
  tryAcquire(lane: string): boolean {
    const n = this.busy.get(lane) ?? 0;
    if (n >= this.perLane) return false;
    this.busy.set(lane, n + 1);
    return true;
  }
  release(lane: string): void {
    const n = (this.busy.get(lane) ?? 1) - 1;
    if (n <= 0) this.busy.delete(lane);
    else this.busy.set(lane, n);
  }
}

/** How long a message whose lane is full waits before it is looked at again. */
const LANE_WAIT_MS = 2_000;

function errorText(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}

/** Marks the row DEAD and records a dead letter, in one transaction. */
async function bury(id: bigint, attempts: number, error: string, data: OutboxJobData): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.outboxMessage.updateMany({
      where: { id, status: "PENDING", attempts },
      data: { status: "DEAD", nextAttemptAt: new Date(), lastError: error.slice(0, 2000) },
    });
    if (count === 1) await sendInTx(tx, QUEUE.dead, { ...data, error: error.slice(0, 500) });
  });
}

/**
 * A dead letter from pg-boss itself: the job gave up without `bury` (its worker was killed or stopped on
 * the last attempt, or the attempt failed outside the handler). The row, still PENDING, goes DEAD so the
 * admin pages list it and it can be resent; a letter `bury` sent finds the row DEAD already and does nothing.
 */
export async function settleDeadLetter(data: { outboxId?: unknown }): Promise<boolean> {
  let id: bigint;
  try {
    id = BigInt(String(data.outboxId));
  } catch {
    return false;
  }
  const { count } = await db.outboxMessage.updateMany({
    where: { id, status: "PENDING" },
    data: { status: "DEAD", nextAttemptAt: new Date(), lastError: "the job gave up: its worker stopped or it failed on its last attempt" },
  });
  return count === 1;
}

/**
 * Runs one outbox job. Returns the outcome, or throws RetryLater (the row is PENDING again, with its
 * attempt counted and the error kept) for pg-boss to retry it after its back-off.
 */
export async function runOutboxJob(
  job: OutboxJob,
  handlers: Readonly<Record<string, OutboxHandler>>,
  opts: { lanes?: Lanes } = {},
): Promise<OutboxOutcome> {
  let id: bigint;
  try {
    id = BigInt(job.data.outboxId);
  } catch {
    return "skipped";
  }
  const row = await db.outboxMessage.findUnique({ where: { id } });
  // Already sent, dead, or gone: a job delivered twice (a worker that died after settling) does nothing.
  if (!row || row.status !== "PENDING") return "skipped";

  const lane = `${row.kind}:${row.agencyId ?? ""}`;
  if (opts.lanes && row.agencyId !== null && !opts.lanes.tryAcquire(lane)) {
    // The lane is full: look again shortly, without counting an attempt.
    const queue = OUTBOX_QUEUES[row.kind] ?? job.name;
    await db.$transaction((tx) => sendInTx(tx, queue, job.data, { startAfter: new Date(Date.now() + LANE_WAIT_MS) }));
    return "deferred";
  }
  try {
    const attempts = row.attempts + 1;
    const { count } = await db.outboxMessage.updateMany({
      where: { id, status: "PENDING", attempts: row.attempts },
      data: { attempts },
    });
    if (count !== 1) return "skipped";

    const handler = Object.hasOwn(handlers, row.kind) ? handlers[row.kind] : undefined;
    if (!handler) {
      await bury(id, attempts, "no handler for kind", job.data);
      return "dead";
    }
    try {
      await handler(row.payload);
    } catch (err) {
      const text = errorText(err);
      const exhausted = attempts >= MAX_ATTEMPTS || (job.retryLimit !== undefined && (job.retryCount ?? 0) >= job.retryLimit);
      if (err instanceof PermanentFailure || exhausted) {
        await bury(id, attempts, text, job.data);
        return "dead";
      }
      await db.outboxMessage.updateMany({
        where: { id, status: "PENDING", attempts },
        // pg-boss waits between 1 and 2 times this (its back-off has jitter): the earliest next attempt.
        data: { nextAttemptAt: new Date(Date.now() + retryDelayMs(attempts)), lastError: text.slice(0, 2000) },
      });
      throw new RetryLater(text, { cause: err });
    }
    await db.outboxMessage.updateMany({
      where: { id, status: "PENDING", attempts },
      data: { status: "SENT", sentAt: new Date(), nextAttemptAt: new Date(), lastError: null },
    });
    return "sent";
  } finally {
    if (opts.lanes && row.agencyId !== null) opts.lanes.release(lane);
  }
}

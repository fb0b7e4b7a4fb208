// The transactional outbox: side effects (e-mail, deliveries to other systems) are written in the same
// transaction as the change that causes them and sent afterwards with retries, so a failing mail server
// never undoes or blocks a citizen's submission (style habit 9). Delivery is at least once.
// Each row is sent by a job (pg-boss, lib/jobs) queued in that same transaction; the worker process
// (`npm run worker`, lib/jobs/worker.ts) runs the jobs. The row stays the durable log and the dead-letter view.
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db, type Db, type Tx } from "@/lib/db/client";
import { sendInTx } from "@/lib/jobs/boss";
import { MAX_ATTEMPTS, OUTBOX_QUEUES, RETRY_DELAY_SECONDS } from "@/lib/jobs/queues";
import { currentRequestId } from "@/lib/ops/request-context";

export { MAX_ATTEMPTS };
export const BASE_DELAY_MS = RETRY_DELAY_SECONDS * 1000;
const NO_HANDLER = "no handler for kind";

export type OutboxHandler = (payload: unknown) => Promise<void>;

/** Thrown by a handler when retrying cannot help (malformed payload, recipient refused): the row goes DEAD at once. */
export class PermanentFailure extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "PermanentFailure";
  }
}

/**
 * Writes a message and queues its job in the caller's transaction: both exist exactly when the change
 * that caused them commits. A kind without a queue (no handler anywhere) is written DEAD at once.
 */
export async function enqueue(
  tx: Tx,
  kind: string,
  payload: Prisma.InputJsonValue,
  opts?: { notBefore?: Date; /** the agency a push is for (dead letters are scoped by it) */ agencyId?: number },
): Promise<bigint> {
  const queue = Object.hasOwn(OUTBOX_QUEUES, kind) ? OUTBOX_QUEUES[kind] : undefined;
  const row = await tx.outboxMessage.create({
    data: {
      kind,
      payload,
      nextAttemptAt: opts?.notBefore ?? new Date(),
      agencyId: opts?.agencyId,
      ...(queue ? {} : { status: "DEAD" as const, lastError: NO_HANDLER }),
    },
    select: { id: true },
  });
  if (queue) await sendJob(tx, queue, row.id, opts?.notBefore);
  return row.id;
}

async function sendJob(tx: Tx, queue: string, id: bigint, startAfter?: Date): Promise<void> {
  const requestId = currentRequestId();
  await sendInTx(tx, queue, { outboxId: id.toString(), ...(requestId ? { requestId } : {}) }, startAfter ? { startAfter } : {});
}

/** The shortest wait before attempt `attempts + 1`, after `attempts` failures (pg-boss waits up to twice this). */
export function retryDelayMs(attempts: number): number {
  return BASE_DELAY_MS * 2 ** Math.max(attempts - 1, 0);
}

/**
 * Gives a DEAD message a fresh set of attempts: the one resend path (operators, and the administrators'
 * use case in lib/documents/integration-admin, which narrows it to what they may resend with `only`).
 * False when there is no such DEAD message within `only`.
 */
export async function resendDead(id: bigint, opts: { only?: { agencyId: number; kind: string }; client?: Db | Tx } = {}): Promise<boolean> {
  const run = async (tx: Tx): Promise<boolean> => {
    const row = await tx.outboxMessage.findFirst({ where: { id, status: "DEAD", ...opts.only }, select: { kind: true } });
    const queue = row && Object.hasOwn(OUTBOX_QUEUES, row.kind) ? OUTBOX_QUEUES[row.kind] : undefined;
    if (!queue) return false;
    const { count } = await tx.outboxMessage.updateMany({
      where: { id, status: "DEAD", ...opts.only },
      data: { status: "PENDING", attempts: 0, nextAttemptAt: new Date(), lastError: null },
    });
    if (count !== 1) return false;
    // The reset and the new job commit together: a resent message always has a job.
    await sendJob(tx, queue, id);
    return true;
  };
  const client = opts.client ?? db;
  return "$transaction" in client ? (client as Db).$transaction(run) : run(client);
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

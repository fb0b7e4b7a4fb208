// Runs the outbox's due jobs once, the way the worker does (lib/jobs/worker.ts), but stepped by the test:
// fetch what pg-boss says is due, run each job's handler, complete or fail it (a failed job is retried by
// pg-boss after its back-off). `makeDue` stands in for the clock: it moves every waiting job to now.
import { afterAll } from "vitest";
import { db } from "@/lib/db/client";
import { createBoss, type PgBoss } from "@/lib/jobs/boss";
import { Lanes, runOutboxJob, type OutboxJob } from "@/lib/jobs/outbox-job";
import { QUEUE } from "@/lib/jobs/queues";
import type { OutboxHandler } from "@/lib/notify/outbox";

const bosses: PgBoss[] = [];

/** A started boss on the test database (no maintenance, no schedules), stopped after the file. */
export async function testBoss(): Promise<PgBoss> {
  const boss = createBoss({ supervise: false, schedule: false, max: 4 });
  boss.on("error", () => {});
  await boss.start();
  bosses.push(boss);
  return boss;
}
let shared: Promise<PgBoss> | undefined;
afterAll(async () => {
  for (const b of bosses.splice(0)) await b.stop({ graceful: false, wait: true });
});

export interface RunResult {
  sent: number;
  retried: number;
  dead: number;
  deferred: number;
}

/** Runs every due outbox job (and any that become due while it runs) until none is left. */
export async function runDueJobs(opts: {
  handlers: Record<string, OutboxHandler>;
  boss?: PgBoss;
  concurrency?: number;
  perLane?: number;
}): Promise<RunResult> {
  const boss = opts.boss ?? (await (shared ??= testBoss()));
  const lanes = new Lanes(opts.perLane ?? 2);
  const result: RunResult = { sent: 0, retried: 0, dead: 0, deferred: 0 };
  const concurrency = opts.concurrency ?? 8;
  for (;;) {
    const jobs: OutboxJob[] = [];
    for (const queue of [QUEUE.email, QUEUE.documentPush, QUEUE.dossierDeliver]) {
      const got = await boss.fetch<OutboxJob["data"]>(queue, { batchSize: concurrency, includeMetadata: true });
      jobs.push(...(got ?? []));
    }
    if (jobs.length === 0) return result;
    await Promise.all(
      jobs.map(async (job) => {
        try {
          const outcome = await runOutboxJob(job, opts.handlers, { lanes });
          if (outcome !== "skipped") result[outcome]++;
          await boss.complete(job.name, job.id);
        } catch (err) {
          result.retried++;
          await boss.fail(job.name, job.id, { message: (err as Error).message });
        }
      }),
    );
  }
}

/** Makes every waiting job due now (the test's clock jump). */
export async function makeDue(): Promise<void> {
  await db.$executeRawUnsafe(`UPDATE pgboss.job SET start_after = now() WHERE state IN ('created', 'retry')`);
}

export interface JobRow {
  id: string;
  name: string;
  state: string;
  retry_count: number;
  /** Seconds from now until the job is due (negative: due). */
  due_in: number;
}

/** The jobs of one outbox row (not its dead letter), oldest first. */
export async function jobsOf(outboxId: bigint): Promise<JobRow[]> {
  return db.$queryRawUnsafe<JobRow[]>(
    `SELECT id::text, name, state::text, retry_count, EXTRACT(EPOCH FROM start_after - now())::float8 AS due_in
       FROM pgboss.job WHERE data->>'outboxId' = $1 AND name IN ('email', 'document-push', 'dossier-deliver') ORDER BY created_on, id`,
    outboxId.toString(),
  );
}

/** How many jobs a queue holds, in any state. */
export async function jobCount(queue: string): Promise<number> {
  const rows = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1`, queue);
  return rows[0]!.n;
}

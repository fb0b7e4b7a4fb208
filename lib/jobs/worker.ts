// The job worker: e-mail and document pushes from the outbox, and the scheduled work. Runs in its own
// process (`npm run worker`, scripts/worker.ts), or inside the web server when JOBS_IN_WEB=on.
import "server-only";
import type PgBoss from "pg-boss";
import { childLog } from "@/lib/ops/log";
import { metrics } from "@/lib/ops/metrics";
import { settings } from "@/lib/ops/settings";
import { runWithRequestId } from "@/lib/ops/request-context";
import { DOCUMENT_PUSH_KIND, pushHandler } from "@/lib/documents/delivery";
import { EMAIL_KIND, emailHandler } from "@/lib/notify/email";
import { DOSSIER_DELIVER_KIND, deliverHandler } from "@/lib/sync/outbound";
import type { OutboxHandler } from "@/lib/notify/outbox";
import { createBoss } from "./boss";
import { createQueues, requeuePending } from "./install";
import { Lanes, RetryLater, runOutboxJob, settleDeadLetter, type OutboxJob } from "./outbox-job";
import { QUEUE, SCHEDULES } from "./queues";
import { purgeExpired, sweepFiles } from "./scheduled";

/** How often a worker looks for PENDING outbox rows without a job. */
const REQUEUE_EVERY_MS = 10 * 60 * 1000;

const log = childLog({ component: "worker" });

/** Every outbox kind's handler. */
function outboxHandlers(): Record<string, OutboxHandler> {
  return { [EMAIL_KIND]: emailHandler, [DOCUMENT_PUSH_KIND]: pushHandler, [DOSSIER_DELIVER_KIND]: deliverHandler };
}

export interface RunningWorker {
  boss: PgBoss;
  /** Stops taking jobs, waits up to `timeoutMs` for those in flight, then returns the rest to the queue (they are retried). */
  stop(timeoutMs?: number): Promise<void>;
}

/**
 * Starts a worker: installs the queues, registers the schedules and polls every queue with `concurrency`
 * loops for the outbox queues. Resolves once it is polling.
 */
export async function startWorker(
  opts: { concurrency?: number; handlers?: Record<string, OutboxHandler>; connectionString?: string; pollingIntervalSeconds?: number } = {},
): Promise<RunningWorker> {
  const concurrency = opts.concurrency ?? settings().WORKER_CONCURRENCY;
  const handlers = opts.handlers ?? outboxHandlers();
  const boss = createBoss({ connectionString: opts.connectionString, max: concurrency + 4 });
  boss.on("error", (err) => log.error({ err: { name: err.name, message: err.message } }, "job queue error"));
  await boss.start();
  await createQueues(boss);
  // Rows whose job was lost (written before the queue existed, or given up inside pg-boss) get one again.
  const bossDb = boss.getDb();
  const requeue = () =>
    requeuePending((text, values = []) => bossDb.executeSql(text, values), boss).then(
      (n) => n > 0 && log.warn({ requeued: n }, "outbox rows without a job were queued again"),
      (err: unknown) => log.error({ err: { name: (err as Error).name, message: (err as Error).message } }, "requeue failed"),
    );
  await requeue();
  const requeueTimer = setInterval(() => void requeue(), REQUEUE_EVERY_MS);
  requeueTimer.unref();
  for (const [name, cron] of SCHEDULES) await boss.schedule(name, cron, {}, { tz: "UTC" });

  const lanes = new Lanes(2);
  const polling = { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2, includeMetadata: true as const, batchSize: 1 };
  const outboxWork = async (jobs: PgBoss.JobWithMetadata<OutboxJob["data"]>[]) => {
    for (const job of jobs) {
      await runWithRequestId(job.data?.requestId ?? job.id, async () => {
        try {
          const outcome = await runOutboxJob(job, handlers, { lanes });
          if (outcome === "dead") log.warn({ queue: job.name, jobId: job.id, outboxId: job.data.outboxId }, "message gave up (DEAD)");
          else log.debug({ queue: job.name, jobId: job.id, outcome }, "job done");
        } catch (err) {
          metrics.jobsFailed.inc({ queue: job.name });
          if (err instanceof RetryLater)
            log.info({ queue: job.name, jobId: job.id, retryCount: job.retryCount }, "job failed; retried later");
          else
            log.error(
              { queue: job.name, jobId: job.id, err: { name: (err as Error).name, message: (err as Error).message } },
              "job failed",
            );
          throw err;
        }
      });
    }
  };
  for (const queue of [QUEUE.email, QUEUE.documentPush, QUEUE.dossierDeliver]) {
    for (let i = 0; i < concurrency; i++) await boss.work(queue, polling, outboxWork);
  }
  const scheduled = { pollingIntervalSeconds: 30, batchSize: 1 };
  // pg-boss's own dead letters (a job that gave up without bury): the row goes DEAD, visible to the admins.
  await boss.work(QUEUE.dead, { pollingIntervalSeconds: 10, batchSize: 10 }, async (jobs) => {
    for (const job of jobs)
      if (await settleDeadLetter(job.data as { outboxId?: unknown }))
        log.warn({ queue: QUEUE.dead, jobId: job.id }, "message gave up inside the job queue (DEAD)");
  });
  await boss.work(QUEUE.sweepFiles, scheduled, async ([job]) =>
    runWithRequestId(job?.id ?? "sweep-files", async () => {
      const r = await sweepFiles();
      log.info({ queue: QUEUE.sweepFiles, ...r }, "orphan files swept");
      return r;
    }),
  );
  await boss.work(QUEUE.purgeExpired, scheduled, async ([job]) =>
    runWithRequestId(job?.id ?? "purge-expired", async () => {
      const r = await purgeExpired();
      log.info({ queue: QUEUE.purgeExpired, ...r }, "expired rows purged");
      return r;
    }),
  );
  log.info({ concurrency }, "worker started");
  return {
    boss,
    stop: async (timeoutMs = 25_000) => {
      clearInterval(requeueTimer);
      await boss.stop({ graceful: true, timeout: timeoutMs, wait: true });
      log.info("worker stopped");
    },
  };
}

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
import type { OutboxHandler } from "@/lib/notify/outbox";
import { createBoss } from "./boss";
import { createQueues } from "./install";
import { Lanes, RetryLater, runOutboxJob, type OutboxJob } from "./outbox-job";
import { QUEUE, SCHEDULES } from "./queues";
import { purgeExpired, sweepFiles } from "./scheduled";

const log = childLog({ component: "worker" });

/** Every outbox kind's handler. */
function outboxHandlers(): Record<string, OutboxHandler> {
  return { [EMAIL_KIND]: emailHandler, [DOCUMENT_PUSH_KIND]: pushHandler };
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
  for (const queue of [QUEUE.email, QUEUE.documentPush]) {
    for (let i = 0; i < concurrency; i++) await boss.work(queue, polling, outboxWork);
  }
  const scheduled = { pollingIntervalSeconds: 30, batchSize: 1 };
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
      await boss.stop({ graceful: true, timeout: timeoutMs, wait: true });
      log.info("worker stopped");
    },
  };
}

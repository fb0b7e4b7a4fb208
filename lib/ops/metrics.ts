// The Prometheus metrics of a node (served by app/api/metrics): request durations (observed by the custom
// server, scripts/server.mjs), dossiers submitted, failed jobs, and, read from the database when scraped,
// the job queues' depth and age, the outbox's dead and waiting messages, and the connection pool's use.
// One registry per process, on globalThis (lib/ops/shared.mjs), so the server and every bundle share it.
import "server-only";
import client from "prom-client";
import { db, dbPool } from "@/lib/db/client";
import { httpDurationMetric, opsRegistry, sharedMetric } from "./shared.mjs";

/** The job queues (lib/jobs), always reported, at 0 when empty or when the queue's tables do not exist yet. */
const QUEUES = ["email", "document-push", "sweep-files", "purge-expired", "outbox-dead"];
/** A scrape never waits longer than this on the database: a slow database must not hang the scraper. */
const SCRAPE_QUERY_MS = 2_000;

const registry = opsRegistry();

function withTimeout<T>(p: Promise<T>): Promise<T> {
  return Promise.race([
    p,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error("metrics query timed out")), SCRAPE_QUERY_MS).unref()),
  ]);
}

/**
 * `read` shared by the gauges of one scrape (the registry collects them all at once): a call within a second
 * of the last one gets the same answer, so one query feeds several gauges.
 */
function perScrape<T>(read: () => Promise<T>): () => Promise<T> {
  let last: { at: number; value: Promise<T> } | undefined;
  return () => {
    const now = Date.now();
    if (!last || now - last.at > 1_000) last = { at: now, value: read() };
    return last.value;
  };
}

interface QueueRow {
  name: string;
  depth: number;
  oldest: number | null;
}

/** Jobs waiting to run (created, or waiting for a retry) per queue of pg-boss's table; none when it does not exist. */
const queueRows = perScrape(async (): Promise<QueueRow[]> => {
  try {
    return await withTimeout(
      db.$queryRawUnsafe<QueueRow[]>(
        `SELECT name, count(*)::int AS depth, EXTRACT(EPOCH FROM now() - min(created_on))::float8 AS oldest
           FROM pgboss.job WHERE state IN ('created', 'retry') GROUP BY name`,
      ),
    );
  } catch {
    return [];
  }
});

/** A gauge per queue, read from pg-boss's table on each scrape (every queue present, 0 when none waits). */
function queueGauge(name: string, help: string, value: (r: QueueRow) => number) {
  sharedMetric(
    name,
    () =>
      new client.Gauge({
        name,
        help,
        labelNames: ["queue"],
        registers: [],
        async collect() {
          const rows = await queueRows();
          this.reset();
          for (const q of QUEUES) this.set({ queue: q }, 0);
          for (const r of rows) this.set({ queue: r.name }, value(r));
        },
      }),
  );
}

queueGauge("portal_job_queue_depth", "Jobs waiting to run (created or waiting for a retry), per queue", (r) => r.depth);
queueGauge("portal_job_queue_oldest_seconds", "Age of the oldest job waiting to run, per queue (0 when none waits)", (r) => r.oldest ?? 0);

interface OutboxRow {
  dead: number;
  pending_oldest: number | null;
}

/** The outbox's dead and oldest waiting message; zeros when the table cannot be read. */
const outboxRow = perScrape(async (): Promise<OutboxRow> => {
  try {
    const [row] = await withTimeout(
      db.$queryRawUnsafe<OutboxRow[]>(
        `SELECT count(*) FILTER (WHERE status = 'DEAD')::int AS dead,
                EXTRACT(EPOCH FROM now() - min(created_at) FILTER (WHERE status = 'PENDING'))::float8 AS pending_oldest
           FROM outbox_message WHERE status IN ('DEAD', 'PENDING')`,
      ),
    );
    return row ?? { dead: 0, pending_oldest: null };
  } catch {
    return { dead: 0, pending_oldest: null };
  }
});

sharedMetric(
  "portal_outbox_dead",
  () =>
    new client.Gauge({
      name: "portal_outbox_dead",
      help: "Outbox messages that gave up (DEAD) and wait for an administrator to resend them",
      registers: [],
      async collect() {
        this.set((await outboxRow()).dead);
      },
    }),
);

sharedMetric(
  "portal_outbox_pending_oldest_seconds",
  () =>
    new client.Gauge({
      name: "portal_outbox_pending_oldest_seconds",
      help: "Age of the oldest outbox message not yet sent (0 when none waits)",
      registers: [],
      async collect() {
        this.set((await outboxRow()).pending_oldest ?? 0);
      },
    }),
);

sharedMetric(
  "portal_db_pool_connections",
  () =>
    new client.Gauge({
      name: "portal_db_pool_connections",
      help: "The app's database pool on this node: open (total), idle, and requests waiting for a connection",
      labelNames: ["state"],
      registers: [],
      collect() {
        const pool = dbPool();
        this.reset();
        if (!pool) return; // no client made yet in this process: nothing to report
        this.set({ state: "total" }, pool.totalCount);
        this.set({ state: "idle" }, pool.idleCount);
        this.set({ state: "waiting" }, pool.waitingCount);
        this.set({ state: "max" }, pool.options.max ?? 10);
      },
    }),
);

// Node's own (CPU, memory, event-loop lag, handles), once per process.
if (!registry.getSingleMetric("process_cpu_user_seconds_total")) client.collectDefaultMetrics({ register: registry });

export const metrics = {
  registry,
  httpDuration: httpDurationMetric(),
  dossiersSubmitted: sharedMetric(
    "portal_dossiers_submitted_total",
    () =>
      new client.Counter({
        name: "portal_dossiers_submitted_total",
        help: "Dossiers submitted (committed, not counting retries)",
        registers: [],
      }),
  ),
  jobsFailed: sharedMetric(
    "portal_jobs_failed_total",
    () =>
      new client.Counter({
        name: "portal_jobs_failed_total",
        help: "Job attempts that failed, per queue",
        labelNames: ["queue"],
        registers: [],
      }),
  ),
};

/** The registry's text, in Prometheus's exposition format. */
export async function metricsText(): Promise<{ contentType: string; body: string }> {
  return { contentType: registry.contentType, body: await registry.metrics() };
}

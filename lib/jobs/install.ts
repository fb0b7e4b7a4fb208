// Installs (or upgrades) pg-boss's schema and creates the app's queues. Run with the migrations
// (`npm run db:migrate`, the demo, the test template); every worker creates the queues and re-sends jobs for
// PENDING rows that have none at start and every ten minutes (lib/jobs/worker.ts): idempotent.
import PgBoss from "pg-boss";
import type pg from "pg";
import { JOBS_SCHEMA, OUTBOX_QUEUES, QUEUES } from "./queues";

/** On one pg client (the migrator's). */
export async function installJobs(client: pg.ClientBase): Promise<void> {
  const boss = new PgBoss({
    schema: JOBS_SCHEMA,
    db: { executeSql: (text: string, values?: unknown[]) => client.query(text, values as unknown[]) },
    supervise: false,
    schedule: false,
    migrate: true,
  });
  boss.on("error", () => {});
  await boss.start();
  try {
    await createQueues(boss);
    await requeuePending((text, values) => client.query(text, values as unknown[]), boss);
  } finally {
    await boss.stop({ graceful: false, close: false, wait: true });
  }
}

/** Creates the missing queues and brings the settings of existing ones up to date. */
export async function createQueues(boss: PgBoss): Promise<void> {
  for (const [name, settings] of QUEUES) {
    const existing = await boss.getQueue(name);
    if (existing) await boss.updateQueue(name, settings as PgBoss.Queue);
    else await boss.createQueue(name, settings as PgBoss.Queue);
  }
}

/**
 * Sends a job for every PENDING outbox row that has none waiting or running: rows written before the job
 * queue existed (an upgrade), or whose last job was lost (expired on its last retry). Returns how many.
 */
export async function requeuePending(
  executeSql: (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }>,
  boss: PgBoss,
): Promise<number> {
  const { rows } = (await executeSql(
    `SELECT m.id::text AS id, m.kind FROM outbox_message m
      WHERE m.status = 'PENDING'
        AND NOT EXISTS (SELECT 1 FROM ${JOBS_SCHEMA}.job j
                         WHERE j.data->>'outboxId' = m.id::text AND j.state IN ('created', 'retry', 'active'))`,
  )) as { rows: { id: string; kind: string }[] };
  let sent = 0;
  for (const r of rows) {
    const queue = Object.hasOwn(OUTBOX_QUEUES, r.kind) ? OUTBOX_QUEUES[r.kind] : undefined;
    if (!queue) continue;
    await boss.send(queue, { outboxId: r.id }, { db: { executeSql } } as PgBoss.SendOptions);
    sent++;
  }
  return sent;
}

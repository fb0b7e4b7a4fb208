// Installs (or upgrades) pg-boss's schema and creates the app's queues. Run with the migrations
// (`npm run db -- migrate`, the demo, the test template) and again by every worker at start: idempotent.
import PgBoss from "pg-boss";
import type pg from "pg";
import { JOBS_SCHEMA, QUEUES } from "./queues";

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

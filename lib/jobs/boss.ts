// pg-boss instances. The worker's boss owns a connection pool on DATABASE_URL (a real server, or the
// embedded PGlite through its socket); the web server never starts one: it sends jobs through `sendInTx`,
// inside the Prisma transaction of the change that causes them.
import "server-only";
import PgBoss from "pg-boss";
import { databaseUrl } from "@/lib/db/url";
import type { Tx } from "@/lib/db/client";
import { JOBS_SCHEMA } from "./queues";

export { PgBoss };

/** A boss with its own pool, for the worker (and tests). Call `start()` before `work`/`fetch`. */
export function createBoss(opts: { connectionString?: string; max?: number; supervise?: boolean; schedule?: boolean } = {}): PgBoss {
  return new PgBoss({
    connectionString: opts.connectionString ?? databaseUrl(),
    schema: JOBS_SCHEMA,
    max: opts.max ?? 4,
    application_name: "portal-worker",
    supervise: opts.supervise ?? true,
    schedule: opts.schedule ?? true,
    migrate: true,
    // Expired jobs (a worker killed mid-job) are found and retried by this sweep: every 30 s, not pg-boss's 120.
    maintenanceIntervalSeconds: 30,
    // The app's own tables are kept as they are; pg-boss keeps finished jobs a week.
    deleteAfterDays: 7,
  });
}

type SqlClient = { executeSql: (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }> };

/** pg-boss statements run through a Prisma transaction (or client). Objects are sent as JSON text. */
function prismaSql(tx: Pick<Tx, "$queryRawUnsafe">): SqlClient {
  return {
    executeSql: async (text, values = []) => {
      const args = values.map((v) =>
        v === undefined ? null : v !== null && typeof v === "object" && !(v instanceof Date) ? JSON.stringify(v) : v,
      );
      const rows = await tx.$queryRawUnsafe<unknown[]>(text, ...args);
      return { rows };
    },
  };
}

// A boss that is never started: it only builds pg-boss's statements; every call passes its own `db`.
declare global {
  var portalJobSender: PgBoss | undefined;
}
function sender(): PgBoss {
  globalThis.portalJobSender ??= new PgBoss({
    schema: JOBS_SCHEMA,
    db: {
      executeSql: () => Promise.reject(new Error("jobs are sent inside a transaction (sendInTx)")),
    },
  });
  return globalThis.portalJobSender;
}

/**
 * Sends a job in the caller's transaction: it exists exactly when the transaction commits. Throws when
 * the queue does not exist (the jobs schema is installed by `npm run db -- migrate`, the demo and the worker).
 */
export async function sendInTx(
  tx: Pick<Tx, "$queryRawUnsafe">,
  queue: string,
  data: object,
  options: { startAfter?: Date; singletonKey?: string } = {},
): Promise<string> {
  const id = await sender().send(queue, data, { ...options, db: prismaSql(tx) } as PgBoss.SendOptions);
  if (!id) throw new Error(`job not queued: is the jobs schema installed with queue "${queue}"?`);
  return id;
}

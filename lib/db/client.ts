// The one Prisma client of the app, over node-postgres (adapter-pg): a real PostgreSQL server when
// DATABASE_URL is set, the embedded PGlite server otherwise. Same SQL, same code path.
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseUrl } from "./url";

declare global {
  // The client survives dev-mode reloads on globalThis (a `var` is how a global is declared).
  var portalDb: PrismaClient | undefined;
  // The connection pool behind it, for the metrics' pool gauges (lib/ops/metrics.ts).
  var portalDbPool: pg.Pool | undefined;
}
const globalForDb = globalThis;

function createClient(): PrismaClient {
  // The pool is made here, not by the adapter, so that its use can be measured; the client ends it on $disconnect.
  const pool = new pg.Pool({ connectionString: databaseUrl(), max: Number(process.env.DB_POOL_SIZE ?? 10) });
  globalForDb.portalDbPool = pool;
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  // At a peak, transactions queue for connections (and on PGlite for the one engine): Prisma's
  // defaults (2 s to start, 5 s to run) would fail requests that only had to wait their turn.
  return new PrismaClient({ adapter, transactionOptions: { maxWait: 15_000, timeout: 30_000 } });
}

export const db: PrismaClient = globalForDb.portalDb ?? createClient();
if (process.env.NODE_ENV !== "production") globalForDb.portalDb = db;

/** The pool of the app's client (its total, idle and waiting counts), once the client is made. */
export function dbPool(): pg.Pool | undefined {
  return globalForDb.portalDbPool;
}

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

// The one Prisma client of the app, over node-postgres (adapter-pg): a real PostgreSQL server when
// DATABASE_URL is set, the embedded PGlite server otherwise. Same SQL, same code path.
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseUrl } from "./url";

declare global {
  // The client survives dev-mode reloads on globalThis (a `var` is how a global is declared).
  var portalDb: PrismaClient | undefined;
}
const globalForDb = globalThis;

function createClient(): PrismaClient {
  const adapter = new PrismaPg({ connectionString: databaseUrl(), max: Number(process.env.DB_POOL_SIZE ?? 10) });
  // At a peak, transactions queue for connections (and on PGlite for the one engine): Prisma's
  // defaults (2 s to start, 5 s to run) would fail requests that only had to wait their turn.
  return new PrismaClient({ adapter, transactionOptions: { maxWait: 15_000, timeout: 30_000 } });
}

export const db: PrismaClient = globalForDb.portalDb ?? createClient();
if (process.env.NODE_ENV !== "production") globalForDb.portalDb = db;

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

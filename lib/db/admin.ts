// Database-level chores for scripts and tests: open a connection to wherever the database is, and
// create or drop whole databases on a PostgreSQL server.
import path from "node:path";
import pg from "pg";
import { startEmbeddedDatabase, portInUse, type EmbeddedDatabase } from "./embedded";
import { embeddedPort, embeddedUrl } from "./url";

const DEFAULT_DATA_DIR = path.join(process.cwd(), ".data", "pglite");

export interface OpenDatabase {
  url: string;
  /** Set when this process started (and owns) the embedded server. */
  embedded?: EmbeddedDatabase;
  close(): Promise<void>;
}

/**
 * DATABASE_URL when set. Otherwise the embedded server: the one already running on its port, or a new
 * one started in this process over EMBEDDED_DB_DIR (default .data/pglite), which this process then owns.
 */
export async function openDatabase(): Promise<OpenDatabase> {
  const url = process.env.DATABASE_URL;
  if (url) {
    await ensureDatabaseExists(url);
    return { url, close: async () => {} };
  }
  const port = embeddedPort();
  if (await portInUse(port)) return { url: embeddedUrl(port), close: async () => {} };
  const embedded = await startEmbeddedDatabase({ dataDir: process.env.EMBEDDED_DB_DIR || DEFAULT_DATA_DIR, port });
  return { url: embedded.url, embedded, close: () => embedded.stop() };
}

export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function maintenanceUrl(url: string): { admin: string; name: string } {
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.replace(/^\//, "")) || "postgres";
  u.pathname = "/postgres";
  return { admin: u.toString(), name };
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Creates the database named in a server URL when it does not exist yet. */
export async function ensureDatabaseExists(url: string): Promise<void> {
  const { admin, name } = maintenanceUrl(url);
  if (name === "postgres") return;
  await withClient(admin, async (c) => {
    const found = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!found.rowCount) await c.query(`CREATE DATABASE ${quoteIdent(name)}`);
  });
}

/**
 * A URL to a new database on the same server, named `<base>_<suffix>`; dropped first if it exists. Empty,
 * or a copy of the database `template` (which nobody may be connected to meanwhile).
 */
export async function recreateDatabase(url: string, suffix: string, opts: { template?: string } = {}): Promise<string> {
  const { admin, name } = maintenanceUrl(url);
  const target = `${name}_${suffix}`.slice(0, 63);
  await withClient(admin, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(target)} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${quoteIdent(target)}${opts.template ? ` TEMPLATE ${quoteIdent(opts.template)}` : ""}`);
  });
  const u = new URL(url);
  u.pathname = `/${target}`;
  return u.toString();
}

/** The database a server URL names. */
export function databaseName(url: string): string {
  return maintenanceUrl(url).name;
}

export async function dropDatabase(url: string): Promise<void> {
  const { admin, name } = maintenanceUrl(url);
  await withClient(admin, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
}

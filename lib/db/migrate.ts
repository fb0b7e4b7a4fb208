// The project's migrator. Prisma's `migrate deploy` needs a native schema engine that cannot be
// downloaded here, so this applies prisma/migrations/*/migration.sql in order and records each in
// `_prisma_migrations` exactly as Prisma does (sha256 of the file), so that Prisma agrees wherever
// it can run. Each migration runs in one transaction: a failure leaves the database as it was.
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type pg from "pg";
import { splitSqlStatements } from "./sql-split";

export const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

// The same table Prisma's schema engine creates.
const MIGRATIONS_TABLE_DDL = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

// Serialises migrators that start at once (two `npm run demo`s, parallel test workers).
const LOCK_KEY = 72707369;

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {
  constructor(
    readonly migration: string,
    readonly statementIndex: number,
    readonly line: number,
    readonly statement: string,
    readonly cause: unknown,
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      `Migration ${migration}/migration.sql failed at statement ${statementIndex + 1} (line ${line}): ${reason}\n` +
        `  ${statement.split("\n").slice(0, 4).join("\n  ")}${statement.split("\n").length > 4 ? "\n  ..." : ""}\n` +
        `Nothing of this migration was applied.`,
    );
    this.name = "MigrationError";
  }
}

export function checksumOf(sql: string): string {
  return createHash("sha256").update(sql, "utf8").digest("hex");
}

export function readMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  // Not traced into the server bundle (turbopackIgnore): the folder is read from the working directory at run time.
  return fs
    .readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(/*turbopackIgnore: true*/ path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(/*turbopackIgnore: true*/ path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: checksumOf(sql) };
    });
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/** The migrations recorded as applied (the query migrate() and the readiness check share). */
export const APPLIED_MIGRATIONS_SQL = `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`;

/**
 * How the database stands against the migration folders, without changing it: the migrations not yet
 * applied (or started and never finished), and those edited after they were applied. Both empty: current.
 */
export function migrationState(
  applied: readonly Pick<AppliedRow, "migration_name" | "checksum" | "finished_at">[],
  migrations: readonly MigrationFile[] = readMigrations(),
): { pending: string[]; edited: string[] } {
  const byName = new Map(applied.map((r) => [r.migration_name, r]));
  const pending: string[] = [];
  const edited: string[] = [];
  for (const m of migrations) {
    const row = byName.get(m.name);
    if (!row || !row.finished_at) pending.push(m.name);
    else if (row.checksum !== m.checksum) edited.push(m.name);
  }
  return { pending, edited };
}

/** Applies every pending migration. Returns the names applied; applying again applies nothing. */
export async function migrate(client: pg.ClientBase, opts: { dir?: string; log?: (msg: string) => void } = {}): Promise<string[]> {
  const log = opts.log ?? (() => {});
  const migrations = readMigrations(opts.dir);
  await client.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
  try {
    await client.query(MIGRATIONS_TABLE_DDL);
    const { rows } = await client.query<AppliedRow>(APPLIED_MIGRATIONS_SQL);
    const applied = new Map(rows.map((r) => [r.migration_name, r]));
    for (const r of rows) {
      if (!r.finished_at) {
        throw new Error(
          `Migration ${r.migration_name} was started but never finished (recorded by another tool). Resolve it before migrating.`,
        );
      }
    }
    const done: string[] = [];
    for (const m of migrations) {
      const prior = applied.get(m.name);
      if (prior) {
        if (prior.checksum !== m.checksum) {
          throw new Error(`Migration ${m.name} was edited after it was applied (checksum differs). Add a new migration instead.`);
        }
        continue;
      }
      await applyOne(client, m);
      log(`applied ${m.name}`);
      done.push(m.name);
    }
    return done;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]);
  }
}

async function applyOne(client: pg.ClientBase, m: MigrationFile): Promise<void> {
  const statements = splitSqlStatements(m.sql);
  const id = randomUUID();
  await client.query("BEGIN");
  try {
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)`,
      [id, m.checksum, m.name],
    );
    for (const [index, st] of statements.entries()) {
      try {
        await client.query(st.sql);
      } catch (err) {
        throw new MigrationError(m.name, index, st.line, st.sql, err);
      }
    }
    await client.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK");
    throw err;
  }
}

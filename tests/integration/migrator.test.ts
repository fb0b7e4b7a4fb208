import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { withClient } from "@/lib/db/admin";
import { checksumOf, migrate, MigrationError, MIGRATIONS_DIR, readMigrations } from "@/lib/db/migrate";
import { scratchDatabase, type ScratchDatabase } from "../support/scratch-db";

let scratch: ScratchDatabase | undefined;
afterEach(async () => {
  await scratch?.drop();
  scratch = undefined;
});

function copyMigrations(extra?: { name: string; sql: string }): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "migrations-"));
  fs.cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  if (extra) {
    fs.mkdirSync(path.join(dir, extra.name));
    fs.writeFileSync(path.join(dir, extra.name, "migration.sql"), extra.sql);
  }
  return dir;
}

describe("migrator", () => {
  it("applies every migration once and records it as Prisma does", async () => {
    scratch = await scratchDatabase();
    const files = readMigrations();
    await withClient(scratch.url, async (c) => {
      expect(await migrate(c)).toEqual(files.map((f) => f.name));
      expect(await migrate(c)).toEqual([]);
      const { rows } = await c.query(
        `SELECT migration_name, checksum, finished_at, applied_steps_count, rolled_back_at FROM _prisma_migrations ORDER BY migration_name`,
      );
      expect(rows).toHaveLength(files.length);
      for (const [i, f] of files.entries()) {
        expect(rows[i].migration_name).toBe(f.name);
        expect(rows[i].checksum).toBe(checksumOf(fs.readFileSync(path.join(MIGRATIONS_DIR, f.name, "migration.sql"), "utf8")));
        expect(rows[i].checksum).toMatch(/^[0-9a-f]{64}$/);
        expect(rows[i].finished_at).toBeInstanceOf(Date);
        expect(rows[i].applied_steps_count).toBe(1);
        expect(rows[i].rolled_back_at).toBeNull();
      }
    });
  });

  it("rolls a failed migration back entirely and names the file and statement", async () => {
    scratch = await scratchDatabase();
    const dir = copyMigrations({
      name: "29990101000000_broken",
      sql: `CREATE TABLE "half_done" (id int);\n\n-- the second statement fails\nALTER TABLE "no_such_table" ADD COLUMN x int;\n`,
    });
    await withClient(scratch.url, async (c) => {
      const err = await migrate(c, { dir }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(MigrationError);
      const m = err as MigrationError;
      expect(m.migration).toBe("29990101000000_broken");
      expect(m.statementIndex).toBe(1);
      expect(m.line).toBe(4);
      expect(m.message).toContain("29990101000000_broken/migration.sql");
      expect(m.message).toContain("no_such_table");
      const half = await c.query(`SELECT to_regclass('public.half_done') AS t`);
      expect(half.rows[0].t).toBeNull();
      const rec = await c.query(`SELECT count(*)::int AS n FROM _prisma_migrations WHERE migration_name = '29990101000000_broken'`);
      expect(rec.rows[0].n).toBe(0);
      // The migrations before it were applied and stay applied.
      const ok = await c.query(`SELECT count(*)::int AS n FROM _prisma_migrations`);
      expect(ok.rows[0].n).toBe(readMigrations().length);
    });
  });

  it("refuses a migration edited after it was applied", async () => {
    scratch = await scratchDatabase();
    const dir = copyMigrations();
    await withClient(scratch.url, async (c) => {
      await migrate(c, { dir });
      const first = readMigrations(dir)[0]!;
      fs.appendFileSync(path.join(dir, first.name, "migration.sql"), "\n-- edited\n");
      await expect(migrate(c, { dir })).rejects.toThrow(/edited after it was applied/);
    });
  });
});

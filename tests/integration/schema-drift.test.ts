// schema.prisma and the migrations must describe the same database.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { withClient } from "@/lib/db/admin";
import { migrate, MIGRATIONS_DIR } from "@/lib/db/migrate";
import { diffSchemas, expectedShape, introspect, type Dmmf } from "@/lib/db/schema-diff";
import { scratchDatabase, type ScratchDatabase } from "../support/scratch-db";

const dmmf = JSON.parse(fs.readFileSync(path.join(process.cwd(), "lib/generated/dmmf.json"), "utf8")) as Dmmf;

let scratch: ScratchDatabase | undefined;
afterEach(async () => {
  await scratch?.drop();
  scratch = undefined;
});

async function driftAgainst(dir: string): Promise<string[]> {
  scratch = await scratchDatabase();
  return withClient(scratch.url, async (c) => {
    await migrate(c, { dir });
    return diffSchemas(expectedShape(dmmf), await introspect(c));
  });
}

describe("schema drift", () => {
  it("schema.prisma and the migrated database agree", async () => {
    expect(await driftAgainst(MIGRATIONS_DIR)).toEqual([]);
  });

  it("notices a column removed from a migration", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "drift-"));
    fs.cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    const init = fs
      .readdirSync(dir)
      .sort()
      .find((d) => d.endsWith("_init"))!;
    const file = path.join(dir, init, "migration.sql");
    const sql = fs.readFileSync(file, "utf8");
    const without = sql.replace(/^\s*"priority_year" INTEGER,\n/m, "");
    expect(without).not.toBe(sql);
    fs.writeFileSync(file, without);
    expect(await driftAgainst(dir)).toContain("column service.priority_year: in schema.prisma, missing in the database");
  });
});

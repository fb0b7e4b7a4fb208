// The integration tests' database, migrated and seeded once per run; each test file then works on its
// own copy of it (tests/support/setup-db-env.ts), so files run in parallel and never see each other's rows.
// - On the server named by DATABASE_URL: the template database `<db>_template`, copied per file with
//   CREATE DATABASE … TEMPLATE.
// - Without DATABASE_URL: an in-memory embedded PGlite, dumped to a tarball that each file's own embedded
//   server loads.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { databaseName, dropDatabase, recreateDatabase, withClient } from "@/lib/db/admin";
import { freePort, startEmbeddedDatabase } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { installJobs } from "@/lib/jobs/install";
import { seedDemoAccounts } from "@/prisma/seed/demo";
import { seedReference } from "@/prisma/seed/reference";

declare module "vitest" {
  export interface ProvidedContext {
    /** Real PostgreSQL: the migrated and seeded database each file copies. Empty on PGlite. */
    templateDatabase: string;
    /** PGlite: the tarball of the migrated and seeded data folder each file loads. Empty on a server. */
    templateDump: string;
    /** The server's URL (real PostgreSQL) for tests that make scratch databases; empty on PGlite. */
    serverUrl: string;
  }
}

async function migrateAndSeed(url: string): Promise<void> {
  await withClient(url, async (c) => {
    await migrate(c);
    await installJobs(c);
    await seedReference(c);
    await seedDemoAccounts(c);
  });
}

export default async function setup(project: TestProject) {
  const started = Date.now();
  const serverUrl = process.env.DATABASE_URL ?? "";
  project.provide("serverUrl", serverUrl);
  if (serverUrl) {
    const url = await recreateDatabase(serverUrl, "template");
    try {
      await migrateAndSeed(url);
    } catch (err) {
      await dropDatabase(url);
      throw err;
    }
    project.provide("templateDatabase", databaseName(url));
    project.provide("templateDump", "");
    console.log(`[global-db] template database ${databaseName(url)} ready in ${Date.now() - started} ms`);
    return () => dropDatabase(url);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-vitest-"));
  const dump = path.join(dir, "template.tar");
  const embedded = await startEmbeddedDatabase({ port: await freePort() });
  try {
    await migrateAndSeed(embedded.url);
    fs.writeFileSync(dump, Buffer.from(await (await embedded.dumpDataDir()).arrayBuffer()));
  } catch (err) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  } finally {
    await embedded.stop();
  }
  project.provide("templateDatabase", "");
  project.provide("templateDump", dump);
  console.log(`[global-db] PGlite template (${(fs.statSync(dump).size / 1e6).toFixed(1)} MB) ready in ${Date.now() - started} ms`);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

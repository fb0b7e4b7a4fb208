// One fresh, migrated and seeded database for the integration tests: `<db>_vitest` on the server named
// by DATABASE_URL, or an in-memory embedded PGlite server when it is not set.
import type { TestProject } from "vitest/node";
import { recreateDatabase, withClient } from "@/lib/db/admin";
import { freePort, startEmbeddedDatabase } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { seedDemoAccounts } from "@/prisma/seed/demo";
import { seedReference } from "@/prisma/seed/reference";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    /** The server's URL (real PostgreSQL) for tests that make scratch databases; empty on PGlite. */
    serverUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const serverUrl = process.env.DATABASE_URL ?? "";
  let url: string;
  let stop = async () => {};
  if (serverUrl) {
    url = await recreateDatabase(serverUrl, "vitest");
  } else {
    const embedded = await startEmbeddedDatabase({ port: await freePort() });
    url = embedded.url;
    stop = () => embedded.stop();
  }
  try {
    await withClient(url, async (c) => {
      await migrate(c);
      await seedReference(c);
      await seedDemoAccounts(c);
    });
  } catch (err) {
    await stop();
    throw err;
  }
  project.provide("databaseUrl", url);
  project.provide("serverUrl", serverUrl);
  return stop;
}

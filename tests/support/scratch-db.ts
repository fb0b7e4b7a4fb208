// An empty database of its own, for tests that migrate from nothing (migrator, drift).
import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { dropDatabase, recreateDatabase } from "@/lib/db/admin";
import { freePort, startEmbeddedDatabase } from "@/lib/db/embedded";

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function scratchDatabase(): Promise<ScratchDatabase> {
  const server = inject("serverUrl");
  if (server) {
    const url = await recreateDatabase(server, `scratch_${randomBytes(4).toString("hex")}`);
    return { url, drop: () => dropDatabase(url) };
  }
  const embedded = await startEmbeddedDatabase({ port: await freePort(), maxConnections: 4 });
  return { url: embedded.url, drop: () => embedded.stop() };
}

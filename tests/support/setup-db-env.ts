// Gives each integration test file a database of its own, a copy of the migrated and seeded template
// (tests/support/global-db.ts), and points the app's database client at it before any test module
// imports it. Dropped (or stopped) when the file is done.
import fs from "node:fs";
import { afterAll, inject } from "vitest";
import { dropDatabase, recreateDatabase } from "@/lib/db/admin";
import { freePort, startEmbeddedDatabase } from "@/lib/db/embedded";

// The tests pay through the simulated bank (VNPay's protocol, on this site).
process.env.PAYMENT_GATEWAY = "simulator";
// Push tests deliver to receivers on this machine, over plain http (both refused by a production start).
process.env.PUSH_ALLOW_HTTP = "true";
process.env.PUSH_ALLOW_PRIVATE_HOSTS = "127.0.0.1";

const started = Date.now();
const server = inject("serverUrl");
let release: () => Promise<void>;
if (server) {
  // One name per worker: a worker runs its files one after another, and a database left behind by an
  // interrupted run is replaced by the next.
  const url = await recreateDatabase(server, `vitest_${process.env.VITEST_POOL_ID ?? process.pid}`, {
    template: inject("templateDatabase"),
  });
  process.env.DATABASE_URL = url;
  release = () => dropDatabase(url);
} else {
  const embedded = await startEmbeddedDatabase({ port: await freePort(), loadDataDir: await fs.openAsBlob(inject("templateDump")) });
  process.env.DATABASE_URL = embedded.url;
  release = () => embedded.stop();
}
if (process.env.TEST_DB_TIMING) console.log(`[setup-db-env] database ready in ${Date.now() - started} ms`);

afterAll(async () => {
  // The app's client first, so that its pool does not see its connections cut.
  await (globalThis as { portalDb?: { $disconnect(): Promise<void> } }).portalDb?.$disconnect();
  await release();
});

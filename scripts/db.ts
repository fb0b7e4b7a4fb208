// `npm run db:migrate`, `db:seed`, `db:server`: the database chores, on DATABASE_URL or the embedded server.
import { openDatabase, withClient } from "@/lib/db/admin";
import { migrate, MigrationError } from "@/lib/db/migrate";
import { installJobs } from "@/lib/jobs/install";
import { seedReference } from "@/prisma/seed/reference";
import { seedDemoAccounts } from "@/prisma/seed/demo";
import { seedDemoCountry } from "@/prisma/seed/demo-country";
import { seedDemoOldAddressDossier } from "@/prisma/seed/demo-old-address";

const command = process.argv[2];

async function main() {
  const database = await openDatabase();
  try {
    if (command === "migrate") {
      const applied = await withClient(database.url, async (c) => {
        const names = await migrate(c, { log: (m) => console.log(m) });
        // The job queue's tables (pg-boss, schema "pgboss") and the app's queues.
        await installJobs(c);
        return names;
      });
      console.log(applied.length ? `${applied.length} migration(s) applied.` : "The database is up to date.");
    } else if (command === "seed") {
      const counts = await withClient(database.url, async (c) => {
        const counts = await seedReference(c);
        if (process.argv.includes("--demo")) {
          await seedDemoAccounts(c);
          await seedDemoOldAddressDossier(c);
          await seedDemoCountry(c);
        }
        return counts;
      });
      console.log(`Seeded ${counts.agencies} agencies, ${counts.procedures} procedures, ${counts.services} services.`);
    } else if (command === "server") {
      if (!database.embedded) {
        console.log(
          `Not starting: ${process.env.DATABASE_URL ? "DATABASE_URL is set" : "something already listens on the embedded port"}.`,
        );
        return;
      }
      console.log(`Embedded PostgreSQL (PGlite) listening at ${database.url}. Ctrl-C stops it.`);
      await new Promise<void>((resolve) => {
        process.once("SIGINT", resolve);
        process.once("SIGTERM", resolve);
      });
    } else {
      console.error("usage: tsx scripts/db.ts migrate | seed [--demo] | server");
      process.exitCode = 2;
    }
  } finally {
    await database.close();
  }
}

main().catch((err) => {
  console.error(err instanceof MigrationError ? err.message : err);
  process.exit(1);
});

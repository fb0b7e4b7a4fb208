// The demo's accounts (prisma/seed/demo.ts) have published passwords: a production database that holds
// one has a door anyone can open. A production start asks the database (lib/startup.ts).
import "server-only";
import { db } from "@/lib/db/client";
import { DEMO_ACCOUNTS } from "@/prisma/seed/demo";

/** How many of the demo accounts exist in the database. */
export async function demoAccountsInDatabase(client: Pick<typeof db, "user"> = db): Promise<number> {
  return client.user.count({ where: { email: { in: DEMO_ACCOUNTS.map((a) => a.email.toLowerCase()) } } });
}

/** The refusal a production start gives when demo accounts exist (empty when none do). */
export async function demoAccountProblems(client: Pick<typeof db, "user"> = db): Promise<string[]> {
  const n = await demoAccountsInDatabase(client);
  return n > 0 ? [`the database holds ${n} demo account(s) of prisma/seed/demo.ts, whose passwords are published: remove them`] : [];
}

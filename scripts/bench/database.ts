// The benchmark's database: migrated, seeded, and filled up to the scale with set-based SQL unless it holds it.
import { dropDatabase, ensureDatabaseExists, withClient } from "@/lib/db/admin";
import { migrate } from "@/lib/db/migrate";
import { installJobs } from "@/lib/jobs/install";
import { hashPassword } from "@/lib/auth/password";
import { seedDemoAccounts } from "@/prisma/seed/demo";
import { seedReference } from "@/prisma/seed/reference";
import { BENCH_PASSWORD, generate, SCALES, type ScaleName } from "./generate";

export async function prepareDatabase(url: string, scaleName: ScaleName, fresh: boolean) {
  const scale = SCALES[scaleName];
  const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  if (fresh) {
    const name = new URL(url).pathname.slice(1);
    if (/^portal/.test(name)) throw new Error(`--fresh refuses to drop ${name}: give the benchmark a database of its own`);
    await dropDatabase(url);
  }
  await ensureDatabaseExists(url);
  await withClient(url, async (c) => {
    await migrate(c);
    await installJobs(c);
    await seedReference(c);
    await seedDemoAccounts(c);
    const have = Number((await c.query("SELECT count(*) AS n FROM app_user WHERE email LIKE 'bench.citizen.%'")).rows[0].n);
    if (have === scale.citizens) {
      console.log(`Dữ liệu thử tải (${scaleName}) đã có: dùng lại.`);
      return;
    }
    if (have > 0)
      throw new Error(`The database holds another scale (${have} generated citizens); run with --fresh or use another database.`);
    console.log(`Sinh dữ liệu thử tải, quy mô ${scaleName}:`);
    const t = performance.now();
    const passwordHash = await hashPassword(BENCH_PASSWORD); // once, for every generated account
    await c.query("BEGIN");
    const counts = await generate(c, scale, { passwordHash, log: (l) => console.log(l) });
    await c.query("COMMIT");
    const a = performance.now();
    await c.query("VACUUM ANALYZE");
    console.log(`  VACUUM ANALYZE: ${secs(performance.now() - a)}`);
    console.log(`Sinh dữ liệu xong trong ${secs(performance.now() - t)} (${JSON.stringify({ ...counts, ms: Math.round(counts.ms) })}).`);
  });
}

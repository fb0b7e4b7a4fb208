// `npm run bench:audit`: what the audit trail's hash chain costs under concurrency. On a database of its own
// (`<DATABASE_URL's db>_auditbench`, recreated; a real PostgreSQL server: PGlite runs one transaction at a
// time, so it cannot show contention), it runs the same small use-case transaction (a little work, then the
// audit entry as the last statement, as lib/auth/door.ts does) at several concurrencies:
// - chained: the entry through lib/audit/record.ts (advisory lock, head read, insert);
// - unchained: the same entry inserted into a copy of the table without the chain (the trail as it was).
// It prints transactions per second and latency percentiles, checks the chain afterwards, and drops the database.
// Run with `tsx --conditions=react-server` (the npm script does), so that lib's `server-only` imports resolve.
import { PrismaPg } from "@prisma/adapter-pg";
import { dropDatabase, recreateDatabase, withClient } from "@/lib/db/admin";
import { migrate } from "@/lib/db/migrate";
import { recordAudit } from "@/lib/audit/record";
import { verifyAuditChain } from "@/lib/audit/integrity";
import { PrismaClient } from "@/lib/generated/prisma/client";

const TOTAL = Number(process.env.AUDIT_BENCH_TOTAL ?? 2000);
const CONCURRENCY = (process.env.AUDIT_BENCH_CONCURRENCY ?? "1,10,50").split(",").map(Number);
/** The use case's own work before its audit entry, in milliseconds (a query or two). */
const WORK_MS = Number(process.env.AUDIT_BENCH_WORK_MS ?? 2);

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const entry = (n: number) => ({
  actorKind: "agency_system" as const,
  actorRef: "bench-key",
  actorAgencyId: 1,
  action: "document.send" as const,
  entityType: "document" as const,
  entityId: `bench-${n}`,
  ip: "127.0.0.1",
  userAgent: "audit-bench",
  details: { documentKey: `000.00.00.G22,2026/12/07,${n}/CV`, recipients: ["000.00.00.H29"] },
});

async function unchained(tx: Tx, n: number): Promise<void> {
  const e = entry(n);
  await tx.$executeRaw`
    INSERT INTO audit_event_unchained (actor_kind, actor_ref, actor_agency_id, action, entity_type, entity_id, ip, user_agent, details)
    VALUES (${e.actorKind}, ${e.actorRef}, ${e.actorAgencyId}, ${e.action}, ${e.entityType}, ${e.entityId}, ${e.ip}, ${e.userAgent}, ${JSON.stringify(e.details)}::jsonb)`;
}

async function run(db: PrismaClient, concurrency: number, audit: (tx: Tx, n: number) => Promise<void>) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let n = next++; n < TOTAL; n = next++) {
        const t = performance.now();
        await db.$transaction(async (tx) => {
          await tx.$executeRaw`SELECT pg_sleep(${WORK_MS / 1000})`;
          await audit(tx, n);
        });
        latencies.push(performance.now() - t);
      }
    }),
  );
  const secs = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const p = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!.toFixed(1);
  return { tps: Math.round(TOTAL / secs), p50: p(0.5), p95: p(0.95), p99: p(0.99) };
}

async function main() {
  const server = process.env.DATABASE_URL;
  if (!server) throw new Error("DATABASE_URL must name a PostgreSQL server (PGlite runs one transaction at a time).");
  const url = await recreateDatabase(server, "auditbench");
  try {
    await withClient(url, async (c) => {
      await migrate(c);
      await c.query(`CREATE TABLE audit_event_unchained (LIKE audit_event INCLUDING DEFAULTS INCLUDING INDEXES)`);
    });
    console.log(`${TOTAL} transactions per run, ${WORK_MS} ms of work each before the audit entry.`);
    console.log("concurrency | unchained tx/s  p50  p95  p99 (ms) | chained tx/s  p50  p95  p99 (ms)");
    for (const concurrency of CONCURRENCY) {
      const db = new PrismaClient({
        adapter: new PrismaPg({ connectionString: url, max: Math.min(concurrency, 20) }),
        transactionOptions: { maxWait: 60_000, timeout: 60_000 },
      });
      try {
        const plain = await run(db, concurrency, unchained);
        const chained = await run(db, concurrency, (tx, n) => recordAudit(tx, entry(n)));
        console.log(
          `${String(concurrency).padStart(11)} | ${String(plain.tps).padStart(14)} ${plain.p50.padStart(4)} ${plain.p95.padStart(4)} ${plain.p99.padStart(4)}      | ${String(chained.tps).padStart(12)} ${chained.p50.padStart(4)} ${chained.p95.padStart(4)} ${chained.p99.padStart(4)}`,
        );
      } finally {
        await db.$disconnect();
      }
    }
    const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 2 }) });
    try {
      const report = await verifyAuditChain({}, db);
      console.log(`Chain after the runs: ${report.checked} entries, ${report.problems.length} problems.`);
      if (report.problems.length) process.exitCode = 1;
    } finally {
      await db.$disconnect();
    }
  } finally {
    await dropDatabase(url);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

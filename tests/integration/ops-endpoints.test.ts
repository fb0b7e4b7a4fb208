// The operator's endpoints: liveness, readiness (database, migrations, storage) and the token-protected metrics.
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { GET as metricsRoute } from "@/app/api/metrics/route";
import { GET as ready } from "@/app/api/ready/route";
import { forgetReadiness } from "@/lib/ops/readiness";
import { viaSession } from "@/lib/auth/session-actor";
import { db } from "@/lib/db/client";
import { submitDossier } from "@/lib/filing/submit";
import { metricsAccess } from "@/lib/ops/metrics-token";
import { levelFourServiceWithPapers, PDF_BYTES, signInCitizen, uploadPaper, validAnswers } from "../support/filing";

const TOKEN = "metrics-token-for-the-tests-0123456789";
const scrape = (authorization?: string) =>
  metricsRoute(new Request("http://localhost/api/metrics", { headers: authorization ? { authorization } : {} }));

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("GET /api/health", () => {
  it("answers 200 {status: ok} without asking anything else", async () => {
    const res = health();
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({ status: "ok" });
  });
});

describe("GET /api/ready", () => {
  it("answers 200 when the database answers, its migrations are current and storage takes a write", async () => {
    const res = await ready();
    const body = (await res.json()) as { status: string; checks: Record<string, { ok: boolean; problem?: string }> };
    expect(res.status).toBe(200);
    expect(body.status).toBe("ready");
    expect(Object.keys(body.checks).sort()).toEqual(["database", "migrations", "storage"]);
    for (const c of Object.values(body.checks)) expect(c.ok).toBe(true);
  });

  it("answers 503 naming the migrations check when one is not applied", async () => {
    const [latest] = await db.$queryRawUnsafe<{ migration_name: string }[]>(
      `SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name DESC LIMIT 1`,
    );
    await db.$executeRawUnsafe(`UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = $1`, latest!.migration_name);
    // One answer serves every request for a few seconds; this test asks again at once.
    forgetReadiness();
    try {
      const res = await ready();
      const body = (await res.json()) as { status: string; checks: Record<string, { ok: boolean; problem?: string; pending?: number }> };
      expect(res.status).toBe(503);
      expect(body.status).toBe("not_ready");
      expect(body.checks.migrations).toMatchObject({ ok: false, problem: "pending", pending: 1 });
      expect(body.checks.database!.ok).toBe(true);
    } finally {
      await db.$executeRawUnsafe(`UPDATE "_prisma_migrations" SET rolled_back_at = NULL WHERE migration_name = $1`, latest!.migration_name);
    }
  });

  it("answers many requests from one check: a burst costs one database round and one storage write", async () => {
    forgetReadiness();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => ready().then((r) => r.json() as Promise<{ checks: { database: { ms: number } } }>)),
    );
    // The same check object serves them all (one round of checks, not twenty).
    expect(new Set(answers.map((a) => JSON.stringify(a.checks))).size).toBe(1);
  });
});

describe("GET /api/metrics", () => {
  it("does not exist without METRICS_TOKEN", async () => {
    vi.stubEnv("METRICS_TOKEN", "");
    expect((await scrape(`Bearer ${TOKEN}`)).status).toBe(404);
  });

  it("answers 401 without the right bearer token", async () => {
    vi.stubEnv("METRICS_TOKEN", TOKEN);
    for (const auth of [undefined, "Bearer wrong", `Basic ${TOKEN}`, `Bearer ${TOKEN}x`, "Bearer "]) {
      const res = await scrape(auth);
      expect(res.status, String(auth)).toBe(401);
      expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
    }
    expect(metricsAccess(`bearer ${TOKEN}`, TOKEN)).toBe("allowed");
  });

  it("answers the Prometheus text with every metric, and counts a submitted dossier", async () => {
    vi.stubEnv("METRICS_TOKEN", TOKEN);
    const before = await scrape(`Bearer ${TOKEN}`);
    expect(before.status).toBe(200);
    expect(before.headers.get("content-type")).toMatch(/^text\/plain/);
    const text = await before.text();
    for (const name of [
      "http_request_duration_seconds",
      "portal_dossiers_submitted_total",
      "portal_jobs_failed_total",
      "portal_job_queue_depth",
      "portal_job_queue_oldest_seconds",
      "portal_outbox_dead",
      "portal_outbox_pending_oldest_seconds",
      "portal_db_pool_connections",
      "process_cpu_user_seconds_total",
    ])
      expect(text, name).toContain(`# TYPE ${name} `);
    // The queue gauges are there even before pg-boss made its tables; the pool's once the client is made.
    expect(text).toMatch(/^portal_job_queue_depth\{queue="email"\} \d+$/m);
    expect(text).toMatch(/^portal_db_pool_connections\{state="total"\} [1-9]\d*$/m);
    expect(text).toMatch(/^portal_outbox_dead \d+$/m);

    const counted = (t: string) => Number(/^portal_dossiers_submitted_total (\d+)$/m.exec(t)?.[1]);
    await signInCitizen();
    const service = await levelFourServiceWithPapers();
    const answers = validAnswers(service.form);
    for (const f of service.form.steps.flatMap((st) => st.fields).filter((f) => f.type === "file"))
      answers[f.id] = (await uploadPaper({ serviceCode: service.code, fieldId: f.id, fileName: "giay-to.pdf", bytes: PDF_BYTES })).id;
    const input = { serviceCode: service.code, idempotencyKey: randomUUID(), answers };
    const r = await viaSession(submitDossier, input);
    expect(r.ok, JSON.stringify(r)).toBe(true);
    // The same submission again is answered with the dossier already made: not counted twice.
    expect(await viaSession(submitDossier, input)).toMatchObject({ ok: true, data: { duplicate: true } });
    const after = await (await scrape(`Bearer ${TOKEN}`)).text();
    expect(counted(after)).toBe(counted(text) + 1);
  });
});

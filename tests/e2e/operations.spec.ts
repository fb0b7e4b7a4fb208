// The operator's view on the production server (scripts/server.mjs, started by scripts/demo.ts --e2e):
// liveness, readiness, the token-protected metrics (METRICS_TOKEN from playwright.config.ts), and the
// request id each response carries.
import { expect, test } from "@playwright/test";

const TOKEN = process.env.E2E_METRICS_TOKEN ?? "e2e-metrics-token-0123456789abcdef";

test("GET /api/health answers 200 {status: ok}", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: "ok" });
});

test("GET /api/ready answers 200 with each check ok", async ({ request }) => {
  const res = await request.get("/api/ready");
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { status: string; checks: Record<string, { ok: boolean }> };
  expect(body.status).toBe("ready");
  expect(Object.keys(body.checks).sort()).toEqual(["database", "migrations", "storage"]);
  for (const [name, c] of Object.entries(body.checks)) expect(c.ok, name).toBe(true);
});

test("GET /api/metrics needs the bearer token, then answers the Prometheus text", async ({ request }) => {
  expect((await request.get("/api/metrics")).status()).toBe(401);
  expect((await request.get("/api/metrics", { headers: { authorization: "Bearer wrong-token-0123456789" } })).status()).toBe(401);
  // A request first, so the server has observed a duration for this route.
  await request.get("/api/health");
  const res = await request.get("/api/metrics", { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.status()).toBe(200);
  const text = await res.text();
  for (const name of [
    "http_request_duration_seconds",
    "portal_dossiers_submitted_total",
    "portal_jobs_failed_total",
    "portal_job_queue_depth",
    "portal_outbox_dead",
    "portal_db_pool_connections",
  ])
    expect(text, name).toContain(`# TYPE ${name} `);
  // Observed by the custom server, in the registry the app serves: one registry for both.
  expect(text).toMatch(/^http_request_duration_seconds_count\{method="GET",route="\/api\/health",status="200"\} [1-9]\d*$/m);
});

test("every response carries a request id: the client's when it is a sane one, else a fresh one", async ({ request }) => {
  const kept = await request.get("/api/health", { headers: { "x-request-id": "lb-req-0123456789" } });
  expect(kept.headers()["x-request-id"]).toBe("lb-req-0123456789");
  const replaced = await request.get("/api/health", { headers: { "x-request-id": "bad id with spaces" } });
  expect(replaced.headers()["x-request-id"]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  const page = await request.get("/thu-tuc");
  expect(page.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
});

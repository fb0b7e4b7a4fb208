// The shared limiter: counters live in PostgreSQL and are atomic, so a burst of concurrent hits is
// counted exactly (the finding: 131 of 200 concurrent wrong passwords were checked), keys are hashed,
// and clearing a key gives its budget back.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { check, clear, hit, LIMITS } from "@/lib/security/rate-limit";

describe("rate limits on PostgreSQL", () => {
  it("admits exactly the budget out of 200 concurrent hits on one key", async () => {
    const results = await Promise.all(Array.from({ length: 200 }, () => hit("signInAccountClient", ["burst@example.vn", "203.0.113.9"])));
    expect(results.filter((r) => r.ok)).toHaveLength(LIMITS.signInAccountClient.points);
    const refused = results.find((r) => !r.ok);
    expect(refused && !refused.ok && refused.retryAfterSeconds).toBeGreaterThan(0);
    expect((await check("signInAccountClient", ["burst@example.vn", "203.0.113.9"])).ok).toBe(false);
    // Another client for the same account has its own budget.
    expect((await check("signInAccountClient", ["burst@example.vn", "198.51.100.7"])).ok).toBe(true);
  });

  it("stores hashed keys only", async () => {
    await hit("register", ["192.0.2.55"]);
    const rows = await db.rateLimit.findMany({ select: { key: true } });
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.key).not.toMatch(/192\.0\.2\.55|example\.vn/);
  });

  it("clear gives the budget back", async () => {
    for (let i = 0; i < LIMITS.trackingCode.points; i++) await hit("trackingCode", ["G01.001.000-261206-0001"]);
    expect((await check("trackingCode", ["G01.001.000-261206-0001"])).ok).toBe(false);
    await clear("trackingCode", ["G01.001.000-261206-0001"]);
    expect((await check("trackingCode", ["G01.001.000-261206-0001"])).ok).toBe(true);
  });
});

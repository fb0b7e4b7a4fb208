// The scheduled jobs: the daily purge deletes only what has expired (a day past its expiry), and the queues
// and their cron schedules are registered by a worker.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { purgeExpired } from "@/lib/jobs/scheduled";
import { startWorker } from "@/lib/jobs/worker";

const DAY = 24 * 60 * 60 * 1000;

describe("purge-expired", () => {
  it("deletes sessions, link tokens and rate-limit counters past their expiry, and nothing else", async () => {
    const now = new Date();
    const user = await db.user.findUniqueOrThrow({ where: { email: "congdan@dichvucong.example" } });
    await db.session.createMany({
      data: [
        { id: "purge-old", userId: user.id, expiresAt: new Date(now.getTime() - 2 * DAY) },
        { id: "purge-recent", userId: user.id, expiresAt: new Date(now.getTime() - DAY / 2) },
        { id: "purge-live", userId: user.id, expiresAt: new Date(now.getTime() + DAY) },
      ],
    });
    await db.accountToken.createMany({
      data: [
        { userId: user.id, purpose: "VERIFY_EMAIL", tokenHash: "a".repeat(64), expiresAt: new Date(now.getTime() - 3 * DAY) },
        { userId: user.id, purpose: "RESET_PASSWORD", tokenHash: "b".repeat(64), expiresAt: new Date(now.getTime() + DAY) },
      ],
    });
    await db.rateLimit.createMany({
      data: [
        { key: "purge:old", points: 3, expire: BigInt(now.getTime() - 1000) },
        { key: "purge:live", points: 1, expire: BigInt(now.getTime() + 60_000) },
        { key: "purge:forever", points: 1, expire: null },
      ],
    });

    const r = await purgeExpired(now);
    expect(r).toMatchObject({ sessions: 1, accountTokens: 1, rateLimits: 1 });
    expect((await db.session.findMany({ where: { id: { startsWith: "purge-" } } })).map((s) => s.id).sort()).toEqual([
      "purge-live",
      "purge-recent",
    ]);
    expect(await db.accountToken.count({ where: { tokenHash: { in: ["a".repeat(64), "b".repeat(64)] } } })).toBe(1);
    expect((await db.rateLimit.findMany({ where: { key: { startsWith: "purge:" } } })).map((k) => k.key).sort()).toEqual([
      "purge:forever",
      "purge:live",
    ]);
    expect(await purgeExpired(now)).toMatchObject({ sessions: 0, accountTokens: 0, rateLimits: 0 });
  });
});

describe("the worker's schedules", () => {
  it("registers sweep-files hourly and purge-expired daily", async () => {
    const worker = await startWorker({ concurrency: 1 });
    try {
      const rows = await db.$queryRawUnsafe<{ name: string; cron: string }[]>(`SELECT name, cron FROM pgboss.schedule ORDER BY name`);
      expect(rows).toEqual([
        { name: "purge-expired", cron: "43 3 * * *" },
        { name: "sweep-files", cron: "17 * * * *" },
      ]);
    } finally {
      await worker.stop(1_000);
    }
  });
});

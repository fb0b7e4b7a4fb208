// A production start refuses while the demo accounts (published passwords) are in the database.
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { demoAccountProblems, demoAccountsInDatabase } from "@/lib/ops/demo-accounts";
import { log } from "@/lib/ops/log";
import { startNodeServer } from "@/lib/startup";
import { DEMO_ACCOUNTS } from "@/prisma/seed/demo";

const ROLLBACK = new Error("rollback");

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe("demo accounts at a production start", () => {
  it("counts the seeded demo accounts, and none once they are gone", async () => {
    expect(await demoAccountsInDatabase()).toBe(DEMO_ACCOUNTS.length);
    expect((await demoAccountProblems())[0]).toMatch(/^the database holds \d+ demo account\(s\)/);
    // Without them (renamed in a transaction that is then rolled back): nothing to refuse.
    await expect(
      db.$transaction(async (tx) => {
        const emails = DEMO_ACCOUNTS.map((a) => a.email);
        const { count } = await tx.user.updateMany({ where: { email: { in: emails } }, data: { email: null } });
        expect(count).toBe(DEMO_ACCOUNTS.length);
        expect(await demoAccountsInDatabase(tx)).toBe(0);
        expect(await demoAccountProblems(tx)).toEqual([]);
        throw ROLLBACK;
      }),
    ).rejects.toBe(ROLLBACK);
  });

  it("stops a production start with a message naming them", async () => {
    vi.stubEnv("PORTAL_ENV", "production");
    vi.stubEnv("PAYMENT_GATEWAY", "");
    vi.stubEnv("PUSH_ALLOW_HTTP", "");
    vi.stubEnv("PUSH_ALLOW_PRIVATE_HOSTS", "");
    vi.stubEnv("NEXTAUTH_SECRET", "k3Qv9xT1pZ7mW2rB8nL5cF0hJ4sD6gYa");
    const fatal = vi.spyOn(log, "fatal").mockImplementation(() => {});
    vi.spyOn(process, "exit").mockImplementation((code) => {
      throw new Error(`exit ${String(code)}`);
    });
    await expect(startNodeServer()).rejects.toThrow("exit 1");
    const message = String(fatal.mock.calls[0]?.[1]);
    expect(message).toMatch(/^Refusing to start in production: /);
    expect(message).toContain("demo account(s) of prisma/seed/demo.ts");
  });

  it("does not ask outside production (the demo and the tests keep their accounts)", async () => {
    vi.stubEnv("PORTAL_ENV", "demo");
    vi.stubEnv("OUTBOX_WORKER", "off");
    const exit = vi.spyOn(process, "exit").mockImplementation((code) => {
      throw new Error(`exit ${String(code)}`);
    });
    await startNodeServer();
    expect(exit).not.toHaveBeenCalled();
  });
});

// Sign-in throttling that holds (issue #13): attempts are counted atomically by the shared limiter before
// any password is checked, per (account, client) and per client, so a burst cannot slip past the budget and
// wrong passwords typed in one place cannot lock the owner out anywhere else.
import { createHash } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { db } from "@/lib/db/client";
import { LIMITS } from "@/lib/security/rate-limit";
import { DEMO_ACCOUNTS } from "@/prisma/seed/demo";
import { freshIp } from "../support/request";

// Counts the passwords checked against a hash (argon2id: the costly step the limits protect).
const verified = vi.hoisted(() => ({ count: 0 }));
vi.mock("@/lib/auth/password", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/auth/password")>();
  return {
    ...actual,
    verifyPassword: async (stored: string, password: string) => {
      verified.count += 1;
      return actual.verifyPassword(stored, password);
    },
  };
});

const account = (role: (typeof DEMO_ACCOUNTS)[number]["role"]) => DEMO_ACCOUNTS.find((a) => a.role === role)!;
const admin = account("VPCP_ADMIN");
const citizen = account("CITIZEN");
const meta = (ip: string) => ({ ip, userAgent: "vitest" });
const attempt = (email: string, password: string, ip: string) =>
  signInWithPassword({ email, password }, meta(ip)).then(
    () => "ok",
    (e: Error) => e.message,
  );
const auditCount = (ip: string, outcome: "ok" | "failed" | "denied") =>
  db.auditEvent.count({ where: { action: "auth.signIn", ip, outcome } });

beforeEach(() => {
  verified.count = 0;
});

describe("sign-in throttling", () => {
  it("131 of 200 concurrent wrong passwords were checked: now no more than the budget reach the hash", async () => {
    const ip = freshIp();
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => attempt(citizen.email, `sai-mat-khau-${i}`, ip)));
    const budget = LIMITS.signInAccountClient.points;
    expect(verified.count).toBe(budget);
    expect(results.filter((m) => m === "Thư điện tử hoặc mật khẩu không đúng.")).toHaveLength(budget);
    expect(results.filter((m) => /Vui lòng thử lại sau \d+ phút\./.test(m))).toHaveLength(200 - budget);
    // Every attempt is in the audit trail: the checked ones failed, the rest were denied unchecked.
    expect(await auditCount(ip, "failed")).toBe(budget);
    expect(await auditCount(ip, "denied")).toBe(200 - budget);
  });

  it("50 wrong passwords for the VPCP admin from one address do not lock the admin out from another", async () => {
    const attacker = freshIp();
    const results: string[] = [];
    for (let i = 0; i < 50; i++) results.push(await attempt(admin.email, `doan-mo-${i}`, attacker));
    expect(results.slice(0, LIMITS.signInAccountClient.points).every((m) => m.includes("không đúng"))).toBe(true);
    expect(results.at(-1)).toMatch(/thử lại sau 15 phút/);
    expect(verified.count).toBe(LIMITS.signInAccountClient.points);

    // The owner, elsewhere: signed in at once.
    const owner = await signInWithPassword({ email: admin.email, password: admin.password }, meta(freshIp()));
    expect(owner.role).toBe("VPCP_ADMIN");
    // The attacker's client stays paused, even with the right password.
    expect(await attempt(admin.email, admin.password, attacker)).toMatch(/thử lại sau \d+ phút/);
  });

  it("pauses one (account, client) after the budget of wrong passwords, even for the right password", async () => {
    const ip = freshIp();
    for (let i = 0; i < LIMITS.signInAccountClient.points; i++)
      expect(await attempt(citizen.email, "sai-mat-khau-1", ip)).toMatch(/không đúng/);
    expect(await attempt(citizen.email, citizen.password, ip)).toBe(
      "Bạn đã nhập sai thư điện tử hoặc mật khẩu nhiều lần. Vui lòng thử lại sau 15 phút.",
    );
    // Another account from the same client is not paused by it.
    expect(await attempt(admin.email, admin.password, ip)).toBe("ok");
  });

  it("says the same for an account that does not exist: the refusal reveals nothing", async () => {
    const [a, b] = [freshIp(), freshIp()];
    const known: string[] = [];
    const unknown: string[] = [];
    for (let i = 0; i <= LIMITS.signInAccountClient.points; i++) {
      known.push(await attempt(citizen.email, "sai-mat-khau-2", a));
      unknown.push(await attempt("khong-co-tai-khoan@example.com", "sai-mat-khau-2", b));
    }
    expect(unknown).toEqual(known);
  });

  it("a success forgets the client's wrong passwords for that account", async () => {
    const ip = freshIp();
    for (let i = 0; i < LIMITS.signInAccountClient.points - 1; i++) await attempt(citizen.email, "sai-mat-khau-3", ip);
    expect(await attempt(citizen.email, citizen.password, ip)).toBe("ok");
    // The budget is whole again: as many wrong passwords again before a pause.
    for (let i = 0; i < LIMITS.signInAccountClient.points; i++)
      expect(await attempt(citizen.email, "sai-mat-khau-4", ip)).toMatch(/không đúng/);
    expect(await attempt(citizen.email, "sai-mat-khau-4", ip)).toMatch(/thử lại sau/);
  });

  it("keeps the counters under hashed keys: no e-mail or address in clear", async () => {
    const ip = freshIp();
    await attempt(citizen.email, "sai-mat-khau-5", ip);
    // The limiter's key: SHA-256 of the parts joined by NUL, base64url, under the policy's name.
    const hashed = createHash("sha256").update(`${citizen.email}\u0000${ip}`, "utf8").digest("base64url");
    const row = await db.rateLimit.findUnique({ where: { key: `signInAccountClient:${hashed}` } });
    expect(row?.points).toBe(1);
    const keys = (await db.rateLimit.findMany({ select: { key: true } })).map((r) => r.key).join(" ");
    expect(keys).not.toContain(citizen.email);
    expect(keys).not.toContain(ip);
  });

  it("counts only failures against a client: successful sign-ins from one office never pause it", async () => {
    const office = freshIp();
    for (let i = 0; i < LIMITS.signInClient.points + 5; i++) expect(await attempt(citizen.email, citizen.password, office)).toBe("ok");
    expect(await auditCount(office, "ok")).toBe(LIMITS.signInClient.points + 5);
  }, 120_000);
});

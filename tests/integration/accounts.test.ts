import { beforeEach, describe, expect, it } from "vitest";
import { registerCitizen } from "@/lib/accounts/register";
import { signOutEverywhere } from "@/lib/accounts/sign-out-everywhere";
import { requirePermission } from "@/lib/auth/current-user";
import { sessionUser } from "@/lib/auth/sessions";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { db } from "@/lib/db/client";
import { freshIp, request } from "../support/request";
import { viaSession } from "@/lib/auth/session-actor";

let seq = 0;
function citizen(overrides: Record<string, string> = {}) {
  seq += 1;
  const n = String((Date.now() + seq * 7919) % 1_000_000).padStart(6, "0");
  return {
    fullName: "Võ Thị Sáu",
    cccd: `0011950${n.slice(1)}`.slice(0, 12),
    dateOfBirth: "1995-03-08",
    phone: "0987654321",
    email: `vo.sau.${seq}.${n}@example.com`,
    password: "baomat2026",
    passwordConfirm: "baomat2026",
    ...overrides,
  };
}
const meta = () => ({ ip: request.ip, userAgent: "vitest" });

beforeEach(() => {
  request.ip = freshIp();
  request.sessionId = undefined;
});

describe("registration", () => {
  it("creates a citizen with an argon2id hash and an audit event", async () => {
    const input = citizen();
    const r = await viaSession(registerCitizen, input);
    expect(r.ok).toBe(true);
    const u = await db.user.findUniqueOrThrow({ where: { email: input.email } });
    expect(u.role).toBe("CITIZEN");
    expect(u.cccd).toBe(input.cccd);
    expect(u.passwordHash).toMatch(/^\$argon2id\$/);
    const audit = await db.auditEvent.findFirst({ where: { action: "account.register", entityId: u.id } });
    expect(audit?.outcome).toBe("ok");
    expect(audit?.ip).toBe(request.ip);
  });

  it("refuses malformed input field by field, and writes nothing", async () => {
    const input = citizen({ cccd: "12ab", phone: "012345", email: "khong-hop-le" });
    const r = await viaSession(registerCitizen, input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe("invalid");
    expect(Object.keys(r.fieldErrors).sort()).toEqual(["cccd", "email", "phone"]);
    expect(await db.user.count({ where: { email: input.email } })).toBe(0);
  });

  it("refuses an e-mail or CCCD already registered", async () => {
    const input = citizen();
    expect((await viaSession(registerCitizen, input)).ok).toBe(true);
    const again = await viaSession(registerCitizen, { ...input, cccd: citizen().cccd.replace(/.$/, "9") });
    expect(again).toMatchObject({ ok: false, code: "conflict", fieldErrors: { email: expect.stringContaining("Thư điện tử") } });
    const sameCccd = await viaSession(registerCitizen, { ...citizen(), cccd: input.cccd });
    expect(sameCccd).toMatchObject({ ok: false, code: "conflict", fieldErrors: { cccd: expect.stringContaining("căn cước") } });
  });
});

describe("sign-in and sessions", () => {
  async function registered() {
    const input = citizen();
    expect((await viaSession(registerCitizen, input)).ok).toBe(true);
    return input;
  }

  it("signs in with the right password and opens a session", async () => {
    const c = await registered();
    const s = await signInWithPassword({ email: c.email.toUpperCase(), password: c.password }, meta());
    expect(s.role).toBe("CITIZEN");
    expect((await sessionUser(s.sessionId))?.email).toBe(c.email);
  });

  it("pauses an address after repeated failures across accounts", async () => {
    const ip = freshIp();
    request.ip = ip;
    for (let i = 0; i < 30; i++) {
      await expect(signInWithPassword({ email: `khong-ton-tai-${i}@example.com`, password: "x1234567" }, meta())).rejects.toThrow();
    }
    const c = await registered();
    request.ip = ip;
    await expect(signInWithPassword({ email: c.email, password: c.password }, meta())).rejects.toThrow(
      /quá nhiều lần đăng nhập sai từ mạng bạn đang dùng/,
    );
  });

  it("ends sessions at once when revoked everywhere or when the account is disabled", async () => {
    const c = await registered();
    const s1 = await signInWithPassword({ email: c.email, password: c.password }, meta());
    const s2 = await signInWithPassword({ email: c.email, password: c.password }, meta());
    request.sessionId = s1.sessionId;
    const r = await viaSession(signOutEverywhere, {});
    expect(r).toEqual({ ok: true, data: { revoked: 2 } });
    expect(await sessionUser(s1.sessionId)).toBeNull();
    expect(await sessionUser(s2.sessionId)).toBeNull();

    const s3 = await signInWithPassword({ email: c.email, password: c.password }, meta());
    expect(await sessionUser(s3.sessionId)).not.toBeNull();
    await db.user.update({ where: { email: c.email }, data: { disabledAt: new Date() } });
    expect(await sessionUser(s3.sessionId)).toBeNull();
    await expect(signInWithPassword({ email: c.email, password: c.password }, meta())).rejects.toThrow(/đã bị khóa/);
  });
});

describe("role guards", () => {
  it("gives a citizen 403 in the officer and admin areas and audits the attempt", async () => {
    const input = citizen();
    await viaSession(registerCitizen, input);
    const s = await signInWithPassword({ email: input.email, password: input.password }, meta());
    request.sessionId = s.sessionId;
    for (const [permission, path] of [
      ["workspace.read", "/can-bo"],
      ["admin.read", "/quan-tri"],
    ] as const) {
      const err = await requirePermission(permission, path).catch((e: unknown) => e);
      expect((err as { digest?: string }).digest).toBe("NEXT_HTTP_ERROR_FALLBACK;403");
      const audit = await db.auditEvent.findFirst({ where: { actorId: s.id, action: permission, outcome: "denied", entityId: path } });
      expect(audit).not.toBeNull();
    }
    expect((await requirePermission("dossier.readOwn", "/ho-so-cua-toi")).id).toBe(s.id);
  });

  it("sends an anonymous visitor to sign in", async () => {
    const err = await requirePermission("workspace.read", "/can-bo").catch((e: unknown) => e);
    expect((err as { digest?: string }).digest).toMatch(/^NEXT_REDIRECT;.*\/dang-nhap\?next=%2Fcan-bo/);
  });

  it("refuses a mutation to someone without the permission, and audits it", async () => {
    request.sessionId = undefined;
    expect(await viaSession(signOutEverywhere, {})).toMatchObject({ ok: false, code: "unauthenticated" });
  });
});

describe("audit trail", () => {
  it("is append-only", async () => {
    const e = await db.auditEvent.findFirstOrThrow();
    await expect(db.$executeRaw`UPDATE audit_event SET action = 'x' WHERE id = ${e.id}`).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`DELETE FROM audit_event WHERE id = ${e.id}`).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`TRUNCATE audit_event`).rejects.toThrow(/append-only/);
    expect((await db.auditEvent.findUniqueOrThrow({ where: { id: e.id } })).action).toBe(e.action);
  });
});

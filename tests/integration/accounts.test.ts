import { beforeEach, describe, expect, it } from "vitest";
import { registerCitizen } from "@/lib/accounts/register";
import { verifyEmail } from "@/lib/accounts/verify-email";
import { accountText } from "@/lib/i18n/vi/accounts";
import { authText } from "@/lib/i18n/vi/auth";
import { signOutEverywhere } from "@/lib/accounts/sign-out-everywhere";
import { requirePermission } from "@/lib/auth/current-user";
import { sessionUser } from "@/lib/auth/sessions";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { db } from "@/lib/db/client";
import { lastToken, mailsTo } from "../support/mail";
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
    password: "hoa phượng đỏ sân trường",
    passwordConfirm: "hoa phượng đỏ sân trường",
    ...overrides,
  };
}
const meta = () => ({ ip: request.ip, userAgent: "vitest" });

beforeEach(() => {
  request.ip = freshIp();
  request.sessionId = undefined;
});

/** Registers and opens the verification link from the e-mail, as the person would. */
async function registerVerified(input = citizen()) {
  expect(await viaSession(registerCitizen, input)).toEqual({ ok: true, data: { accepted: true } });
  expect(await viaSession(verifyEmail, { token: await lastToken(input.email, "/xac-nhan-email") })).toMatchObject({ ok: true });
  return input;
}

describe("registration", () => {
  it("creates an unverified citizen with an argon2id hash, an audit event and a verification e-mail", async () => {
    const input = citizen();
    const r = await viaSession(registerCitizen, input);
    expect(r).toEqual({ ok: true, data: { accepted: true } });
    const u = await db.user.findUniqueOrThrow({ where: { email: input.email } });
    expect(u.role).toBe("CITIZEN");
    expect(u.cccd).toBe(input.cccd);
    expect(u.passwordHash).toMatch(/^\$argon2id\$/);
    expect(u.emailVerifiedAt).toBeNull();
    const audit = await db.auditEvent.findFirst({ where: { action: "account.register", entityId: u.id } });
    expect(audit?.outcome).toBe("ok");
    expect(audit?.ip).toBe(request.ip);
    const mails = await mailsTo(input.email);
    expect(mails.map((m) => m.subject)).toEqual([accountText.mail.verify.subject]);
    expect(mails[0]!.text).toContain(input.fullName);
    // Only the token's hash is stored.
    const token = await lastToken(input.email, "/xac-nhan-email");
    expect(await db.accountToken.count({ where: { tokenHash: token } })).toBe(0);
    expect(await db.accountToken.count({ where: { userId: u.id, purpose: "VERIFY_EMAIL", usedAt: null } })).toBe(1);
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

  it("registration does not reveal a registered CCCD or e-mail", async () => {
    const first = citizen();
    const answers = [await viaSession(registerCitizen, first)];
    const sameEmail = citizen({ email: first.email });
    answers.push(await viaSession(registerCitizen, sameEmail));
    const sameCccd = citizen({ cccd: first.cccd });
    answers.push(await viaSession(registerCitizen, sameCccd));
    const both = citizen({ email: first.email, cccd: first.cccd });
    answers.push(await viaSession(registerCitizen, both));
    // One answer for all four: a new account, a taken e-mail, a taken CCCD, both taken.
    for (const a of answers) expect(a).toEqual({ ok: true, data: { accepted: true } });

    // Only the first made an account; nothing was made for the address that tried to take the CCCD.
    expect(await db.user.count({ where: { OR: [{ email: first.email }, { cccd: first.cccd }] } })).toBe(1);
    expect(await db.user.count({ where: { email: sameCccd.email } })).toBe(0);

    // The e-mails tell each mailbox's owner what happened.
    const m = accountText.mail;
    expect((await mailsTo(first.email)).map((x) => x.subject)).toEqual([
      m.verify.subject, // the registration
      m.alreadyRegistered.subject, // the same e-mail again (the account is unverified: a fresh link)
      m.cccdNotice.subject, // someone used this account's CCCD with another address
      m.alreadyRegistered.subject, // both again
    ]);
    expect((await mailsTo(first.email))[1]!.text).toContain("/xac-nhan-email?ma=");
    expect((await mailsTo(sameCccd.email)).map((x) => x.subject)).toEqual([m.cccdTaken.subject]);
    expect((await mailsTo(sameCccd.email))[0]!.text).toContain("/quen-mat-khau");
    expect((await mailsTo(sameCccd.email))[0]!.text).not.toContain(first.email);
    // A newer verification link replaced the first one.
    expect(await db.accountToken.count({ where: { user: { email: first.email }, purpose: "VERIFY_EMAIL", usedAt: null } })).toBe(1);
  });

  it("a second account cannot claim a CCCD", async () => {
    const owner = await registerVerified();
    const before = await db.user.findUniqueOrThrow({ where: { email: owner.email } });
    const claimant = citizen({ cccd: owner.cccd, fullName: "Kẻ Mạo Danh" });
    expect(await viaSession(registerCitizen, claimant)).toEqual({ ok: true, data: { accepted: true } });
    expect(await db.user.count({ where: { cccd: owner.cccd } })).toBe(1);
    expect(await db.user.findUnique({ where: { email: claimant.email } })).toBeNull();
    // The claimant's mailbox gets recovery instructions, never a verification link.
    const mails = await mailsTo(claimant.email);
    expect(mails.map((x) => x.subject)).toEqual([accountText.mail.cccdTaken.subject]);
    expect(mails[0]!.text).not.toContain("/xac-nhan-email");
    await expect(signInWithPassword({ email: claimant.email, password: claimant.password }, meta())).rejects.toThrow(
      authText.badCredentials,
    );
    // The holder's account is untouched, and the holder was told.
    const after = await db.user.findUniqueOrThrow({ where: { email: owner.email } });
    expect(after).toEqual(before);
    expect((await mailsTo(owner.email)).at(-1)?.subject).toBe(accountText.mail.cccdNotice.subject);
  });

  it("an unverified registration older than its link gives its CCCD and e-mail back", async () => {
    const squatter = citizen();
    await viaSession(registerCitizen, squatter);
    await db.user.update({ where: { email: squatter.email }, data: { createdAt: new Date(Date.now() - 25 * 3600_000) } });
    const owner = citizen({ cccd: squatter.cccd });
    expect(await viaSession(registerCitizen, owner)).toEqual({ ok: true, data: { accepted: true } });
    expect(await db.user.findUnique({ where: { email: squatter.email } })).toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { cccd: owner.cccd } })).email).toBe(owner.email);
    expect((await mailsTo(owner.email)).map((x) => x.subject)).toEqual([accountText.mail.verify.subject]);
  });

  it("an unverified account cannot sign in, and only someone with the password learns why", async () => {
    const c = citizen();
    await viaSession(registerCitizen, c);
    await expect(signInWithPassword({ email: c.email, password: "sai mật khẩu rồi nhé" }, meta())).rejects.toThrow(authText.badCredentials);
    await expect(signInWithPassword({ email: c.email, password: c.password }, meta())).rejects.toThrow(accountText.signIn.unverified);
    expect(await db.session.count({ where: { user: { email: c.email } } })).toBe(0);

    const token = await lastToken(c.email, "/xac-nhan-email");
    expect(await viaSession(verifyEmail, { token })).toMatchObject({ ok: true });
    const s = await signInWithPassword({ email: c.email, password: c.password }, meta());
    expect((await sessionUser(s.sessionId))?.email).toBe(c.email);
    // The link works once.
    expect(await viaSession(verifyEmail, { token })).toMatchObject({ ok: false, code: "invalid", reason: "token_invalid" });
  });

  it("a verification link expires", async () => {
    const c = citizen();
    await viaSession(registerCitizen, c);
    const token = await lastToken(c.email, "/xac-nhan-email");
    await db.accountToken.updateMany({ where: { user: { email: c.email } }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await viaSession(verifyEmail, { token })).toMatchObject({ ok: false, reason: "token_invalid" });
    expect(await viaSession(verifyEmail, { token: "không-phải-mã" })).toMatchObject({ ok: false, reason: "token_invalid" });
    expect((await db.user.findUniqueOrThrow({ where: { email: c.email } })).emailVerifiedAt).toBeNull();
  });

  it("registration is limited per client address, and only valid submissions count", async () => {
    request.ip = freshIp();
    for (let i = 0; i < 3; i++) expect(await viaSession(registerCitizen, citizen({ email: "sai" }))).toMatchObject({ code: "invalid" });
    for (let i = 0; i < 10; i++) expect(await viaSession(registerCitizen, citizen())).toMatchObject({ ok: true });
    const over = citizen();
    const r = await viaSession(registerCitizen, over);
    expect(r).toMatchObject({ ok: false, code: "rate_limited", reason: "register_rate_limited" });
    expect(!r.ok && r.message).toMatch(/thử lại sau \d+ phút/);
    expect(await db.user.count({ where: { email: over.email } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "account.register", outcome: "denied", ip: request.ip } })).toBe(1);
    // Another client is not affected.
    request.ip = freshIp();
    expect(await viaSession(registerCitizen, citizen())).toMatchObject({ ok: true });
  });
});

describe("sign-in and sessions", () => {
  const registered = () => registerVerified();

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
    const input = await registerVerified();
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

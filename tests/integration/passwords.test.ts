// Passwords: the policy in every use case that sets one, the forgotten-password link (same answer for every
// address, single use, short-lived, replaced by a newer one, limited), and the change that ends the
// other sessions.
import { beforeEach, describe, expect, it } from "vitest";
import { changePassword } from "@/lib/accounts/change-password";
import { demoMailboxEnabled, demoMails } from "@/lib/accounts/demo-mailbox";
import { requestPasswordReset, resetPassword } from "@/lib/accounts/password-reset";
import { registerCitizen } from "@/lib/accounts/register";
import { verifyEmail } from "@/lib/accounts/verify-email";
import { viaSession } from "@/lib/auth/session-actor";
import { sessionUser } from "@/lib/auth/sessions";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { db } from "@/lib/db/client";
import { accountText } from "@/lib/i18n/vi/accounts";
import { authText } from "@/lib/i18n/vi/auth";
import { LIMITS } from "@/lib/security/rate-limit";
import { lastToken, mailsTo } from "../support/mail";
import { freshIp, request } from "../support/request";

const PASSWORD = "trăng rằm tháng tám sáng";
const NEW_PASSWORD = "mưa bóng mây qua phố cổ";
let seq = 0;

function citizen(overrides: Record<string, string> = {}) {
  seq += 1;
  const n = String((Date.now() + seq * 104729) % 100_000).padStart(5, "0");
  return {
    fullName: "Đặng Thùy Trâm",
    cccd: `0011920${n}`, // Hà Nội, woman born in the 20th century, (19)92
    dateOfBirth: "1992-11-26",
    phone: "0912000111",
    email: `dang.tram.${seq}.${n}@example.com`,
    password: PASSWORD,
    passwordConfirm: PASSWORD,
    ...overrides,
  };
}
const meta = () => ({ ip: request.ip, userAgent: "vitest" });

async function account() {
  const c = citizen();
  expect(await viaSession(registerCitizen, c)).toMatchObject({ ok: true });
  expect(await viaSession(verifyEmail, { token: await lastToken(c.email, "/xac-nhan-email") })).toMatchObject({ ok: true });
  return c;
}

beforeEach(() => {
  request.ip = freshIp();
  request.sessionId = undefined;
});

describe("the password policy in every use case", () => {
  it("12345678 is refused, at registration, with the field named and a hint", async () => {
    for (const weak of ["12345678", "matkhau123", "matkhau123456", "Mật khẩu 12345", "123456789012"]) {
      const r = await viaSession(registerCitizen, citizen({ password: weak, passwordConfirm: weak }));
      expect(r, weak).toMatchObject({ ok: false, code: "invalid" });
      if (r.ok) continue;
      expect(r.fieldErrors.password, weak).toMatch(/^Mật khẩu: .*Gợi ý:/);
      expect(Object.keys(r.fieldErrors), weak).toEqual(["password"]);
    }
  });

  it("refuses a password built from the person's own details", async () => {
    const c = citizen();
    for (const weak of [`dangthuytram${c.dateOfBirth.slice(0, 4)}`, `${c.cccd}`, `Tram${c.phone}`]) {
      const r = await viaSession(registerCitizen, { ...c, password: weak, passwordConfirm: weak });
      expect(!r.ok && r.fieldErrors.password, weak).toBe(accountText.passwordRules.personal("Mật khẩu"));
    }
    expect(await db.user.count({ where: { email: c.email } })).toBe(0);
  });

  it("applies at reset and change too", async () => {
    const c = await account();
    const s = await signInWithPassword({ email: c.email, password: c.password }, meta());
    request.sessionId = s.sessionId;
    const r = await viaSession(changePassword, { currentPassword: c.password, password: "12345678", passwordConfirm: "12345678" });
    expect(!r.ok && r.fieldErrors.password).toMatch(/^Mật khẩu mới: cần ít nhất 12 ký tự\. Gợi ý/);
    const r2 = await viaSession(changePassword, {
      currentPassword: c.password,
      password: "matkhau123456",
      passwordConfirm: "matkhau123456",
    });
    expect(!r2.ok && r2.fieldErrors.password).toBe(accountText.passwordRules.common("Mật khẩu mới"));

    request.sessionId = undefined;
    await viaSession(requestPasswordReset, { email: c.email });
    const token = await lastToken(c.email, "/dat-lai-mat-khau");
    const r3 = await viaSession(resetPassword, { token, password: "anhyeuem2026", passwordConfirm: "anhyeuem2026" });
    expect(!r3.ok && r3.fieldErrors.password).toBe(accountText.passwordRules.common("Mật khẩu mới"));
    // A refused password does not spend the link.
    expect(await viaSession(resetPassword, { token, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD })).toMatchObject({ ok: true });
  });
});

describe("forgotten password", () => {
  it("answers the same whether or not the address has an account, and mails only a real account", async () => {
    const c = await account();
    const nobody = `khong.co.ai.${Date.now()}@example.com`;
    const a = await viaSession(requestPasswordReset, { email: c.email.toUpperCase() });
    const b = await viaSession(requestPasswordReset, { email: nobody });
    expect(a).toEqual({ ok: true, data: { accepted: true } });
    expect(b).toEqual(a);
    expect((await mailsTo(c.email)).at(-1)?.subject).toBe(accountText.mail.reset.subject);
    expect(await mailsTo(nobody)).toEqual([]);
  });

  it("reset token is single-use and expiring, and a newer link voids the older", async () => {
    const c = await account();
    await viaSession(requestPasswordReset, { email: c.email });
    const older = await lastToken(c.email, "/dat-lai-mat-khau");
    await viaSession(requestPasswordReset, { email: c.email });
    const token = await lastToken(c.email, "/dat-lai-mat-khau");
    expect(token).not.toBe(older);
    const body = { password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD };
    expect(await viaSession(resetPassword, { token: older, ...body })).toMatchObject({ ok: false, reason: "token_invalid" });

    expect(await viaSession(resetPassword, { token, ...body })).toEqual({ ok: true, data: { reset: true } });
    // Used once: the same link again changes nothing.
    expect(
      await viaSession(resetPassword, { token, password: "một mật khẩu khác hẳn", passwordConfirm: "một mật khẩu khác hẳn" }),
    ).toMatchObject({
      ok: false,
      code: "invalid",
      reason: "token_invalid",
    });
    await expect(signInWithPassword({ email: c.email, password: c.password }, meta())).rejects.toThrow(authText.badCredentials);
    await signInWithPassword({ email: c.email, password: NEW_PASSWORD }, meta());

    // Expired: 30 minutes.
    await viaSession(requestPasswordReset, { email: c.email });
    const late = await lastToken(c.email, "/dat-lai-mat-khau");
    const row = await db.accountToken.findFirstOrThrow({ where: { user: { email: c.email }, purpose: "RESET_PASSWORD", usedAt: null } });
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(30 * 60_000);
    await db.accountToken.update({ where: { id: row.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect(
      await viaSession(resetPassword, { token: late, password: "đêm trắng bên hồ tây", passwordConfirm: "đêm trắng bên hồ tây" }),
    ).toMatchObject({
      ok: false,
      reason: "token_invalid",
    });
  });

  it("of two concurrent uses of one link, exactly one succeeds", async () => {
    const c = await account();
    await viaSession(requestPasswordReset, { email: c.email });
    const token = await lastToken(c.email, "/dat-lai-mat-khau");
    const results = await Promise.all(
      ["sóng vỗ bờ cát trắng xa", "gió lộng trên đồi chè xanh"].map((p) =>
        viaSession(resetPassword, { token, password: p, passwordConfirm: p }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });

  it("a reset ends every session, verifies the address and says so by e-mail", async () => {
    const c = citizen();
    await viaSession(registerCitizen, c); // never verified
    await viaSession(requestPasswordReset, { email: c.email });
    await viaSession(resetPassword, {
      token: await lastToken(c.email, "/dat-lai-mat-khau"),
      password: NEW_PASSWORD,
      passwordConfirm: NEW_PASSWORD,
    });
    const u = await db.user.findUniqueOrThrow({ where: { email: c.email } });
    expect(u.emailVerifiedAt).not.toBeNull();
    expect((await mailsTo(c.email)).at(-1)?.subject).toBe(accountText.mail.passwordChanged.subject);

    const verified = await account();
    const s1 = await signInWithPassword({ email: verified.email, password: verified.password }, meta());
    const s2 = await signInWithPassword({ email: verified.email, password: verified.password }, meta());
    await viaSession(requestPasswordReset, { email: verified.email });
    const token = await lastToken(verified.email, "/dat-lai-mat-khau");
    expect(await viaSession(resetPassword, { token, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD })).toMatchObject({ ok: true });
    expect(await sessionUser(s1.sessionId)).toBeNull();
    expect(await sessionUser(s2.sessionId)).toBeNull();
  });

  it("is limited per account (quietly) and per client (with when to retry)", async () => {
    const c = await account();
    for (let i = 0; i < LIMITS.passwordResetAccount.points + 2; i++) {
      request.ip = freshIp(); // from many places: the account's own limit still holds
      expect(await viaSession(requestPasswordReset, { email: c.email })).toEqual({ ok: true, data: { accepted: true } });
    }
    const resets = (await mailsTo(c.email)).filter((m) => m.subject === accountText.mail.reset.subject);
    expect(resets).toHaveLength(LIMITS.passwordResetAccount.points);

    request.ip = freshIp();
    for (let i = 0; i < LIMITS.passwordResetClient.points; i++)
      expect(await viaSession(requestPasswordReset, { email: `ai.do.${i}.${Date.now()}@example.com` })).toMatchObject({ ok: true });
    const r = await viaSession(requestPasswordReset, { email: c.email });
    expect(r).toMatchObject({ ok: false, code: "rate_limited", reason: "password_reset_rate_limited" });
    expect(!r.ok && r.message).toMatch(/thử lại sau \d+ phút/);
  });
});

describe("password change", () => {
  it("change password revokes other sessions", async () => {
    const c = await account();
    const here = await signInWithPassword({ email: c.email, password: c.password }, meta());
    const phone = await signInWithPassword({ email: c.email, password: c.password }, meta());
    const laptop = await signInWithPassword({ email: c.email, password: c.password }, meta());
    request.sessionId = here.sessionId;
    const r = await viaSession(changePassword, { currentPassword: c.password, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD });
    expect(r).toEqual({ ok: true, data: { otherSessionsRevoked: 2 } });
    expect(await sessionUser(here.sessionId)).not.toBeNull();
    expect(await sessionUser(phone.sessionId)).toBeNull();
    expect(await sessionUser(laptop.sessionId)).toBeNull();
    await expect(signInWithPassword({ email: c.email, password: c.password }, meta())).rejects.toThrow(authText.badCredentials);
    await signInWithPassword({ email: c.email, password: NEW_PASSWORD }, meta());
    expect((await mailsTo(c.email)).at(-1)?.subject).toBe(accountText.mail.passwordChanged.subject);
    expect(await db.auditEvent.count({ where: { action: "account.changePassword", entityId: here.id, outcome: "ok" } })).toBe(1);
  });

  it("wants the current password, and limits guesses at it", async () => {
    const c = await account();
    const s = await signInWithPassword({ email: c.email, password: c.password }, meta());
    request.sessionId = s.sessionId;
    const wrong = { currentPassword: "không phải mật khẩu", password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD };
    for (let i = 0; i < LIMITS.signInAccountClient.points; i++) {
      const r = await viaSession(changePassword, wrong);
      expect(r).toMatchObject({
        ok: false,
        reason: "current_password_wrong",
        fieldErrors: { currentPassword: accountText.change.currentWrong },
      });
    }
    // Now even the right one waits.
    const r = await viaSession(changePassword, { ...wrong, currentPassword: c.password });
    expect(r).toMatchObject({ ok: false, code: "rate_limited" });
    expect(await db.user.findUniqueOrThrow({ where: { email: c.email } })).toMatchObject({ email: c.email });
    await signInWithPassword({ email: c.email, password: c.password }, meta());
  });

  it("is refused to an anonymous visitor", async () => {
    expect(await viaSession(changePassword, { currentPassword: "x", password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD })).toMatchObject(
      {
        ok: false,
        code: "unauthenticated",
      },
    );
  });
});

describe("the demo's mailbox", () => {
  it("exists only in the demo or development stage, and never once a mail relay is set", async () => {
    expect(demoMailboxEnabled({ PORTAL_ENV: "demo" })).toBe(true);
    expect(demoMailboxEnabled({ PORTAL_ENV: "development" })).toBe(true);
    expect(demoMailboxEnabled({ PORTAL_ENV: "production" })).toBe(false);
    expect(demoMailboxEnabled({ NODE_ENV: "production" })).toBe(false);
    expect(demoMailboxEnabled({})).toBe(false);
    expect(demoMailboxEnabled({ PORTAL_ENV: "demo", SMTP_URL: "smtp://127.0.0.1:2525" })).toBe(false);
  });

  it("shows the queued e-mails there, and nothing elsewhere", async () => {
    const c = citizen();
    await viaSession(registerCitizen, c);
    const stage = process.env.PORTAL_ENV;
    try {
      process.env.PORTAL_ENV = "demo";
      expect((await demoMails()).find((m) => m.to === c.email)?.subject).toBe(accountText.mail.verify.subject);
      process.env.PORTAL_ENV = "production";
      expect(await demoMails()).toEqual([]);
    } finally {
      if (stage === undefined) delete process.env.PORTAL_ENV;
      else process.env.PORTAL_ENV = stage;
    }
  });
});

// The second factor (lib/auth/second-factor.ts) against the database: who owes it (sessionState), the guards
// while it is owed, codes (window, replay, recovery codes used once), the limit on wrong codes, enrolment,
// sealing at rest, turning it off, and an agency administrator's reset.
import { generate } from "otplib";
import { describe, expect, it } from "vitest";
import { GET as header } from "@/app/api/phien/route";
import { requirePermission, routePermission } from "@/lib/auth/current-user";
import { hashPassword } from "@/lib/auth/password";
import {
  confirmSecondFactorEnrolment,
  disableSecondFactor,
  regenerateRecoveryCodes,
  resetAgencyAdminSecondFactor,
  resetOfficerSecondFactor,
  secondFactorView,
  startSecondFactorEnrolment,
  verifySecondFactor,
} from "@/lib/auth/second-factor";
import { sessionState, sessionUser } from "@/lib/auth/sessions";
import { viaSession } from "@/lib/auth/session-actor";
import { openTotpSecret } from "@/lib/auth/totp-seal";
import { saveCalendarDay } from "@/lib/calendar/admin";
import { db } from "@/lib/db/client";
import { DEMO_ACCOUNTS } from "@/prisma/seed/demo";
import { signInAs, signInCitizen } from "../support/filing";
import { request } from "../support/request";

const ADMIN = { email: "quantri@vpcp.example", password: "VanPhong@2026" };
const ADMIN_SECRET = DEMO_ACCOUNTS.find((a) => a.email === ADMIN.email)!.totpSecret!;
const PASSWORD = "Mat-khau-thu-2026";

/** A code of `secret` for `offsetSteps` steps from now. */
const codeAt = (secret: string, offsetSteps = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSteps * 30 });

/** Waits, if needed, so that at least 4 seconds of the current 30-second step remain (codes computed now stay in step). */
async function awayFromStepEnd(): Promise<void> {
  const left = 30 - ((Date.now() / 1000) % 30);
  if (left < 4) await new Promise((r) => setTimeout(r, left * 1000 + 200));
}

/** Waits for the next 30-second step. */
async function nextStep(): Promise<void> {
  const left = 30 - ((Date.now() / 1000) % 30);
  await new Promise((r) => setTimeout(r, left * 1000 + 200));
}

let n = 0;
async function staff(role: "OFFICER" | "AGENCY_ADMIN" | "VPCP_ADMIN", agency = "000.00.00.H29") {
  const email = `hai-buoc-${role.toLowerCase()}-${++n}-${Date.now()}@example.test`;
  const { id: agencyId } = await db.agency.findFirstOrThrow({ where: { identifier: agency }, select: { id: true } });
  const u = await db.user.create({
    data: { role, fullName: `Cán bộ thử ${n}`, email, agencyId, passwordHash: await hashPassword(PASSWORD) },
  });
  return { id: u.id, email };
}

/** An officer who enrolled through the use cases; the secret as the page shows it, and the recovery codes. */
async function enrolledOfficer(role: "OFFICER" | "AGENCY_ADMIN" = "OFFICER") {
  const o = await staff(role);
  await signInAs(o.email, PASSWORD);
  expect(await viaSession(startSecondFactorEnrolment, {})).toMatchObject({ ok: true });
  const user = (await sessionUser(request.sessionId!))!;
  const secret = (await secondFactorView(user)).pending!.secret;
  await awayFromStepEnd();
  const r = await viaSession(confirmSecondFactorEnrolment, { code: await codeAt(secret) });
  if (!r.ok) throw new Error(r.message);
  return { ...o, secret, recoveryCodes: r.data.recoveryCodes };
}

const digest = (err: unknown) => (err as { digest?: string }).digest;

describe("who owes a second factor", () => {
  it("never a citizen; an officer only once enrolled; a VPCP admin always (verify when enrolled, else enrol)", async () => {
    await signInCitizen();
    expect((await sessionUser(request.sessionId!))!.secondFactorDue).toBeUndefined();

    const officer = await staff("OFFICER");
    await signInAs(officer.email, PASSWORD);
    expect((await sessionUser(request.sessionId!))!.secondFactorDue).toBeUndefined();

    const newAdmin = await staff("VPCP_ADMIN", "000.00.00.G22");
    await signInAs(newAdmin.email, PASSWORD);
    expect((await sessionState(request.sessionId!)).user!.secondFactorDue).toBe("enrol");

    await signInAs(ADMIN.email, ADMIN.password, { secondFactor: false });
    expect((await sessionUser(request.sessionId!))!.secondFactorDue).toBe("verify");
    await db.session.update({ where: { id: request.sessionId! }, data: { secondFactorAt: new Date() } });
    expect((await sessionUser(request.sessionId!))!.secondFactorDue).toBeUndefined();

    const enrolled = await enrolledOfficer();
    await signInAs(enrolled.email, PASSWORD, { secondFactor: false });
    expect((await sessionUser(request.sessionId!))!.secondFactorDue).toBe("verify");
  });
});

describe("a session owing its second factor", () => {
  it("is sent to the code page (next kept), gets 401 from downloads, no staff menu, and no admin action", async () => {
    await signInAs(ADMIN.email, ADMIN.password, { secondFactor: false });
    const err = await requirePermission("admin.read", "/quan-tri/lich-lam-viec").catch((e: unknown) => e);
    expect(digest(err)).toMatch(/^NEXT_REDIRECT;.*\/dang-nhap\/xac-thuc-hai-buoc\?next=%2Fquan-tri%2Flich-lam-viec;/);
    const download = await routePermission("audit.read", "/quan-tri/nhat-ky/tai");
    expect(download.refused?.status).toBe(401);
    expect(((await (await header()).json()) as { user: Record<string, unknown> }).user).toMatchObject({ admin: false, documents: false });
    const action = await viaSession(saveCalendarDay, { date: "2099-03-03", kind: "HOLIDAY", name: "Thử" });
    expect(action).toMatchObject({ ok: false, code: "forbidden" });
    expect(await db.calendarDay.findFirst({ where: { date: new Date("2099-03-03T00:00:00Z") } })).toBeNull();
    // Nor may it replace the authenticator or take new recovery codes with the password alone.
    expect(await viaSession(startSecondFactorEnrolment, {})).toMatchObject({ ok: false, reason: "second_factor_due" });
    expect(await viaSession(regenerateRecoveryCodes, {})).toMatchObject({ ok: false, reason: "second_factor_due" });
  });

  it("a VPCP admin without one is sent to enrol", async () => {
    const a = await staff("VPCP_ADMIN", "000.00.00.G22");
    await signInAs(a.email, PASSWORD);
    const err = await requirePermission("admin.read", "/quan-tri").catch((e: unknown) => e);
    expect(digest(err)).toMatch(/^NEXT_REDIRECT;.*\/tai-khoan\/xac-thuc-hai-buoc\?next=%2Fquan-tri;/);
    // The enrolment page itself is open to it.
    expect((await requirePermission("account.secondFactor", "/tai-khoan/xac-thuc-hai-buoc")).id).toBe(a.id);
  });
});

describe("codes", () => {
  it("accepts a code one step either side, refuses older ones and any code of a step already used", async () => {
    await awayFromStepEnd();
    await signInAs(ADMIN.email, ADMIN.password, { secondFactor: false });
    const admin = (await sessionUser(request.sessionId!))!;
    // Two steps ago: outside the window.
    expect(await viaSession(verifySecondFactor, { code: await codeAt(ADMIN_SECRET, -2) })).toMatchObject({
      ok: false,
      reason: "wrong_code",
      fieldErrors: { code: expect.any(String) },
    });
    // The previous step's code is accepted, and the session no longer owes it.
    expect(await viaSession(verifySecondFactor, { code: await codeAt(ADMIN_SECRET, -1) })).toEqual({
      ok: true,
      data: { method: "totp", recoveryCodesLeft: expect.any(Number) },
    });
    expect((await sessionUser(request.sessionId!))!.secondFactorDue).toBeUndefined();
    expect((await db.session.findUniqueOrThrow({ where: { id: request.sessionId! } })).secondFactorAt).not.toBeNull();

    // Another sign-in: the same code again is a replay; the current one is newer and passes, once.
    await signInAs(ADMIN.email, ADMIN.password, { secondFactor: false });
    expect(await viaSession(verifySecondFactor, { code: await codeAt(ADMIN_SECRET, -1) })).toMatchObject({
      ok: false,
      reason: "code_reused",
    });
    expect(await viaSession(verifySecondFactor, { code: await codeAt(ADMIN_SECRET, 0) })).toMatchObject({ ok: true });
    await signInAs(ADMIN.email, ADMIN.password, { secondFactor: false });
    expect(await viaSession(verifySecondFactor, { code: await codeAt(ADMIN_SECRET, 0) })).toMatchObject({
      ok: false,
      reason: "code_reused",
    });
    expect((await sessionUser(request.sessionId!))!.secondFactorDue).toBe("verify");

    // Audited, outcomes and method only: no code in the trail.
    const trail = await db.auditEvent.findMany({
      where: { actorId: admin.id, action: "auth.secondFactor.verify" },
      orderBy: { seq: "asc" },
    });
    expect(trail.map((t) => t.outcome)).toEqual(["failed", "ok", "failed", "ok", "failed"]);
    expect(JSON.stringify(trail.map((t) => t.details))).not.toMatch(/\d{6}/);
  });

  it("refuses malformed input as a field error, without counting it", async () => {
    const o = await enrolledOfficer();
    await signInAs(o.email, PASSWORD, { secondFactor: false });
    for (const code of ["", "12345", "abc", "1234567", "0O1IL-0O1IL", "x".repeat(41)]) {
      expect(await viaSession(verifySecondFactor, { code })).toMatchObject({
        ok: false,
        code: "invalid",
        fieldErrors: { code: expect.any(String) },
      });
    }
    // Six refusals, none counted: the limit (5) has not been reached.
    expect(await viaSession(verifySecondFactor, { code: o.recoveryCodes[0]! })).toMatchObject({ ok: true });
  });

  it("limits wrong codes per account: after 5, even the right code waits", async () => {
    const o = await enrolledOfficer();
    await signInAs(o.email, PASSWORD, { secondFactor: false });
    for (let i = 0; i < 5; i++) {
      expect(await viaSession(verifySecondFactor, { code: "000000" === (await codeAt(o.secret)) ? "111111" : "000000" })).toMatchObject({
        reason: "wrong_code",
      });
    }
    await nextStep();
    const r = await viaSession(verifySecondFactor, { code: await codeAt(o.secret) });
    expect(r).toMatchObject({ ok: false, code: "rate_limited" });
    expect((await sessionUser(request.sessionId!))!.secondFactorDue).toBe("verify");
    expect(await db.auditEvent.count({ where: { actorId: o.id, action: "auth.secondFactor.verify", outcome: "denied" } })).toBe(1);
  }, 60_000);
});

describe("enrolment, recovery codes and sealing", () => {
  it("enrols with a first code, seals the secret, keeps only hashes of ten recovery codes, each usable once", async () => {
    const o = await staff("OFFICER");
    await signInAs(o.email, PASSWORD);
    expect(await viaSession(confirmSecondFactorEnrolment, { code: "123456" })).toMatchObject({
      ok: false,
      reason: "second_factor_no_pending",
    });
    expect(await viaSession(startSecondFactorEnrolment, {})).toMatchObject({ ok: true, data: { replacing: false } });
    const view = await secondFactorView((await sessionUser(request.sessionId!))!);
    expect(view.enabledAt).toBeNull();
    const secret = view.pending!.secret;
    expect(view.pending!.uri).toMatch(new RegExp(`^otpauth://totp/.*\\?secret=${secret}`));
    expect(view.pending!.qrSvg).toMatch(/^<svg/);

    // A wrong first code enables nothing.
    await awayFromStepEnd();
    const good = await codeAt(secret);
    expect(await viaSession(confirmSecondFactorEnrolment, { code: good === "000000" ? "111111" : "000000" })).toMatchObject({
      ok: false,
      reason: "wrong_code",
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: o.id } })).totpEnabledAt).toBeNull();

    const r = await viaSession(confirmSecondFactorEnrolment, { code: good });
    if (!r.ok) throw new Error(r.message);
    expect(r.data.recoveryCodes).toHaveLength(10);
    expect(new Set(r.data.recoveryCodes).size).toBe(10);
    for (const c of r.data.recoveryCodes) expect(c).toMatch(/^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);

    // Sealed at rest: not in clear, opens only for this account under this key.
    const row = await db.user.findUniqueOrThrow({ where: { id: o.id } });
    expect(row.totpEnabledAt).not.toBeNull();
    expect(row.totpPendingSecret).toBeNull();
    expect(row.totpSecret).not.toContain(secret);
    expect(openTotpSecret(row.totpSecret!, o.id)).toBe(secret);
    expect(openTotpSecret(row.totpSecret!, "00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(openTotpSecret(row.totpSecret!, o.id, { TOTP_SEAL_KEY: "another-key-another-key-another-key" })).toBeNull();
    const stored = await db.recoveryCode.findMany({ where: { userId: o.id } });
    expect(stored).toHaveLength(10);
    for (const s of stored) {
      expect(s.codeHash).toMatch(/^[0-9a-f]{64}$/);
      expect(r.data.recoveryCodes.map((c) => c.replace("-", ""))).not.toContain(s.codeHash);
    }
    // This session gave the code while enrolling.
    expect((await sessionUser(request.sessionId!))!.secondFactorDue).toBeUndefined();

    // A new sign-in: a recovery code (typed in lower case, without the dash) lets in, once.
    await signInAs(o.email, PASSWORD, { secondFactor: false });
    const code = r.data.recoveryCodes[3]!;
    expect(await viaSession(verifySecondFactor, { code: code.replace("-", "").toLowerCase() })).toEqual({
      ok: true,
      data: { method: "recovery", recoveryCodesLeft: 9 },
    });
    await signInAs(o.email, PASSWORD, { secondFactor: false });
    expect(await viaSession(verifySecondFactor, { code })).toMatchObject({ ok: false, reason: "wrong_code" });
    // Another account's code is no use either.
    const other = await enrolledOfficer();
    await signInAs(o.email, PASSWORD, { secondFactor: false });
    expect(await viaSession(verifySecondFactor, { code: other.recoveryCodes[0]! })).toMatchObject({ ok: false, reason: "wrong_code" });

    // New codes replace every old one.
    await viaSession(verifySecondFactor, { code: r.data.recoveryCodes[5]! });
    const renewed = await viaSession(regenerateRecoveryCodes, {});
    if (!renewed.ok) throw new Error(renewed.message);
    expect(await db.recoveryCode.count({ where: { userId: o.id, usedAt: null } })).toBe(10);
    await signInAs(o.email, PASSWORD, { secondFactor: false });
    expect(await viaSession(verifySecondFactor, { code: r.data.recoveryCodes[7]! })).toMatchObject({ ok: false, reason: "wrong_code" });
    expect(await viaSession(verifySecondFactor, { code: renewed.data.recoveryCodes[0]! })).toMatchObject({ ok: true });
  }, 60_000);

  it("replacing keeps the old authenticator until the new one is confirmed", async () => {
    const o = await enrolledOfficer();
    const before = (await db.user.findUniqueOrThrow({ where: { id: o.id } })).totpSecret;
    expect(await viaSession(startSecondFactorEnrolment, {})).toMatchObject({ ok: true, data: { replacing: true } });
    const row = await db.user.findUniqueOrThrow({ where: { id: o.id } });
    expect(row.totpSecret).toBe(before);
    expect(row.totpPendingSecret).not.toBeNull();
  });
});

describe("turning it off and resetting it", () => {
  it("an officer may turn it off; a VPCP admin may not", async () => {
    const o = await enrolledOfficer();
    expect(await viaSession(disableSecondFactor, {})).toMatchObject({ ok: true });
    const row = await db.user.findUniqueOrThrow({ where: { id: o.id } });
    expect(row).toMatchObject({ totpSecret: null, totpEnabledAt: null });
    expect(await db.recoveryCode.count({ where: { userId: o.id } })).toBe(0);

    await signInAs(ADMIN.email, ADMIN.password);
    expect(await viaSession(disableSecondFactor, {})).toMatchObject({ ok: false, reason: "second_factor_required" });
    expect((await db.user.findUniqueOrThrow({ where: { email: ADMIN.email } })).totpEnabledAt).not.toBeNull();
  });

  it("an agency admin resets an officer of their agency (sessions end), not one elsewhere", async () => {
    const o = await enrolledOfficer();
    const officerSession = request.sessionId!;
    const elsewhere = await staff("OFFICER", "000.00.00.G22");
    await signInAs("quantri.hcm@dichvucong.example", "QuanTri@2026");
    expect(await viaSession(resetOfficerSecondFactor, { officerId: elsewhere.id })).toMatchObject({ ok: false, code: "not_found" });
    expect(await viaSession(resetOfficerSecondFactor, { officerId: o.id })).toMatchObject({ ok: true, data: { officerId: o.id } });
    expect(await db.user.findUniqueOrThrow({ where: { id: o.id } })).toMatchObject({ totpSecret: null, totpEnabledAt: null });
    expect(await sessionUser(officerSession)).toBeNull();
    expect(await db.auditEvent.count({ where: { action: "auth.secondFactor.reset", entityId: o.id, outcome: "ok" } })).toBe(1);
    // An officer may not reset anyone's.
    await signInAs("canbo.hcm@dichvucong.example", "CanBo@2026");
    expect(await viaSession(resetOfficerSecondFactor, { officerId: o.id })).toMatchObject({ ok: false, code: "forbidden" });
  });

  it("the VPCP admin resets an agency admin's; an agency admin cannot reset another agency admin's", async () => {
    const a = await enrolledOfficer("AGENCY_ADMIN");
    await signInAs("quantri.hcm@dichvucong.example", "QuanTri@2026");
    expect(await viaSession(resetOfficerSecondFactor, { officerId: a.id })).toMatchObject({ ok: false, code: "not_found" });
    expect(await viaSession(resetAgencyAdminSecondFactor, { userId: a.id })).toMatchObject({ ok: false, code: "forbidden" });
    await signInAs(ADMIN.email, ADMIN.password);
    const officer = await staff("OFFICER");
    expect(await viaSession(resetAgencyAdminSecondFactor, { userId: officer.id })).toMatchObject({ ok: false, code: "not_found" });
    expect(await viaSession(resetAgencyAdminSecondFactor, { userId: a.id })).toMatchObject({
      ok: true,
      data: { userId: a.id, agency: "000.00.00.H29" },
    });
    expect(await db.user.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ totpSecret: null, totpEnabledAt: null });
    expect(await db.recoveryCode.count({ where: { userId: a.id } })).toBe(0);
  });
});

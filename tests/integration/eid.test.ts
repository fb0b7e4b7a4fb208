// Signing in with the national e-ID (lib/auth/eid.ts): the account rules, the level check, linking a
// password account, step-up, and filing a procedure that needs level 2.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { completeEidSignIn, confirmEidLink } from "@/lib/auth/eid";
import { viaSession } from "@/lib/auth/session-actor";
import { sessionUser } from "@/lib/auth/sessions";
import { db } from "@/lib/db/client";
import { submitDossier } from "@/lib/filing/submit";
import { LIMITS } from "@/lib/security/rate-limit";
import { DEMO_LEVEL_2_PROCEDURES } from "@/prisma/seed/reference";
import { serviceForm } from "../support/forms";
import { signInCitizen, validAnswers } from "../support/filing";
import { freshIp, request } from "../support/request";

const meta = () => ({ ip: freshIp(), userAgent: "vitest" });

let n = 0;
/** A made-up person's ID token claims (already verified by openid-client in the real flow). */
function person(over: Record<string, unknown> = {}) {
  n += 1;
  return {
    sub: `test-sub-${Date.now()}-${n}`,
    name: "Trương Thị Thử",
    birthdate: "1992-04-05",
    personal_identification_number: `0011920${String(10000 + n).slice(-5)}`,
    address: { formatted: "1 Đường Thử, Phường Thử, Hà Nội" },
    phone_number: "0901234567",
    acr: "LoA1",
    ...over,
  };
}

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

describe("first e-ID sign-in", () => {
  it("makes a CITIZEN account without password or e-mail, verified identity, and an e-ID session at the token's level", async () => {
    const c = person({ acr: "LoA2" });
    const out = await completeEidSignIn(c, 1, null, meta());
    expect(out).toMatchObject({ kind: "signedIn", created: true, role: "CITIZEN" });
    if (out.kind !== "signedIn") return;
    const u = await db.user.findUniqueOrThrow({ where: { id: out.userId } });
    expect(u).toMatchObject({
      role: "CITIZEN",
      email: null,
      passwordHash: null,
      fullName: "Trương Thị Thử",
      cccd: c.personal_identification_number,
      phone: "0901234567",
      address: "1 Đường Thử, Phường Thử, Hà Nội",
      eidSubject: c.sub,
      assuranceLevel: 2,
    });
    expect(u.dateOfBirth?.toISOString().slice(0, 10)).toBe("1992-04-05");
    expect(u.identityVerifiedAt).toBeInstanceOf(Date);
    const s = await db.session.findUniqueOrThrow({ where: { id: out.sessionId } });
    expect(s).toMatchObject({ userId: u.id, authMethod: "eid", assuranceLevel: 2 });
    expect((await sessionUser(out.sessionId))?.assuranceLevel).toBe(2);
    // Audited, without the identity's details.
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "auth.eidSignIn", actorId: u.id, outcome: "ok" } });
    const details = JSON.stringify(audit.details);
    expect(details).not.toContain(c.personal_identification_number);
    expect(details).not.toContain("Trương");
  });

  it("signs the same subject in again to the same account, its identity refreshed", async () => {
    const c = person();
    const first = await completeEidSignIn(c, 1, null, meta());
    const again = await completeEidSignIn({ ...c, name: "Trương Thị Thử Lại", phone_number: "0987000111" }, 1, null, meta());
    expect(again).toMatchObject({ kind: "signedIn", created: false });
    if (first.kind !== "signedIn" || again.kind !== "signedIn") return;
    expect(again.userId).toBe(first.userId);
    expect(await db.user.count({ where: { eidSubject: c.sub } })).toBe(1);
    expect(await db.user.findUniqueOrThrow({ where: { id: first.userId } })).toMatchObject({
      fullName: "Trương Thị Thử Lại",
      phone: "0987000111",
    });
  });

  it("refuses a token without a known level, below the level asked, or without the person's number: no account, no session", async () => {
    const before = await db.session.count();
    for (const [c, asked, reason] of [
      [person({ acr: undefined }), 1, "acr_missing"],
      [person({ acr: "LoA9" }), 1, "acr_missing"],
      [person({ acr: "LoA1" }), 2, "acr_too_low"],
      [person({ personal_identification_number: undefined }), 1, "claims_invalid"],
    ] as const) {
      expect(await completeEidSignIn(c, asked, null, meta())).toEqual({ kind: "refused", reason });
      expect(await db.user.count({ where: { eidSubject: c.sub } })).toBe(0);
    }
    expect(await db.session.count()).toBe(before);
    expect(
      await db.auditEvent.count({
        where: { action: "auth.eidSignIn", outcome: "denied", details: { path: ["reason"], equals: "acr_too_low" } },
      }),
    ).toBe(1);
  });
});

describe("an e-ID whose number belongs to a password account", () => {
  const citizen = () => db.user.findUniqueOrThrow({ where: { email: "congdan@dichvucong.example" } });

  it("is not signed in: a link request is held, then the account's password links it and opens an e-ID session", async () => {
    const owner = await citizen();
    const c = person({ personal_identification_number: owner.cccd, acr: "LoA2", name: owner.fullName });
    const sessions = await db.session.count({ where: { userId: owner.id } });
    const out = await completeEidSignIn(c, 1, null, meta());
    expect(out.kind).toBe("link");
    if (out.kind !== "link") return;
    expect(await db.session.count({ where: { userId: owner.id } })).toBe(sessions);
    const row = await db.eidLinkRequest.findUniqueOrThrow({ where: { tokenHash: sha256(out.token) } });
    expect(row).toMatchObject({ userId: owner.id, assuranceLevel: 2, usedAt: null });
    expect((await citizen()).eidSubject).toBeNull();

    const m = meta();
    await expect(confirmEidLink({ token: out.token, password: "sai-mat-khau" }, m)).rejects.toThrow("Mật khẩu không đúng.");
    expect((await citizen()).eidSubject).toBeNull();
    const linked = await confirmEidLink({ token: out.token, password: "CongDan@2026" }, m);
    const after = await citizen();
    expect(after).toMatchObject({ eidSubject: c.sub, assuranceLevel: 2 });
    expect(after.identityVerifiedAt).toBeInstanceOf(Date);
    expect(await db.session.findUniqueOrThrow({ where: { id: linked.sessionId } })).toMatchObject({ authMethod: "eid", assuranceLevel: 2 });
    // Used once.
    await expect(confirmEidLink({ token: out.token, password: "CongDan@2026" }, meta())).rejects.toThrow(/không còn hiệu lực/);
    // Next time the e-ID signs straight in.
    expect(await completeEidSignIn(c, 1, null, meta())).toMatchObject({ kind: "signedIn", userId: owner.id });
  });

  it("throttles wrong passwords on the link page as sign-in does", async () => {
    // A password account of our own, so the demo citizen's link above is not disturbed.
    const cccd = "079299000111";
    const owner = await db.user.create({
      data: { role: "CITIZEN", fullName: "Người Thử", email: "nguoi.thu@example.vn", cccd, passwordHash: (await citizen()).passwordHash },
    });
    const out = await completeEidSignIn(person({ personal_identification_number: cccd }), 1, null, meta());
    if (out.kind !== "link") throw new Error(`expected a link request, got ${out.kind}`);
    const m = meta();
    const results: string[] = [];
    for (let i = 0; i < LIMITS.signInAccountClient.points + 2; i++)
      results.push(
        await confirmEidLink({ token: out.token, password: `sai-${i}` }, m).then(
          () => "ok",
          (e: Error) => e.message,
        ),
      );
    expect(results.slice(0, LIMITS.signInAccountClient.points).every((r) => r === "Mật khẩu không đúng.")).toBe(true);
    expect(results.at(-1)).toMatch(/thử lại sau \d+ phút/i);
    // Even the right password waits now.
    await expect(confirmEidLink({ token: out.token, password: "CongDan@2026" }, m)).rejects.toThrow(/thử lại sau/i);
    expect((await db.user.findUniqueOrThrow({ where: { id: owner.id } })).eidSubject).toBeNull();
  });
});

describe("step-up from a password session", () => {
  it("links the e-ID to the signed-in account when the numbers agree, and replaces the session with a level-2 one", async () => {
    const { userId, sessionId } = await signInCitizen();
    const me = await db.user.findUniqueOrThrow({ where: { id: userId } });
    await db.user.update({ where: { id: userId }, data: { eidSubject: null } });
    const current = (await sessionUser(sessionId))!;
    expect(current.assuranceLevel).toBe(1);
    const c = person({ personal_identification_number: me.cccd, acr: "LoA2" });
    const out = await completeEidSignIn(c, 2, current, meta());
    expect(out).toMatchObject({ kind: "signedIn", userId });
    if (out.kind !== "signedIn") return;
    expect(await sessionUser(sessionId)).toBeNull();
    expect(await db.session.findUniqueOrThrow({ where: { id: out.sessionId } })).toMatchObject({ authMethod: "eid", assuranceLevel: 2 });
    expect(await db.user.findUniqueOrThrow({ where: { id: userId } })).toMatchObject({ eidSubject: c.sub, assuranceLevel: 2 });
  });

  it("refuses when the signed-in account holds another number, and links an account without one", async () => {
    const { userId, sessionId } = await signInCitizen();
    await db.user.update({ where: { id: userId }, data: { eidSubject: null } });
    const current = (await sessionUser(sessionId))!;
    const other = person({ acr: "LoA2" });
    expect(await completeEidSignIn(other, 2, current, meta())).toEqual({ kind: "refused", reason: "cccd_mismatch" });
    expect(await sessionUser(sessionId)).not.toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: userId } })).eidSubject).toBeNull();

    // The same account without a number: the e-ID's number is free, so it is linked.
    await db.user.update({ where: { id: userId }, data: { cccd: null } });
    const fresh = (await sessionUser(sessionId))!;
    expect(await completeEidSignIn(other, 2, fresh, meta())).toMatchObject({ kind: "signedIn", userId });
    expect(await db.user.findUniqueOrThrow({ where: { id: userId } })).toMatchObject({
      cccd: other.personal_identification_number,
      eidSubject: other.sub,
    });
  });

  it("refuses an e-ID already linked to another account", async () => {
    const taken = person();
    await completeEidSignIn(taken, 1, null, meta());
    const { userId, sessionId } = await signInCitizen();
    await db.user.update({ where: { id: userId }, data: { eidSubject: null, cccd: null } });
    expect(await completeEidSignIn({ ...taken, acr: "LoA2" }, 2, (await sessionUser(sessionId))!, meta())).toEqual({
      kind: "refused",
      reason: "eid_taken",
    });
  });
});

describe("procedures that need level 2", () => {
  it("the seed marks the demo's level-2 procedures, and filing one below the level is refused (assurance_too_low)", async () => {
    expect(DEMO_LEVEL_2_PROCEDURES.length).toBeGreaterThan(0);
    const marked = await db.procedure.findMany({ where: { assuranceLevel: 2 }, select: { code: true } });
    expect(marked.map((p) => p.code).sort()).toEqual([...DEMO_LEVEL_2_PROCEDURES].sort());
    const service = await db.service.findFirstOrThrow({
      where: { procedure: { code: DEMO_LEVEL_2_PROCEDURES[0] }, published: true, agency: { identifier: "000.00.00.H29" } },
    });
    const form = await serviceForm(service.code);
    const { userId } = await signInCitizen();
    await db.user.update({ where: { id: userId }, data: { cccd: "079190012345", eidSubject: null } });
    const r = await viaSession(submitDossier, {
      serviceCode: service.code,
      idempotencyKey: "eid-level-test-1",
      answers: validAnswers(form),
    });
    expect(r).toMatchObject({ ok: false, code: "forbidden", reason: "assurance_too_low" });
    expect(await db.dossier.count({ where: { service: { code: service.code } } })).toBe(0);

    // At level 2 (an e-ID step-up) the same submission goes through.
    const up = await completeEidSignIn(
      person({ personal_identification_number: "079190012345", acr: "LoA2" }),
      2,
      (await sessionUser(request.sessionId!))!,
      meta(),
    );
    if (up.kind !== "signedIn") throw new Error(`step-up refused: ${JSON.stringify(up)}`);
    request.sessionId = up.sessionId;
    const ok = await viaSession(submitDossier, {
      serviceCode: service.code,
      idempotencyKey: "eid-level-test-2",
      answers: validAnswers(form),
    });
    expect(ok.ok, JSON.stringify(ok)).toBe(true);
  });
});

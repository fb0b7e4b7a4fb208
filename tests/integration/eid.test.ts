// Signing in with the national e-ID (lib/auth/eid.ts): the account rules, the level check, linking a
// password account, step-up, and filing a procedure that needs level 2.
import { createHash } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { claimEidCccd, completeEidSignIn, confirmEidLink, pendingLink } from "@/lib/auth/eid";
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
    expect(u.emailVerifiedAt).toBeNull();
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

  it("keeps the e-ID's e-mail only when the token says it is verified, and only when no account has it", async () => {
    const unverified = person({ email: `chua.xac.thuc.${n}@example.vn` });
    const a = await completeEidSignIn(unverified, 1, null, meta());
    if (a.kind !== "signedIn") throw new Error(a.kind);
    expect(await db.user.findUniqueOrThrow({ where: { id: a.userId } })).toMatchObject({ email: null, emailVerifiedAt: null });

    const address = `Da.Xac.Thuc.${n}@Example.vn`;
    const verified = person({ email: address, email_verified: true });
    const b = await completeEidSignIn(verified, 1, null, meta());
    if (b.kind !== "signedIn") throw new Error(b.kind);
    const withMail = await db.user.findUniqueOrThrow({ where: { id: b.userId } });
    expect(withMail.email).toBe(address.toLowerCase());
    expect(withMail.emailVerifiedAt).toBeInstanceOf(Date);

    // The same verified address again (another person): the account is made without it, no unique violation.
    const c = await completeEidSignIn(person({ email: address, email_verified: true }), 1, null, meta());
    expect(c).toMatchObject({ kind: "signedIn", created: true });
    if (c.kind !== "signedIn") return;
    expect(await db.user.findUniqueOrThrow({ where: { id: c.userId } })).toMatchObject({ email: null, emailVerifiedAt: null });
  });

  it("retries once when a concurrent sign-in made the account first (unique violation), signing in to it", async () => {
    const c = person();
    const first = await completeEidSignIn(c, 1, null, meta());
    if (first.kind !== "signedIn") throw new Error(first.kind);
    // As if this sign-in had read before the other one wrote: neither the subject nor the number is seen.
    const spy = vi.spyOn(db.user, "findUnique").mockResolvedValueOnce(null).mockResolvedValueOnce(null);
    try {
      const again = await completeEidSignIn(c, 1, null, meta());
      expect(again).toMatchObject({ kind: "signedIn", created: false, userId: first.userId });
      // Two reads answered "nobody" (then a unique violation), two real ones on the retry.
      expect(spy).toHaveBeenCalledTimes(4);
    } finally {
      spy.mockRestore();
    }
    expect(await db.user.count({ where: { eidSubject: c.sub } })).toBe(1);
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

describe("claiming a number a password account only typed at registration", () => {
  async function squatter(cccd: string, over: Record<string, unknown> = {}) {
    const hash = (await db.user.findUniqueOrThrow({ where: { email: "congdan@dichvucong.example" } })).passwordHash;
    return db.user.create({
      data: { role: "CITIZEN", fullName: "Người Chiếm Số", email: `nguoi.chiem.so.${cccd}@example.vn`, cccd, passwordHash: hash, ...over },
    });
  }

  it("the link page masks the other account's e-mail; the e-ID's person gets a new account, the number leaves the other", async () => {
    const cccd = "079299000222";
    const other = await squatter(cccd);
    const c = person({ personal_identification_number: cccd, acr: "LoA2", email: "chu.that@example.vn", email_verified: true });
    const out = await completeEidSignIn(c, 1, null, meta());
    if (out.kind !== "link") throw new Error(`expected a link request, got ${out.kind}`);
    expect(await pendingLink(out.token)).toEqual({ fullName: "Người Chiếm Số", email: "n***@example.vn", canClaim: true });

    const { userId } = await claimEidCccd(out.token, meta());
    expect(userId).not.toBe(other.id);
    expect(await db.user.findUniqueOrThrow({ where: { id: userId } })).toMatchObject({
      role: "CITIZEN",
      passwordHash: null,
      cccd,
      eidSubject: c.sub,
      assuranceLevel: 2,
      email: "chu.that@example.vn",
    });
    expect(await db.user.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({
      cccd: null,
      eidSubject: null,
      email: other.email,
    });
    expect((await db.eidLinkRequest.findUniqueOrThrow({ where: { tokenHash: sha256(out.token) } })).usedAt).toBeInstanceOf(Date);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "auth.eidClaimCccd", entityId: userId } });
    expect(audit).toMatchObject({ outcome: "ok", actorId: userId });
    expect(audit.details).toEqual({ otherUserId: other.id, level: 2 });
    const mail = await db.outboxMessage.findFirst({ where: { kind: "email", payload: { path: ["to"], equals: other.email! } } });
    expect(mail).not.toBeNull();

    // Used once; and the e-ID now signs straight in to the new account.
    await expect(claimEidCccd(out.token, meta())).rejects.toThrow(/không còn hiệu lực/);
    expect(await pendingLink(out.token)).toBeNull();
    expect(await completeEidSignIn(c, 1, null, meta())).toMatchObject({ kind: "signedIn", userId, created: false });
  });

  it("is never allowed when the other account's identity is verified", async () => {
    const cccd = "079299000333";
    const other = await squatter(cccd, { identityVerifiedAt: new Date() });
    const out = await completeEidSignIn(person({ personal_identification_number: cccd }), 1, null, meta());
    if (out.kind !== "link") throw new Error(`expected a link request, got ${out.kind}`);
    expect(await pendingLink(out.token)).toMatchObject({ canClaim: false });
    await expect(claimEidCccd(out.token, meta())).rejects.toThrow(/đã được xác thực/);
    expect(await db.user.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({ cccd });
    expect((await db.eidLinkRequest.findUniqueOrThrow({ where: { tokenHash: sha256(out.token) } })).usedAt).toBeNull();
    expect(
      await db.auditEvent.count({ where: { action: "auth.eidClaimCccd", details: { path: ["otherUserId"], equals: other.id } } }),
    ).toBe(0);
  });

  it("refuses an unknown or expired token", async () => {
    await expect(claimEidCccd("x".repeat(43), meta())).rejects.toThrow(/không còn hiệu lực/);
    const cccd = "079299000444";
    const other = await squatter(cccd);
    const out = await completeEidSignIn(person({ personal_identification_number: cccd }), 1, null, meta());
    if (out.kind !== "link") throw new Error(out.kind);
    await db.eidLinkRequest.update({ where: { tokenHash: sha256(out.token) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(claimEidCccd(out.token, meta())).rejects.toThrow(/không còn hiệu lực/);
    expect((await db.user.findUniqueOrThrow({ where: { id: other.id } })).cccd).toBe(cccd);
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

  it("refuses when the signed-in account holds another number, or none (no implicit link)", async () => {
    const { userId, sessionId } = await signInCitizen();
    await db.user.update({ where: { id: userId }, data: { eidSubject: null } });
    const current = (await sessionUser(sessionId))!;
    const other = person({ acr: "LoA2" });
    expect(await completeEidSignIn(other, 2, current, meta())).toEqual({ kind: "refused", reason: "cccd_mismatch" });
    expect(await sessionUser(sessionId)).not.toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: userId } })).eidSubject).toBeNull();

    // The same account without a number: not linked, the session stays as it was.
    await db.user.update({ where: { id: userId }, data: { cccd: null } });
    const fresh = (await sessionUser(sessionId))!;
    expect(await completeEidSignIn(other, 2, fresh, meta())).toEqual({ kind: "refused", reason: "no_cccd" });
    expect(await sessionUser(sessionId)).toMatchObject({ id: userId, assuranceLevel: 1 });
    expect(await db.user.findUniqueOrThrow({ where: { id: userId } })).toMatchObject({
      cccd: null,
      eidSubject: null,
    });
    expect(await db.user.count({ where: { eidSubject: other.sub } })).toBe(0);
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

    // What the e-ID vouches for is filed as it vouches, whatever the request says.
    const fullName = form.steps.flatMap((s) => s.fields).find((f) => f.prefill === "fullName" && f.type === "text");
    expect(fullName).toBeDefined();
    const forged = await viaSession(submitDossier, {
      serviceCode: service.code,
      idempotencyKey: "eid-level-test-3",
      answers: { ...validAnswers(form), [fullName!.id]: "Tên Khác Hẳn" },
    });
    if (!forged.ok) throw new Error(JSON.stringify(forged));
    const filed = await db.dossier.findUniqueOrThrow({
      where: { id: forged.data.dossierId },
      select: { answers: true, applicantName: true },
    });
    const vouched = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { fullName: true } });
    expect((filed.answers as Record<string, unknown>)[fullName!.id]).toBe(vouched.fullName);
    expect(filed.applicantName).toBe(vouched.fullName);
  });
});

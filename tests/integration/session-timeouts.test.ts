// Idle and absolute session timeouts, enforced on the server whatever the cookie says (issue #13): a
// session ends after a time without requests (shorter for staff) and a fixed time after sign-in; an ended
// session is sent to sign-in with a message and comes back, and the citizen's draft is still there.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { requirePermission } from "@/lib/auth/current-user";
import { viaSession } from "@/lib/auth/session-actor";
import { sessionSettingProblems } from "@/lib/auth/session-timeouts";
import { sessionState, sessionUser } from "@/lib/auth/sessions";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { db } from "@/lib/db/client";
import { getDraft, saveDraft } from "@/lib/filing/drafts";
import { DEMO_ACCOUNTS } from "@/prisma/seed/demo";
import { levelFourServiceWithPapers } from "../support/filing";
import { freshIp, request } from "../support/request";

const MINUTE = 60_000;
const account = (role: (typeof DEMO_ACCOUNTS)[number]["role"]) => DEMO_ACCOUNTS.find((a) => a.role === role)!;

async function signIn(role: (typeof DEMO_ACCOUNTS)[number]["role"]) {
  const a = account(role);
  request.ip = freshIp();
  return signInWithPassword({ email: a.email, password: a.password }, { ip: request.ip, userAgent: "vitest" });
}

/** Moves a session's last request (and optionally its start) into the past. */
async function age(sessionId: string, o: { idleMs?: number; sinceSignInMs?: number }) {
  const now = Date.now();
  await db.session.update({
    where: { id: sessionId },
    data: {
      ...(o.idleMs !== undefined ? { lastSeenAt: new Date(now - o.idleMs) } : {}),
      ...(o.sinceSignInMs !== undefined ? { createdAt: new Date(now - o.sinceSignInMs) } : {}),
    },
  });
}

beforeEach(() => {
  request.sessionId = undefined;
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe("idle timeout", () => {
  it("ends a citizen's session after 30 minutes without a request", async () => {
    const s = await signIn("CITIZEN");
    await age(s.sessionId, { idleMs: 31 * MINUTE });
    expect(await sessionState(s.sessionId)).toEqual({ user: null, ended: "idle" });
    // A later request does not revive it.
    expect(await sessionUser(s.sessionId)).toBeNull();
  });

  it("keeps a session in use, recording its last request at most once a minute", async () => {
    const s = await signIn("CITIZEN");
    await age(s.sessionId, { idleMs: 29 * MINUTE });
    expect((await sessionUser(s.sessionId))?.role).toBe("CITIZEN");
    const seen = (await db.session.findUniqueOrThrow({ where: { id: s.sessionId } })).lastSeenAt;
    expect(Date.now() - seen.getTime()).toBeLessThan(MINUTE);
    // Within the minute, requests read the row but do not write it.
    await age(s.sessionId, { idleMs: 30_000 });
    const before = (await db.session.findUniqueOrThrow({ where: { id: s.sessionId } })).lastSeenAt;
    expect(await sessionUser(s.sessionId)).not.toBeNull();
    expect((await db.session.findUniqueOrThrow({ where: { id: s.sessionId } })).lastSeenAt).toEqual(before);
  });

  it("is shorter for staff: an officer's or administrator's session ends after 15 idle minutes", async () => {
    for (const role of ["OFFICER", "AGENCY_ADMIN", "VPCP_ADMIN"] as const) {
      const s = await signIn(role);
      await age(s.sessionId, { idleMs: 16 * MINUTE });
      expect(await sessionState(s.sessionId), role).toEqual({ user: null, ended: "idle" });
    }
    const c = await signIn("CITIZEN");
    await age(c.sessionId, { idleMs: 16 * MINUTE });
    expect(await sessionUser(c.sessionId)).not.toBeNull();
  });

  it("is settable by environment, and a value that cannot be read is refused at start-up", async () => {
    vi.stubEnv("SESSION_IDLE_MINUTES", "5");
    const s = await signIn("CITIZEN");
    await age(s.sessionId, { idleMs: 6 * MINUTE });
    expect(await sessionUser(s.sessionId)).toBeNull();
    expect(sessionSettingProblems()).toEqual([]);
    vi.stubEnv("SESSION_STAFF_IDLE_MINUTES", "15m");
    expect(sessionSettingProblems()).toEqual([expect.stringContaining("SESSION_STAFF_IDLE_MINUTES")]);
  });
});

describe("absolute timeout", () => {
  it("ends a session 12 hours after sign-in even while it is in use", async () => {
    const s = await signIn("CITIZEN");
    const row = await db.session.findUniqueOrThrow({ where: { id: s.sessionId } });
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(12 * 60 * MINUTE);
    await age(s.sessionId, { idleMs: 0, sinceSignInMs: 11 * 60 * MINUTE });
    expect(await sessionUser(s.sessionId)).not.toBeNull();
    await db.session.update({ where: { id: s.sessionId }, data: { expiresAt: new Date(Date.now() - 1000), lastSeenAt: new Date() } });
    expect(await sessionState(s.sessionId)).toEqual({ user: null, ended: "expired" });
  });

  it("applies a shortened setting to sessions already open", async () => {
    const s = await signIn("OFFICER");
    await age(s.sessionId, { idleMs: 0, sinceSignInMs: 3 * 60 * MINUTE });
    expect(await sessionUser(s.sessionId)).not.toBeNull();
    vi.stubEnv("SESSION_ABSOLUTE_HOURS", "2");
    expect(await sessionState(s.sessionId)).toEqual({ user: null, ended: "expired" });
  });
});

describe("after a timeout", () => {
  it("sends the user to sign-in with a message and back to the page, and the draft is intact", async () => {
    const service = await levelFourServiceWithPapers();
    const s = await signIn("CITIZEN");
    request.sessionId = s.sessionId;
    const saved = await viaSession(saveDraft, { serviceCode: service.code, answers: { noiDung: "Giữ nguyên sau khi hết phiên" }, step: 1 });
    expect(saved.ok).toBe(true);

    await age(s.sessionId, { idleMs: 45 * MINUTE });
    const path = `/nop-ho-so/${service.code}`;
    const err = await requirePermission("dossier.file", path).catch((e: unknown) => e);
    expect((err as { digest?: string }).digest).toMatch(
      new RegExp(`^NEXT_REDIRECT;.*/dang-nhap\\?next=${encodeURIComponent(path).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}&het-phien=1;`),
    );
    // A form submitted on the ended session is refused as signed out, and changes nothing.
    const late = await viaSession(saveDraft, { serviceCode: service.code, answers: { noiDung: "mất" }, step: 2 });
    expect(late).toMatchObject({ ok: false, code: "unauthenticated" });

    // Signed in again: the draft is as it was saved.
    const again = await signIn("CITIZEN");
    request.sessionId = again.sessionId;
    expect(await requirePermission("dossier.file", path)).toMatchObject({ role: "CITIZEN" });
    const serviceRow = await db.service.findUniqueOrThrow({ where: { code: service.code } });
    const draft = await getDraft(again.id, serviceRow.id);
    expect(draft).toMatchObject({ answers: { noiDung: "Giữ nguyên sau khi hết phiên" }, step: 1 });
  });

  it("a session that was never timed out gets no message (signed out, or revoked elsewhere)", async () => {
    const s = await signIn("CITIZEN");
    await db.session.update({ where: { id: s.sessionId }, data: { revokedAt: new Date() } });
    request.sessionId = s.sessionId;
    const err = await requirePermission("dossier.file", "/ho-so-cua-toi").catch((e: unknown) => e);
    expect((err as { digest?: string }).digest).toMatch(/^NEXT_REDIRECT;.*\/dang-nhap\?next=%2Fho-so-cua-toi;/);
  });
});

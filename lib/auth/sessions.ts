// Sign-in sessions. The JWT cookie carries only a session id; every request checks the row, so
// revoking it (sign-out, sign-out everywhere) or disabling the account ends access at once. A session also
// ends, on the server, after a time without requests (idle timeout, from `last_seen_at`) and a fixed time
// after sign-in (absolute timeout, `expires_at`), whatever the cookie says.
import "server-only";
import { randomBytes } from "node:crypto";
import { db, type Db, type Tx } from "@/lib/db/client";
import type { Role, SecondFactorDue } from "./permissions";
import { secondFactorDue } from "./second-factor-policy";
import { absoluteTimeoutSeconds, idleTimeoutMs } from "./session-timeouts";

/** `last_seen_at` is written at most this often, so a busy session costs one write a minute, not one per request. */
const TOUCH_EVERY_MS = 60_000;

export interface SessionUser {
  id: string;
  role: Role;
  fullName: string;
  /** Null: an account made by a first e-ID sign-in that gave no address. */
  email: string | null;
  agencyId: number | null;
  sessionId: string;
  /** How this session signed in. */
  authMethod: AuthMethod;
  /** The assurance level this session reached (1 password or e-ID level 1; 2 e-ID level 2). */
  assuranceLevel: AssuranceLevel;
  /**
   * A staff session still owing its second factor: "verify" (enrolled, code not given yet) or "enrol"
   * (required for the role, not enrolled yet). While set, the actor may do nothing but give it
   * (lib/auth/actor.ts); pages send the user to the second-factor step.
   */
  secondFactorDue?: SecondFactorDue;
  /**
   * The account's CCCD when the e-ID verified it (identity_verified_at set), else null: dossiers filed on
   * this person's behalf are visible to them only then (lib/dossiers/visibility.ts). Absent: not loaded.
   */
  verifiedCccd?: string | null;
}

export type AuthMethod = "password" | "eid";
export type AssuranceLevel = 1 | 2;

/** Why a session no longer opens anything. */
type SessionEnd = "unknown" | "revoked" | "disabled" | "idle" | "expired";

export type SessionState = { user: SessionUser; ended?: never } | { user: null; ended: SessionEnd };

export async function createSession(
  userId: string,
  meta: { ip: string; userAgent: string | null },
  how: { authMethod: AuthMethod; assuranceLevel: AssuranceLevel } = { authMethod: "password", assuranceLevel: 1 },
  /** The caller's transaction, when the session is opened with other writes (an e-ID sign-in). */
  client: Db | Tx = db,
): Promise<string> {
  const id = randomBytes(24).toString("base64url");
  const now = Date.now();
  await client.session.create({
    data: {
      id,
      userId,
      createdAt: new Date(now),
      lastSeenAt: new Date(now),
      expiresAt: new Date(now + absoluteTimeoutSeconds() * 1000),
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 400),
      authMethod: how.authMethod,
      assuranceLevel: how.assuranceLevel,
    },
  });
  return id;
}

/** A session's state for this request; a live session's last request is recorded (at most once a minute). */
export async function sessionState(sessionId: string): Promise<SessionState> {
  const s = await db.session.findUnique({ where: { id: sessionId }, include: { user: true } });
  if (!s) return { user: null, ended: "unknown" };
  if (s.revokedAt) return { user: null, ended: "revoked" };
  if (s.user.disabledAt) return { user: null, ended: "disabled" };
  const now = Date.now();
  // The absolute limit as set now, should it have been shortened since the session began.
  const endsAt = Math.min(s.expiresAt.getTime(), s.createdAt.getTime() + absoluteTimeoutSeconds() * 1000);
  if (endsAt <= now) return { user: null, ended: "expired" };
  if (now - s.lastSeenAt.getTime() > idleTimeoutMs(s.user.role)) return { user: null, ended: "idle" };
  if (now - s.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    // Conditional on the value read, so of concurrent requests only one writes.
    await db.session.updateMany({ where: { id: s.id, lastSeenAt: s.lastSeenAt }, data: { lastSeenAt: new Date(now) } });
  }
  const u = s.user;
  return {
    user: {
      id: u.id,
      role: u.role,
      fullName: u.fullName,
      email: u.email,
      agencyId: u.agencyId,
      sessionId: s.id,
      authMethod: s.authMethod === "eid" ? "eid" : "password",
      assuranceLevel: s.assuranceLevel === 2 ? 2 : 1,
      verifiedCccd: u.identityVerifiedAt && u.cccd ? u.cccd : null,
      ...dueOf(u.role, u.totpEnabledAt, s.secondFactorAt),
    },
  };
}

/** The `secondFactorDue` field, absent when nothing is owed (lib/auth/second-factor-policy.ts). */
function dueOf(role: Role, totpEnabledAt: Date | null, secondFactorAt: Date | null): Pick<SessionUser, "secondFactorDue"> {
  const due = secondFactorDue(role, totpEnabledAt, secondFactorAt);
  return due ? { secondFactorDue: due } : {};
}

/** The user behind a live session, or null when the session is unknown, revoked, timed out or the account disabled. */
export async function sessionUser(sessionId: string): Promise<SessionUser | null> {
  return (await sessionState(sessionId)).user;
}

export async function revokeSession(sessionId: string): Promise<void> {
  await db.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

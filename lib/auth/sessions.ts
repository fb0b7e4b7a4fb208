// Sign-in sessions. The JWT cookie carries only a session id; every request checks the row, so
// revoking it (sign-out, sign-out everywhere) or disabling the account ends access at once.
import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import type { Role } from "./permissions";

export const SESSION_HOURS = 8;

export interface SessionUser {
  id: string;
  role: Role;
  fullName: string;
  email: string;
  agencyId: number | null;
  sessionId: string;
}

export async function createSession(userId: string, meta: { ip: string; userAgent: string | null }): Promise<string> {
  const id = randomBytes(24).toString("base64url");
  await db.session.create({
    data: { id, userId, expiresAt: new Date(Date.now() + SESSION_HOURS * 3600_000), ip: meta.ip, userAgent: meta.userAgent?.slice(0, 400) },
  });
  return id;
}

/** The user behind a live session, or null when the session is unknown, revoked, expired or the account disabled. */
export async function sessionUser(sessionId: string): Promise<SessionUser | null> {
  const s = await db.session.findUnique({ where: { id: sessionId }, include: { user: true } });
  if (!s || s.revokedAt || s.expiresAt.getTime() <= Date.now() || s.user.disabledAt) return null;
  const u = s.user;
  return { id: u.id, role: u.role, fullName: u.fullName, email: u.email, agencyId: u.agencyId, sessionId: s.id };
}

export async function revokeSession(sessionId: string): Promise<void> {
  await db.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

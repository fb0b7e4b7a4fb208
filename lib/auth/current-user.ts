// The signed-in user of this request, and the guards pages and actions use.
import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";
import { authText } from "@/lib/i18n/vi/auth";
import { localeHref } from "@/lib/i18n/href";
import { requestLocale } from "@/lib/i18n/request-locale";
import { secondFactorText } from "@/lib/i18n/vi/second-factor";
import { authOptions } from "./options";
import { can, type Permission } from "./permissions";
import { requestMeta } from "./request-meta";
import { secondFactorPath } from "./second-factor-policy";
import { sessionState, type SessionState, type SessionUser } from "./sessions";

export type CurrentUser = SessionUser;

/** This request's session: its user, or why the session it names has ended (null: no session at all). */
const currentSession = cache(async (): Promise<SessionState | null> => {
  const session = await getServerSession(authOptions);
  if (!session?.sessionId) return null;
  return sessionState(session.sessionId);
});

export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => (await currentSession())?.user ?? null);

/**
 * Where a visitor without a live session goes: sign-in, then back to `path`. One whose session timed out
 * (idle or absolute timeout) is told so on the sign-in page.
 */
async function signInPath(path: string): Promise<string> {
  const ended = (await currentSession())?.ended;
  const timedOut = ended === "idle" || ended === "expired";
  // In the request's language (an English page's visitor signs in on /en/dang-nhap).
  return localeHref(await requestLocale(), `/dang-nhap?next=${encodeURIComponent(path)}${timedOut ? "&het-phien=1" : ""}`);
}

async function auditDenied(user: CurrentUser | null, permission: Permission, target: string): Promise<void> {
  const meta = await requestMeta();
  await recordAudit(db, {
    actorId: user?.id,
    actorRole: user?.role,
    action: permission,
    outcome: "denied",
    entityType: "route",
    entityId: target,
    ip: meta.ip,
    userAgent: meta.userAgent,
  });
}

/** A session refused only because it still owes its second factor: its role holds the permission. */
function owesSecondFactorFor(user: CurrentUser, permission: Permission): boolean {
  return !!user.secondFactorDue && !can(user, permission) && can({ role: user.role }, permission);
}

/**
 * For pages: the signed-in user holding `permission`. Anonymous visitors go to sign-in and come back; a staff
 * session still owing its second factor goes to give it (or to enrol one) and comes back; a signed-in user
 * without the permission gets 403, and the attempt is audited.
 */
export async function requirePermission(permission: Permission, path: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(await signInPath(path));
  if (owesSecondFactorFor(user, permission)) redirect(secondFactorPath(user.secondFactorDue!, path));
  if (!can(user, permission)) {
    await auditDenied(user, permission, path);
    forbidden();
  }
  return user;
}

/**
 * For route handlers (downloads): the signed-in user holding `permission`, or the plain-text answer to
 * send instead: 401 when nobody is signed in or the session still owes its second factor, 403 (audited)
 * when the user may not.
 */
export async function routePermission(
  permission: Permission,
  path: string,
): Promise<{ user: CurrentUser; refused?: never } | { user?: never; refused: Response }> {
  const user = await getCurrentUser();
  if (!user) return { refused: plainText(401, authText.downloadSignIn) };
  if (owesSecondFactorFor(user, permission)) return { refused: plainText(401, secondFactorText.errors.routeDue) };
  if (!can(user, permission)) {
    await auditDenied(user, permission, path);
    return { refused: plainText(403, authText.downloadForbidden) };
  }
  return { user };
}

function plainText(status: number, body: string): Response {
  return new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" } });
}

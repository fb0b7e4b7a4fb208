// The signed-in user of this request, and the guards pages and actions use.
import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";
import { authOptions } from "./options";
import { can, type Permission } from "./permissions";
import { requestMeta } from "./request-meta";
import { sessionUser, type SessionUser } from "./sessions";

export type CurrentUser = SessionUser;

export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions);
  if (!session?.sessionId) return null;
  return sessionUser(session.sessionId);
});

export async function auditDenied(user: CurrentUser | null, permission: Permission, target: string): Promise<void> {
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

/**
 * For pages: the signed-in user holding `permission`. Anonymous visitors go to sign-in and come back;
 * a signed-in user without the permission gets 403, and the attempt is audited.
 */
export async function requirePermission(permission: Permission, path: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/dang-nhap?next=${encodeURIComponent(path)}`);
  if (!can(user, permission)) {
    await auditDenied(user, permission, path);
    forbidden();
  }
  return user;
}

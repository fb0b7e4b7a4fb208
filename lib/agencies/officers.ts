// An agency administrator's officer accounts: listing them, creating one, and disabling or enabling one.
// Everything is scoped to the administrator's own agency here, so an officer of another agency reads as not found
// whichever page or action asks.
import "server-only";
import { z } from "zod";
import { defineUseCase, AppError } from "@/lib/auth/door";
import type { CurrentUser } from "@/lib/auth/current-user";
import { hashPassword } from "@/lib/auth/password";
import { can } from "@/lib/auth/permissions";
import { authText } from "@/lib/i18n/vi/auth";
import { agencyAdminText } from "@/lib/i18n/vi/agency-admin";
import { db, type Tx } from "@/lib/db/client";

const e = agencyAdminText.errors;
const always = () => true;

const OFFICER_ROLES = ["OFFICER", "AGENCY_ADMIN"] as const;
type OfficerRole = (typeof OFFICER_ROLES)[number];

export interface OfficerRow {
  id: string;
  fullName: string;
  email: string | null;
  role: OfficerRole;
  disabledAt: Date | null;
  createdAt: Date;
  /** When the officer turned on a second factor (lib/auth/second-factor.ts); null: none. */
  totpEnabledAt: Date | null;
}

/** What an administrator types to create an officer account. */
const OfficerCreation = z
  .object({
    fullName: z.string({ error: e.fullName }).trim().min(2, e.fullName).max(100, e.fullName),
    email: z.string({ error: e.email }).trim().toLowerCase().pipe(z.email(e.email).max(254, e.email)),
    role: z.enum(OFFICER_ROLES, { error: e.role }),
    password: z
      .string({ error: e.password })
      .min(10, e.password)
      .max(256, e.password)
      .refine((p) => /[A-Za-zÀ-ỹ]/.test(p) && /\d/.test(p), e.password),
    passwordConfirm: z.string({ error: e.passwordConfirm }),
  })
  // Runs even when another field failed, so a mistyped confirmation shows with the other errors at once.
  .refine((v) => v.password === v.passwordConfirm, { path: ["passwordConfirm"], message: e.passwordConfirm, when: always });

/** The fields a refused creation hands back to the form (never the passwords). */
export const OFFICER_KEPT_FIELDS = ["fullName", "email", "role"] as const;

const OfficerState = z.object({
  officerId: z.guid(e.officerNotFound),
  // Forms post strings; callers in code pass booleans.
  disabled: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")], { error: e.officerNotFound }),
});

/** The agency an administrator manages; a session without one (a misconfigured account) may manage nothing. */
function agencyOf(actor: CurrentUser | null): number {
  if (actor?.agencyId == null) throw new AppError("forbidden", e.noAgency);
  return actor.agencyId;
}

/** The officer accounts of the administrator's agency, active ones first, then by name. */
export async function listOfficers(admin: CurrentUser): Promise<OfficerRow[]> {
  if (!can(admin, "agency.manageOfficers")) throw new AppError("forbidden", authText.forbiddenTitle);
  if (admin.agencyId == null) return [];
  const rows = await db.user.findMany({
    where: { agencyId: admin.agencyId, role: { in: [...OFFICER_ROLES] } },
    select: { id: true, fullName: true, email: true, role: true, disabledAt: true, createdAt: true, totpEnabledAt: true },
    orderBy: [{ disabledAt: { sort: "desc", nulls: "first" } }, { fullName: "asc" }, { id: "asc" }],
  });
  return rows.map((r) => ({ ...r, role: r.role as OfficerRole }));
}

export const createOfficer = defineUseCase({
  name: "officer.create",
  permission: "agency.manageOfficers",
  schema: OfficerCreation,
  entityType: "user",
  async run(input, { tx, user }) {
    const agencyId = agencyOf(user);
    const taken = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
    if (taken) throw new AppError("conflict", e.emailTaken, "email");
    const officer = await tx.user.create({
      data: { role: input.role, fullName: input.fullName, email: input.email, agencyId, passwordHash: await hashPassword(input.password) },
      select: { id: true, fullName: true },
    });
    return {
      result: { officerId: officer.id, fullName: officer.fullName },
      entityId: officer.id,
      details: { email: input.email, role: input.role, agencyId },
    };
  },
});

/**
 * Locks the rows of the administrator and the officer, in one order so that two administrators acting on each
 * other at the same moment queue rather than deadlock; the second then sees that it has itself been disabled.
 */
async function lockAccounts(
  tx: Tx,
  ids: string[],
): Promise<Map<string, { agencyId: number | null; role: string; disabledAt: Date | null; fullName: string }>> {
  const rows = await tx.$queryRaw<{ id: string; agencyId: number | null; role: string; disabledAt: Date | null; fullName: string }[]>`
    SELECT id::text AS id, agency_id AS "agencyId", role::text AS role, disabled_at AS "disabledAt", full_name AS "fullName"
    FROM app_user WHERE id = ANY(${ids}::uuid[]) ORDER BY id FOR UPDATE`;
  return new Map(rows.map((r) => [r.id, r]));
}

export const setOfficerDisabled = defineUseCase({
  name: "officer.setDisabled",
  permission: "agency.manageOfficers",
  schema: OfficerState,
  entityType: "user",
  async run({ officerId, disabled }, { tx, user }) {
    const agencyId = agencyOf(user);
    const id = officerId.toLowerCase();
    if (disabled && id === user!.id) throw new AppError("invalid", e.disableSelf, "officerId");
    const accounts = await lockAccounts(tx, [...new Set([user!.id, id])]);
    if (accounts.get(user!.id)?.disabledAt) throw new AppError("forbidden", e.actorDisabled);
    const officer = accounts.get(id);
    if (!officer || officer.agencyId !== agencyId || !(OFFICER_ROLES as readonly string[]).includes(officer.role)) {
      throw new AppError("not_found", e.officerNotFound, "officerId");
    }
    const now = new Date();
    let revokedSessions = 0;
    if (disabled) {
      // An account disabled earlier keeps the date it was first disabled.
      if (!officer.disabledAt) await tx.user.update({ where: { id }, data: { disabledAt: now } });
      // In the same transaction: the moment the account reads as disabled, none of its sessions is alive.
      revokedSessions = (await tx.session.updateMany({ where: { userId: id, revokedAt: null }, data: { revokedAt: now } })).count;
    } else if (officer.disabledAt) {
      await tx.user.update({ where: { id }, data: { disabledAt: null } });
    }
    return {
      result: { officerId: id, fullName: officer.fullName, disabled },
      entityId: id,
      details: { disabled, wasDisabled: officer.disabledAt !== null, revokedSessions },
    };
  },
});

// Issue 17, dossier sync: where an agency processes a service's online dossiers — in the portal's officer pages
// (PORTAL) or in its own one-stop system (SYNC, lib/sync/outbound.ts delivers them) — and where that system wants
// them pushed (the sync endpoint: URL, signing secret shown once, like document endpoints). Set by the agency's
// administrator on the services admin pages; audited and, for the intake mode, checked against the settings version
// like the other settings of a service (lib/agencies/services-admin.ts).
import "server-only";
import { z } from "zod";
import { defineUseCase, AppError } from "@/lib/auth/door";
import type { CurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { EndpointUrl, newSecret, refuseBlockedHost } from "@/lib/documents/integration-admin";
import { agencyAdminText } from "@/lib/i18n/vi/agency-admin";
import { syncOutText } from "@/lib/i18n/vi/sync-out";
import { expireCatalogEverywhere } from "@/lib/cache/shared-tags";

const e = agencyAdminText.errors;
const t = syncOutText.intake;

const INTAKE_MODES = ["PORTAL", "SYNC"] as const;
export type IntakeModeValue = (typeof INTAKE_MODES)[number];

function agencyOf(user: CurrentUser | null): number {
  if (user?.agencyId == null) throw new AppError("forbidden", e.noAgency);
  return user.agencyId;
}

/** The intake mode of one of the administrator's services, with the settings version it was read at. */
export async function serviceIntake(
  admin: CurrentUser,
  code: string,
): Promise<{ intakeMode: IntakeModeValue; settingsVersion: number } | null> {
  if (!can(admin, "agency.manageServices") || admin.agencyId == null) return null;
  return db.service.findFirst({ where: { code, agencyId: admin.agencyId }, select: { intakeMode: true, settingsVersion: true } });
}

/** The agency's sync endpoint (never its secret). */
export async function syncEndpointOf(admin: CurrentUser): Promise<{ url: string; enabled: boolean; updatedAt: Date } | null> {
  if (!can(admin, "agency.integration") || admin.agencyId == null) return null;
  return db.syncEndpoint.findUnique({ where: { agencyId: admin.agencyId }, select: { url: true, enabled: true, updatedAt: true } });
}

const IntakeInput = z.object({
  code: z.string({ error: e.serviceNotFound }).trim().min(1, e.serviceNotFound).max(40, e.serviceNotFound),
  settingsVersion: z.coerce
    .number({ error: e.staleVersion })
    .int(e.staleVersion)
    .min(1, e.staleVersion)
    .max(2 ** 31 - 1, e.staleVersion),
  intakeMode: z.enum(INTAKE_MODES, { error: t.invalid }),
});

/** Switches a service between the portal's officer pages and the agency's one-stop system. Dossiers filed before keep their way. */
export const setServiceIntakeMode = defineUseCase({
  name: "service.intakeMode",
  permission: "agency.manageServices",
  schema: IntakeInput,
  entityType: "service",
  async run(input, { tx, user }) {
    const agencyId = agencyOf(user);
    const s = await tx.service.findFirst({
      where: { code: input.code, agencyId },
      select: { id: true, code: true, intakeMode: true, settingsVersion: true },
    });
    if (!s) throw new AppError("not_found", e.serviceNotFound);
    if (s.settingsVersion !== input.settingsVersion) throw new AppError("conflict", e.staleVersion);
    if (s.intakeMode === input.intakeMode)
      return {
        result: { code: s.code, settingsVersion: s.settingsVersion, changed: false },
        entityId: String(s.id),
        details: { changed: false },
      };
    const updated = await tx.service.updateMany({
      where: { id: s.id, settingsVersion: s.settingsVersion },
      data: { intakeMode: input.intakeMode, settingsVersion: { increment: 1 } },
    });
    if (updated.count !== 1) throw new AppError("conflict", e.staleVersion);
    await expireCatalogEverywhere(tx);
    return {
      result: { code: s.code, settingsVersion: s.settingsVersion + 1, changed: true },
      entityId: String(s.id),
      details: {
        code: s.code,
        settingsVersion: s.settingsVersion + 1,
        before: { intakeMode: s.intakeMode },
        after: { intakeMode: input.intakeMode },
      },
    };
  },
});

/** Saves the agency's sync endpoint. The first save creates the signing secret and returns it, once. */
export const saveSyncEndpoint = defineUseCase({
  name: "dossier.syncEndpoint.save",
  permission: "agency.integration",
  schema: z.object({ url: EndpointUrl, enabled: z.enum(["true", "false"]).default("true") }),
  entityType: "sync_endpoint",
  async run(input, { tx, user }) {
    const agencyId = agencyOf(user);
    await refuseBlockedHost(input.url);
    const enabled = input.enabled === "true";
    const existing = await tx.syncEndpoint.findUnique({ where: { agencyId }, select: { agencyId: true } });
    if (existing) {
      await tx.syncEndpoint.update({ where: { agencyId }, data: { url: input.url, enabled } });
      return { result: { secret: null as string | null }, entityId: String(agencyId), details: { url: input.url, enabled } };
    }
    const secret = newSecret();
    await tx.syncEndpoint.create({ data: { agencyId, url: input.url, enabled, secret } });
    return { result: { secret: secret as string | null }, entityId: String(agencyId), details: { url: input.url, enabled, created: true } };
  },
});

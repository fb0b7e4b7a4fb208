// Who may see a dossier, and how: the one rule. The applicant sees their own (`owner`), and so do, as
// owners too, the members of the organisation it was filed for (they act for the organisation); the
// person it was filed on behalf of, once signed in with a verified identity (their CCCD vouched for by the
// e-ID), sees it read-only (`represented`): the representative acts, they follow; so does, the same way,
// the applicant of a dossier received at an agency's own counter and pushed by its one-stop system (issue 17:
// `applicant_cccd` equals their verified CCCD), since that agency's system, not the portal, takes its actions; officers and
// administrators of the agency holding it see it and may act (`holder`); those of an agency that
// transferred it away follow it, read-only (`sender`). Anyone else gets "not found", never
// "forbidden", so no page, route or action reveals that a code exists. Every page, download route and
// domain function that reads a dossier for someone asks here, by code, by id, or through the Prisma
// `where` (and its raw-SQL twin) for lists. Public tracking by code (trackDossier) is not seeing a
// dossier: it shows where the case stands, nothing about the person or the papers.
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { actorCan, userActor, type Actor } from "@/lib/auth/actor";
import type { SessionUser } from "@/lib/auth/sessions";
import { db, type Db, type Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { dossierText } from "@/lib/i18n/vi/dossiers";
import { isDossierCode } from "./code";

export type DossierAccess = "owner" | "represented" | "holder" | "sender";

/** Who asks: an actor, or the signed-in user (null: nobody signed in). */
export type Viewer = Actor | SessionUser | null;

export interface VisibleDossier {
  id: string;
  code: string;
  access: DossierAccess;
}

const ALL: readonly DossierAccess[] = ["owner", "represented", "holder", "sender"];
/** The citizen's side of a dossier: their own (may act) or filed on their behalf (read-only). */
export const CITIZEN_SIDE: readonly DossierAccess[] = ["owner", "represented"];
/** The agency's side of a dossier: holding it, or having transferred it away (read-only). */
export const AGENCY_SIDE: readonly DossierAccess[] = ["holder", "sender"];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The viewer as an actor (a signed-in user becomes a user actor; nobody, the anonymous one). */
export function viewerActor(viewer: Viewer): Actor {
  if (viewer == null) return userActor(null);
  return "kind" in viewer ? viewer : userActor(viewer);
}

/**
 * What the actor may be to a dossier at all: its own user id as applicant (or member of the dossier's
 * organisation), its verified CCCD as the person represented (read-only), its agency as holder or sender.
 */
function standing(actor: Actor): { ownerId: string | null; cccd: string | null; agencyId: number | null } {
  if (actor.kind !== "user") return { ownerId: null, cccd: null, agencyId: null };
  const u = actor.user;
  const ownerId = actorCan(actor, "dossier.readOwn") ? u.id : null;
  return {
    ownerId,
    cccd: ownerId && u.verifiedCccd ? u.verifiedCccd : null,
    agencyId: actorCan(actor, "workspace.read") && u.agencyId != null ? u.agencyId : null,
  };
}

// ---- Owners (the applicant, the organisation's members) and the represented person (issue 15) -------------

/** The owner's ways as a Prisma filter: filed by them, or for one of their organisations. */
function ownerWays(ownerId: string): Prisma.DossierWhereInput[] {
  return [{ applicantId: ownerId }, { organisation: { members: { some: { userId: ownerId } } } }];
}

/** The same in SQL over `dossier d`. */
function ownerWaysSql(ownerId: string): Prisma.Sql[] {
  return [
    Prisma.sql`d.applicant_id = ${ownerId}::uuid`,
    Prisma.sql`EXISTS (SELECT 1 FROM organisation_member m WHERE m.organisation_id = d.organisation_id AND m.user_id = ${ownerId}::uuid)`,
  ];
}

/** Whether a dossier row (with the viewer's membership of its organisation, if any) is the owner's. */
function ownsRow(ownerId: string, row: OwnerRow): boolean {
  return row.applicantId === ownerId || (row.organisation?.members.length ?? 0) > 0;
}

/** Whether the row was filed on behalf of the holder of this verified CCCD, or received elsewhere for them. */
function representsRow(cccd: string | null, row: OwnerRow): boolean {
  return cccd != null && (row.representedCccd === cccd || row.applicantCccd === cccd);
}

/** The read-only ways of a verified CCCD as a Prisma filter: represented, or the applicant of a synced dossier. */
function cccdWays(cccd: string): Prisma.DossierWhereInput[] {
  return [{ representedCccd: cccd }, { applicantCccd: cccd }];
}

type OwnerRow = {
  applicantId: string | null;
  representedCccd: string | null;
  applicantCccd: string | null;
  organisation: { members: { userId: string }[] } | null;
};

// ------------------------------------------------------------------------------------------------------------

/** Nothing: a filter no row satisfies. */
const NONE: Prisma.DossierWhereInput = { id: { in: [] } };

/**
 * The Prisma filter for the dossiers the viewer may see, in the ways listed in `as` (all by default):
 * use it in every list query so a new page cannot forget the scope.
 */
export function visibleDossiersWhere(viewer: Viewer, as: readonly DossierAccess[] = ALL): Prisma.DossierWhereInput {
  const { ownerId, cccd, agencyId } = standing(viewerActor(viewer));
  const ways: Prisma.DossierWhereInput[] = [];
  if (ownerId && as.includes("owner")) ways.push(...ownerWays(ownerId));
  if (cccd && as.includes("represented")) ways.push(...cccdWays(cccd));
  if (agencyId != null && as.includes("holder")) ways.push({ holderAgencyId: agencyId });
  if (agencyId != null && as.includes("sender")) ways.push({ transfers: { some: { fromAgencyId: agencyId } } });
  if (ways.length === 0) return NONE;
  return ways.length === 1 ? ways[0]! : { OR: ways };
}

/** The same filter for raw SQL over `dossier d` (the queue's cursor pages): FALSE when none. */
export function visibleDossiersSql(viewer: Viewer, as: readonly DossierAccess[] = ALL): Prisma.Sql {
  const { ownerId, cccd, agencyId } = standing(viewerActor(viewer));
  const ways: Prisma.Sql[] = [];
  if (ownerId && as.includes("owner")) ways.push(...ownerWaysSql(ownerId));
  if (cccd && as.includes("represented")) ways.push(Prisma.sql`d.represented_cccd = ${cccd}`, Prisma.sql`d.applicant_cccd = ${cccd}`);
  if (agencyId != null && as.includes("holder")) ways.push(Prisma.sql`d.holder_agency_id = ${agencyId}`);
  if (agencyId != null && as.includes("sender"))
    ways.push(Prisma.sql`EXISTS (SELECT 1 FROM dossier_transfer t WHERE t.dossier_id = d.id AND t.from_agency_id = ${agencyId})`);
  if (ways.length === 0) return Prisma.sql`FALSE`;
  return ways.length === 1 ? ways[0]! : Prisma.sql`(${Prisma.join(ways, " OR ")})`;
}

/**
 * How the viewer sees this dossier row (already known to be visible to them in one of the ways in `as`):
 * the strongest way among those asked for, owner before represented.
 */
function accessOf(actor: Actor, row: OwnerRow & { holderAgencyId: number }, as: readonly DossierAccess[]): DossierAccess {
  const { ownerId, cccd, agencyId } = standing(actor);
  if (ownerId && as.includes("owner") && ownsRow(ownerId, row)) return "owner";
  if (as.includes("represented") && representsRow(cccd, row)) return "represented";
  if (agencyId != null && row.holderAgencyId === agencyId) return "holder";
  return "sender";
}

/**
 * The dossier with this code (`{ code }`) or id (`{ id }`) if the viewer may see it in one of the ways
 * in `as`, and how; null otherwise (callers answer "not found").
 */
export async function findVisibleDossier(
  viewer: Viewer,
  ref: { code: string } | { id: string },
  opts: { as?: readonly DossierAccess[]; client?: Db | Tx } = {},
): Promise<VisibleDossier | null> {
  const actor = viewerActor(viewer);
  const scope = visibleDossiersWhere(actor, opts.as);
  if (scope === NONE) return null;
  if ("code" in ref ? !isDossierCode(ref.code) : !UUID.test(ref.id)) return null;
  const d = await (opts.client ?? db).dossier.findFirst({
    where: { AND: ["code" in ref ? { code: ref.code } : { id: ref.id }, scope] },
    select: {
      id: true,
      code: true,
      applicantId: true,
      holderAgencyId: true,
      representedCccd: true,
      applicantCccd: true,
      organisation: { select: { members: { where: { userId: standing(actor).ownerId ?? undefined }, select: { userId: true } } } },
    },
  });
  return d ? { id: d.id, code: d.code, access: accessOf(actor, d, opts.as ?? ALL) } : null;
}

/** As findVisibleDossier, for use cases: a dossier the viewer may not see is a "not found" refusal. */
export async function requireVisibleDossier(
  viewer: Viewer,
  ref: { code: string } | { id: string },
  opts: { as?: readonly DossierAccess[]; client?: Db | Tx } = {},
): Promise<VisibleDossier> {
  const found = await findVisibleDossier(viewer, ref, opts);
  if (!found) throw new AppError("not_found", dossierText.notFound, undefined, "dossier_not_found");
  return found;
}

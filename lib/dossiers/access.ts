// Which dossiers an officer may see: those their agency holds (to act on), and those it handed on to
// another agency (to follow, read-only). Every officer-side query goes through these; anything else is
// "not found", never "forbidden", so no page, action or route can reveal another agency's dossier.
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { db, type Db, type Tx } from "@/lib/db/client";
import { isDossierCode } from "./code";

export type AgencyAccess = "holder" | "sender";

/** The Prisma filter for dossiers an officer's agency may see (null: none at all). */
function visibleToAgency(user: CurrentUser): Prisma.DossierWhereInput | null {
  if (!can(user, "workspace.read") || user.agencyId == null) return null;
  return { OR: [{ holderAgencyId: user.agencyId }, { transfers: { some: { fromAgencyId: user.agencyId } } }] };
}

/** The dossier with this code if the officer's agency may see it, and how. */
export async function findAgencyDossier(
  user: CurrentUser,
  code: string,
  client: Db | Tx = db,
): Promise<{ id: string; access: AgencyAccess } | null> {
  const scope = visibleToAgency(user);
  if (!scope || !isDossierCode(code)) return null;
  const d = await client.dossier.findFirst({ where: { AND: [{ code }, scope] }, select: { id: true, holderAgencyId: true } });
  if (!d) return null;
  return { id: d.id, access: d.holderAgencyId === user.agencyId ? "holder" : "sender" };
}

// Where a feedback item goes: the agency holding the submitter's dossier it concerns, else the agency the
// submitter named, else the one agency offering the procedure it concerns; an agency that ended is replaced
// by its successor. When none can be told (a procedure several agencies offer, nothing named) the item waits
// for the VPCP to route it (agency null; lib/feedback/officer.ts rerouteFeedback).
import "server-only";
import type { Tx } from "@/lib/db/client";
import { currentSuccessor } from "@/lib/agencies/succession";

interface RoutingFacts {
  dossierHolderId?: number | null;
  namedAgencyId?: number | null;
  procedureId?: number | null;
}

export async function routeFeedback(tx: Tx, facts: RoutingFacts, at: Date): Promise<number | null> {
  for (const id of [facts.dossierHolderId, facts.namedAgencyId]) {
    if (id == null) continue;
    const agency = await currentSuccessor(tx, id, at);
    if (agency) return agency.id;
  }
  if (facts.procedureId != null) {
    const services = await tx.service.findMany({
      where: { procedureId: facts.procedureId, published: true },
      select: { agencyId: true },
      distinct: ["agencyId"],
      take: 2,
    });
    if (services.length === 1) return (await currentSuccessor(tx, services[0]!.agencyId, at))?.id ?? null;
  }
  return null;
}

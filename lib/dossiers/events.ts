// Appending to a dossier's hash-chained history. Callers hold the dossier row (they have just updated
// it, or created it), so two appends to one dossier cannot interleave.
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/auth/permissions";
import type { Tx } from "@/lib/db/client";
import { eventHash, verifyChain, type ChainProblem } from "./chain";

export interface NewEvent {
  dossierId: string;
  action: string;
  fromStatus?: number | null;
  toStatus?: number | null;
  actorId?: string | null;
  actorRole?: Role | null;
  agencyId?: number | null;
  note?: string | null;
  data?: Prisma.InputJsonValue | null;
  visibleToApplicant?: boolean;
}

export async function appendEvent(tx: Tx, e: NewEvent): Promise<void> {
  const last = await tx.dossierEvent.findFirst({
    where: { dossierId: e.dossierId },
    orderBy: { seq: "desc" },
    select: { seq: true, hash: true },
  });
  // Millisecond precision: the column keeps milliseconds, and the hash must match what is read back.
  const at = new Date(Math.floor(Date.now()));
  const seq = (last?.seq ?? 0) + 1;
  const prevHash = last?.hash ?? null;
  const content = {
    dossierId: e.dossierId,
    seq,
    at,
    actorId: e.actorId ?? null,
    action: e.action,
    fromStatus: e.fromStatus ?? null,
    toStatus: e.toStatus ?? null,
    note: e.note ?? null,
    data: e.data ?? null,
    prevHash,
  };
  await tx.dossierEvent.create({
    data: {
      ...content,
      data: e.data ?? undefined,
      actorRole: e.actorRole ?? null,
      agencyId: e.agencyId ?? null,
      visibleToApplicant: e.visibleToApplicant ?? true,
      hash: eventHash(content),
    },
  });
}

/** Recomputes a dossier's chain from the stored events. */
export async function verifyDossierChain(tx: Tx, dossierId: string): Promise<ChainProblem[]> {
  const events = await tx.dossierEvent.findMany({ where: { dossierId }, orderBy: { seq: "asc" } });
  return verifyChain(events);
}

// The next dossier code of a receiving agency for a day. The sequence row is locked by its own
// upsert, so concurrent submissions to one agency get distinct numbers, in order; a filing takes it as its
// transaction's last write, so the lock is held for as short a time as the commit.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db/client";
import { formatDossierCode } from "./code";

export async function nextDossierCode(tx: Tx, agency: { id: number; identifier: string }, localDate: string): Promise<string> {
  const [row] = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO dossier_sequence (agency_id, day, last) VALUES (${agency.id}, ${localDate}::date, 1)
    ON CONFLICT (agency_id, day) DO UPDATE SET last = dossier_sequence.last + 1
    RETURNING last`;
  return formatDossierCode(agency.identifier, localDate, row!.last);
}

/**
 * What a dossier's code column holds inside its filing transaction until the number is taken, last (lib/filing/
 * submit.ts): unique, never a valid dossier code (isDossierCode refuses it), and never seen outside the transaction.
 */
export function provisionalDossierCode(): string {
  return `~${randomUUID()}`;
}

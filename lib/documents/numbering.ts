// Document numbers: per agency, type and year (Decree 30), in one sequence table that both the portal's own
// numbering and numbers given by an agency's system keep consistent; the incoming register has its own.
import "server-only";
import type { Tx } from "@/lib/db/client";

/** The incoming register's numbering uses its own sequence, under a type code no document has. */
export const ARRIVALS = "#DEN";

/** The next number of the year for an agency and a document type (a row lock makes it unique). */
export async function nextNumber(tx: Tx, agencyId: number, typeCode: string, year: number): Promise<number> {
  const [row] = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO document_number_sequence (agency_id, type_code, year, last) VALUES (${agencyId}, ${typeCode}, ${year}, 1)
    ON CONFLICT (agency_id, type_code, year) DO UPDATE SET last = document_number_sequence.last + 1
    RETURNING last`;
  return row!.last;
}

/** After a number the sender's own system gave: the portal must not later mint it again. */
export async function bumpSequence(tx: Tx, agencyId: number, typeCode: string, year: number, number: number): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO document_number_sequence (agency_id, type_code, year, last) VALUES (${agencyId}, ${typeCode}, ${year}, ${number})
    ON CONFLICT (agency_id, type_code, year) DO UPDATE SET last = GREATEST(document_number_sequence.last, EXCLUDED.last)`;
}

/** The abbreviation an agency signs with: central bodies their own (VPCP, BTP), provinces "UBND". */
export function issuerAbbreviation(agency: { kind: string; shortName: string }): string {
  return agency.kind === "PROVINCE" ? "UBND" : agency.shortName;
}

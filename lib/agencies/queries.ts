// Reading the agency registry.
import "server-only";
import { db } from "@/lib/db/client";
import { inForceSql } from "@/lib/agencies/succession";

export interface AgencySummary {
  identifier: string;
  name: string;
  shortName: string;
  kind: string;
  provinceCode: string | null;
  services: number;
  sampleIdentifier: boolean;
}

/** Current agencies with the number of services each offers, central bodies first. */
export async function listAgencies(): Promise<AgencySummary[]> {
  const rows = await db.$queryRaw<(Omit<AgencySummary, "services"> & { services: bigint })[]>`
    SELECT a.identifier, a.name, a.short_name AS "shortName", a.kind::text AS kind, a.province_code AS "provinceCode",
           a.sample_identifier AS "sampleIdentifier", count(s.id) AS services
    FROM agency a LEFT JOIN service s ON s.agency_id = a.id AND s.published
    WHERE ${inForceSql("a")}
    GROUP BY a.id ORDER BY (a.kind = 'PROVINCE'), a.identifier`;
  return rows.map((r) => ({ ...r, services: Number(r.services) }));
}

export async function getAgency(identifier: string) {
  return db.agency.findUnique({
    where: { identifier },
    include: { successor: { select: { identifier: true, name: true } }, parent: { select: { identifier: true, name: true } } },
  });
}

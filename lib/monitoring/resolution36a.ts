// Resolution 36a/NQ-CP progress: 100% of public services online at level 3 or 4 by the end of 2016.
// Per agency, the published services (service.published) by online level, the share at level 3–4 and
// at level 4, and how many remain below level 3; one SQL aggregate, ordered in SQL.
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { inForceSql, MONITORED_KINDS_SQL } from "@/lib/agencies/succession";

export interface LevelRow {
  agencyId: number;
  identifier: string;
  name: string;
  shortName: string;
  kind: string;
  services: number;
  level1: number;
  level2: number;
  level3: number;
  level4: number;
  /** Percent, one decimal; null when the agency publishes no service. */
  share34: number | null;
  share4: number | null;
  remaining: number;
}

const LEVEL_SORTS = ["con-lai", "ty-le", "muc-4", "ten"] as const;
export type LevelSort = (typeof LEVEL_SORTS)[number];

export function parseLevelSort(v: unknown): LevelSort {
  return typeof v === "string" && (LEVEL_SORTS as readonly string[]).includes(v) ? (v as LevelSort) : "con-lai";
}

const ORDER: Record<LevelSort, Prisma.Sql> = {
  "con-lai": Prisma.sql`x.remaining DESC, x.share34 ASC NULLS FIRST`,
  "ty-le": Prisma.sql`x.share34 ASC NULLS FIRST, x.remaining DESC`,
  "muc-4": Prisma.sql`x.share4 ASC NULLS FIRST, x.remaining DESC`,
  ten: Prisma.sql`CASE WHEN x.kind = 'PROVINCE' THEN 1 ELSE 0 END`,
};

/** Every central body and province in force (all 88+ rows), in the asked order. */
export async function levelProgress(options: { sort?: LevelSort } = {}): Promise<LevelRow[]> {
  return db.$queryRaw<LevelRow[]>`
    SELECT * FROM (
      SELECT a.id AS "agencyId", a.identifier, a.name, a.short_name AS "shortName", a.kind::text AS kind,
             count(s.id)::int AS services,
             (count(s.id) FILTER (WHERE s.online_level = 1))::int AS level1,
             (count(s.id) FILTER (WHERE s.online_level = 2))::int AS level2,
             (count(s.id) FILTER (WHERE s.online_level = 3))::int AS level3,
             (count(s.id) FILTER (WHERE s.online_level = 4))::int AS level4,
             round(100.0 * count(s.id) FILTER (WHERE s.online_level >= 3) / nullif(count(s.id), 0), 1)::float8 AS share34,
             round(100.0 * count(s.id) FILTER (WHERE s.online_level = 4) / nullif(count(s.id), 0), 1)::float8 AS share4,
             (count(s.id) FILTER (WHERE s.online_level < 3))::int AS remaining
      FROM agency a LEFT JOIN service s ON s.agency_id = a.id AND s.published
      WHERE a.kind::text IN ${MONITORED_KINDS_SQL} AND ${inForceSql("a")}
      GROUP BY a.id
    ) x
    ORDER BY ${ORDER[options.sort ?? "con-lai"]}, x."shortName", x.identifier`;
}

export interface LevelTotals {
  services: number;
  level1: number;
  level2: number;
  level3: number;
  level4: number;
  share34: number | null;
  share4: number | null;
  remaining: number;
  agencies: number;
  /** Agencies with every published service at level 3 or 4 (and at least one service). */
  agenciesReached: number;
}

/** National totals, summed from the per-agency rows the page already has (no second query). */
export function levelTotals(rows: readonly LevelRow[]): LevelTotals {
  const sum = (k: "services" | "level1" | "level2" | "level3" | "level4" | "remaining") => rows.reduce((n, r) => n + r[k], 0);
  const services = sum("services");
  const pct = (n: number) => (services === 0 ? null : Math.round((1000 * n) / services) / 10);
  return {
    services,
    level1: sum("level1"),
    level2: sum("level2"),
    level3: sum("level3"),
    level4: sum("level4"),
    share34: pct(sum("level3") + sum("level4")),
    share4: pct(sum("level4")),
    remaining: sum("remaining"),
    agencies: rows.length,
    agenciesReached: rows.filter((r) => r.services > 0 && r.remaining === 0).length,
  };
}

// Reconciliation of the dossier sync (issue 17): an agency's one-stop system sends, for one day, the dossiers it
// received that day with their status and version; the portal compares them with its synced copies of that
// agency's dossiers received the same day (Asia/Ho_Chi_Minh), counts both sides by status, lists the codes that
// differ (missing on one side, another status or version) and stores the report per agency and day (the last
// one sent for a day replaces the previous). The VPCP monitoring dashboard reads the stored reports
// (syncOverview) beside each province's sync lag.
import "server-only";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { actorAgencyId } from "@/lib/auth/actor";
import { AppError, defineUseCase } from "@/lib/auth/door";
import { db } from "@/lib/db/client";
import { dossierSyncText as t } from "@/lib/i18n/vi/dossier-sync";
import { ReconcileBody, type ReconcileReport } from "./schema";

type Difference = ReconcileReport["differences"][number];

/** The comparison itself. Pure. */
function compareSides(
  agencySide: readonly { code: string; status: number; version: number }[],
  portalSide: readonly { code: string; status: number; version: number }[],
): Pick<ReconcileReport, "agencyCounts" | "portalCounts" | "differences"> {
  const count = (rows: readonly { status: number }[]) => {
    const out: Record<string, number> = {};
    for (const r of rows) out[String(r.status)] = (out[String(r.status)] ?? 0) + 1;
    return out;
  };
  const portal = new Map(portalSide.map((r) => [r.code, r]));
  const agency = new Map(agencySide.map((r) => [r.code.trim().toUpperCase(), r]));
  const differences: Difference[] = [];
  for (const [code, a] of agency) {
    const p = portal.get(code);
    if (!p || p.status !== a.status || p.version !== a.version)
      differences.push({
        code,
        agencyStatus: a.status,
        portalStatus: p?.status ?? null,
        agencyVersion: a.version,
        portalVersion: p?.version ?? null,
      });
  }
  for (const [code, p] of portal)
    if (!agency.has(code))
      differences.push({ code, agencyStatus: null, portalStatus: p.status, agencyVersion: null, portalVersion: p.version });
  differences.sort((x, y) => x.code.localeCompare(y.code));
  return { agencyCounts: count([...agency.values()]), portalCounts: count(portalSide), differences };
}

export const reconcileDay = defineUseCase({
  name: "dossier.sync.reconcile",
  permission: "dossier.sync",
  schema: ReconcileBody,
  entityType: "sync_reconciliation",
  async run(input, { tx, actor }) {
    const agencyId = actor.kind === "agency_system" ? actorAgencyId(actor) : null;
    if (agencyId == null) throw new AppError("forbidden", t.api.notFound);
    const agency = await tx.agency.findUniqueOrThrow({ where: { id: agencyId }, select: { identifier: true } });
    // The portal's side: the dossiers of this agency's system received that day (and the
    // portal dossiers delivered to it, delivery_state not null).
    const portalSide = await tx.$queryRaw<{ code: string; status: number; version: number }[]>`
      SELECT code, status::int AS status, version FROM dossier
      WHERE (origin = 'AGENCY_SYSTEM' OR delivery_state IS NOT NULL) AND (receiving_agency_id = ${agencyId} OR holder_agency_id = ${agencyId})
        AND (submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date = ${input.date}::date`;
    const cmp = compareSides(input.dossiers, portalSide);
    const report: ReconcileReport = { agency: agency.identifier, date: input.date, ...cmp };
    const row = {
      agencyCounts: cmp.agencyCounts,
      portalCounts: cmp.portalCounts,
      differences: cmp.differences as unknown as Prisma.InputJsonArray,
      differenceCount: cmp.differences.length,
    };
    const saved = await tx.syncReconciliation.upsert({
      where: { agencyId_day: { agencyId, day: new Date(`${input.date}T00:00:00Z`) } },
      create: { agencyId, day: new Date(`${input.date}T00:00:00Z`), ...row },
      update: { ...row, createdAt: new Date() },
      select: { id: true },
    });
    return { result: report, entityId: String(saved.id), details: { date: input.date, differences: cmp.differences.length } };
  },
});

// ---- The VPCP dashboard ----------------------------------------------------------------------------------

/** The pilot provinces (issue 17): Đồng Nai and Ho Chi Minh City, listed first. */
const PILOT_PROVINCES = ["000.00.00.H19", "000.00.00.H29"] as const;

export interface ProvinceSync {
  identifier: string;
  name: string;
  pilot: boolean;
  /** Dossiers received at the province's agencies and synced by their systems. */
  synced: number;
  /** The latest synced_at of those dossiers (null: none yet). */
  lastSyncedAt: Date | null;
  /** now − lastSyncedAt, in minutes (null: never synced). */
  lagMinutes: number | null;
  /** The latest stored reconciliation report of the province's agencies. */
  reconciliation: {
    day: string;
    agencyCounts: Record<string, number>;
    portalCounts: Record<string, number>;
    differenceCount: number;
    differingCodes: string[];
  } | null;
}

/**
 * Per province (an agency tree rooted at a PROVINCE agency): the synced dossiers, the sync lag — now minus the
 * last time the province's systems told the portal anything (the newest synced_at) — and the latest
 * reconciliation. Provinces with neither synced dossiers nor reports are left out, except the pilots.
 */
export async function syncOverview(now = new Date()): Promise<ProvinceSync[]> {
  const rows = await db.$queryRaw<
    { identifier: string; name: string; synced: number; last_synced_at: Date | null; report_id: bigint | null }[]
  >`
    WITH RECURSIVE tree AS (
      SELECT id, id AS province_id FROM agency WHERE kind = 'PROVINCE'
      UNION ALL
      SELECT a.id, tree.province_id FROM agency a JOIN tree ON a.parent_id = tree.id
    ),
    synced AS (
      SELECT tree.province_id, count(*)::int AS n, max(d.synced_at) AS last
      FROM dossier d JOIN tree ON tree.id = d.receiving_agency_id
      WHERE d.synced_at IS NOT NULL GROUP BY tree.province_id
    ),
    latest AS (
      SELECT DISTINCT ON (tree.province_id) tree.province_id, r.id
      FROM sync_reconciliation r JOIN tree ON tree.id = r.agency_id
      ORDER BY tree.province_id, r.day DESC, r.created_at DESC
    )
    SELECT p.identifier, p.name, COALESCE(s.n, 0) AS synced, s.last AS last_synced_at, l.id AS report_id
    FROM agency p LEFT JOIN synced s ON s.province_id = p.id LEFT JOIN latest l ON l.province_id = p.id
    WHERE p.kind = 'PROVINCE' AND (s.n IS NOT NULL OR l.id IS NOT NULL OR p.identifier IN (${PILOT_PROVINCES[0]}, ${PILOT_PROVINCES[1]}))`;
  const ids = rows.map((r) => r.report_id).filter((x): x is bigint => x != null);
  const reports = new Map((await db.syncReconciliation.findMany({ where: { id: { in: ids } } })).map((r) => [String(r.id), r] as const));
  const pilotRank = (id: string) => {
    const i = (PILOT_PROVINCES as readonly string[]).indexOf(id);
    return i < 0 ? PILOT_PROVINCES.length : i;
  };
  return rows
    .map((r): ProvinceSync => {
      const rep = r.report_id != null ? reports.get(String(r.report_id)) : undefined;
      const diffs = rep ? z.array(z.object({ code: z.string() })).safeParse(rep.differences) : null;
      return {
        identifier: r.identifier,
        name: r.name,
        pilot: pilotRank(r.identifier) < PILOT_PROVINCES.length,
        synced: r.synced,
        lastSyncedAt: r.last_synced_at,
        lagMinutes: r.last_synced_at ? Math.max(0, Math.floor((now.getTime() - r.last_synced_at.getTime()) / 60_000)) : null,
        reconciliation: rep
          ? {
              day: rep.day.toISOString().slice(0, 10),
              agencyCounts: rep.agencyCounts as Record<string, number>,
              portalCounts: rep.portalCounts as Record<string, number>,
              differenceCount: rep.differenceCount,
              differingCodes: diffs?.success ? diffs.data.map((d) => d.code).slice(0, 20) : [],
            }
          : null,
      };
    })
    .sort((a, b) => pilotRank(a.identifier) - pilotRank(b.identifier) || a.name.localeCompare(b.name, "vi"));
}

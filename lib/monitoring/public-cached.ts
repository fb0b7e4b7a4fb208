// The public statistics as one cached snapshot: the page and every download read the same snapshot, so
// a CSV or JSON always equals the page it was downloaded from, and the aggregates run at most once a
// minute however many people look (the figures move by the day, not the second).
import "server-only";
import { unstable_cache } from "next/cache";
import { countStates, integrationOverview } from "./integration";
import { agencyYearTable, nationalMonthly, nationalYear, publicIntegrationTable, type PublicRow, type PublicTable } from "./public-stats";

/** Seconds a snapshot is served before the aggregates run again. */
const PUBLIC_STATS_REVALIDATE = 60;
const PUBLIC_STATS_TAG = "public-stats";

async function snapshot() {
  const [year, monthly, agencies, integration, overview] = await Promise.all([
    nationalYear(),
    nationalMonthly(),
    agencyYearTable(),
    publicIntegrationTable(),
    integrationOverview(),
  ]);
  // Only plain values: the cache stores JSON.
  return { takenAt: new Date().toISOString(), year, monthly, agencies, integration, states: countStates(overview) };
}

export const publicStatsSnapshot = unstable_cache(snapshot, ["public-stats:snapshot"], {
  revalidate: PUBLIC_STATS_REVALIDATE,
  tags: [PUBLIC_STATS_TAG],
});

export function snapshotTable(s: Awaited<ReturnType<typeof snapshot>>, table: PublicTable): PublicRow[] {
  switch (table) {
    case "toan-quoc-theo-thang":
      return s.monthly;
    case "theo-co-quan":
      return s.agencies;
    case "ket-noi":
      return s.integration;
  }
}

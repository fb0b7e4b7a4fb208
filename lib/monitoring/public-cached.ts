// The public statistics as one cached snapshot: the page and every download read the same snapshot, so
// a CSV or JSON equals the page it was downloaded from, and the aggregates run about once a minute however
// many people look (the figures move by the day, not the second).
//
// The page says when its figures were computed ("Số liệu tính lúc …, cập nhật mỗi phút"), so that must be
// true. Next's data cache (unstable_cache) is stale-while-revalidate: once `revalidate` has passed, the next
// read is still served the old entry while a new one is computed in the background. After a quiet hour the
// first visitor was shown figures (and a stamp) an hour old, and the second visitor the fresh ones: the stamp
// was stale exactly when nobody had looked for a while. `publicStatsSnapshot` therefore never serves a
// snapshot older than PUBLIC_STATS_MAX_AGE_MS: an older one is recomputed at once (one computation per process
// at a time, however many requests ask), while Next's background revalidation stores the new entry for the
// other requests and nodes.
import "server-only";
import { unstable_cache } from "next/cache";
import { freshSnapshots } from "./fresh-snapshot";
import { countStates, integrationOverview } from "./integration";
import { agencyYearTable, nationalMonthly, nationalYear, publicIntegrationTable, type PublicRow, type PublicTable } from "./public-stats";

/** Seconds a snapshot is served before the aggregates run again. */
const PUBLIC_STATS_REVALIDATE = 60;
const PUBLIC_STATS_TAG = "public-stats";
/** The oldest snapshot ever shown: the interval the page states ("cập nhật mỗi phút"), plus the computing time. */
const PUBLIC_STATS_MAX_AGE_MS = PUBLIC_STATS_REVALIDATE * 1000 + 10_000;

async function snapshot() {
  // One instant for every figure: the stamp is the moment the figures describe.
  const now = new Date();
  const [year, monthly, agencies, integration, overview] = await Promise.all([
    nationalYear({ now }),
    nationalMonthly({ now }),
    agencyYearTable({ now }),
    publicIntegrationTable({ now }),
    integrationOverview({ now }),
  ]);
  // Only plain values: the cache stores JSON.
  return { takenAt: now.toISOString(), year, monthly, agencies, integration, states: countStates(overview) };
}

type PublicStatsSnapshot = Awaited<ReturnType<typeof snapshot>>;

const cachedSnapshot = unstable_cache(snapshot, ["public-stats:snapshot"], {
  revalidate: PUBLIC_STATS_REVALIDATE,
  tags: [PUBLIC_STATS_TAG],
});

export const publicStatsSnapshot = freshSnapshots(cachedSnapshot, snapshot, PUBLIC_STATS_MAX_AGE_MS);

export function snapshotTable(s: PublicStatsSnapshot, table: PublicTable): PublicRow[] {
  switch (table) {
    case "toan-quoc-theo-thang":
      return s.monthly;
    case "theo-co-quan":
      return s.agencies;
    case "ket-noi":
      return s.integration;
  }
}

// The public catalog's reads, cached for everyone: the catalog changes rarely (an agency admin edits a
// service, a seed adds procedures) and is read on every public page. A change shows within a minute:
// these entries expire after CATALOG_REVALIDATE seconds, and so do the cached pages built from them
// (`revalidate` on the home and service pages), so the worst case is two periods back to back.
import "server-only";
import { unstable_cache, updateTag } from "next/cache";
import { listAgencies } from "@/lib/agencies/queries";
import { catalogTotals, fieldCounts, getProcedureByCode, getServiceByCode, levelCounts, listCatalog } from "./queries";

/** Seconds a cached catalog read (or page) may be served before it is read again. */
const CATALOG_REVALIDATE = 30;
/** revalidateTag(CATALOG_TAG, …) drops every cached catalog read at once. */
const CATALOG_TAG = "catalog";

const opts = { revalidate: CATALOG_REVALIDATE, tags: [CATALOG_TAG] };

/**
 * Expires this node's cached catalog reads at once (a server action that changed what they show: the
 * search synonyms); other nodes read again within CATALOG_REVALIDATE seconds. Server actions only.
 */
export function expireCatalogReads(): void {
  updateTag(CATALOG_TAG);
}

export const cachedListCatalog = unstable_cache(listCatalog, ["catalog:list"], opts);
export const cachedListAgencies = unstable_cache(listAgencies, ["catalog:agencies"], opts);
export const cachedFieldCounts = unstable_cache(fieldCounts, ["catalog:fields"], opts);
export const cachedLevelCounts = unstable_cache(levelCounts, ["catalog:levels"], opts);
export const cachedCatalogTotals = unstable_cache(catalogTotals, ["catalog:totals"], opts);
export const cachedServiceByCode = unstable_cache(getServiceByCode, ["catalog:service"], opts);
export const cachedProcedureByCode = unstable_cache(getProcedureByCode, ["catalog:procedure"], opts);

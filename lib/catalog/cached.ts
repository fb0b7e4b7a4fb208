// The public catalog's reads, cached for everyone: the catalog changes rarely (an agency admin edits a
// service, a seed adds procedures) and is read on every public page. The cache is shared by every app node
// (lib/cache/next-cache-handler.mjs, NEXT_CACHE=shared): a writer of the catalog expires CATALOG_TAG in its own
// transaction (lib/cache/shared-tags.ts), so every node reads the change at once. Otherwise (NEXT_CACHE=local)
// an entry expires after CATALOG_REVALIDATE seconds on the nodes that did not make the change.
import "server-only";
import { unstable_cache, updateTag } from "next/cache";
import { listAgencies } from "@/lib/agencies/queries";
import { CATALOG_TAG } from "@/lib/cache/shared-tags";
import { catalogTotals, fieldCounts, getProcedureByCode, getServiceByCode, levelCounts, listCatalog } from "./queries";

/** Seconds a cached catalog read (or page) may be served before it is read again. */
const CATALOG_REVALIDATE = 30;

const opts = { revalidate: CATALOG_REVALIDATE, tags: [CATALOG_TAG] };

/**
 * Expires the cached catalog reads once a change has committed (server actions only): in the shared cache on
 * every node, with NEXT_CACHE=local on this node (the others read again within CATALOG_REVALIDATE seconds).
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

// Cache tags expired for every app node, from inside the transaction of the change that makes them stale. The
// shared cache (lib/cache/next-cache-handler.mjs) misses an entry whose tag was expired at or after it was
// stored, whichever node stored it or reads it. A server action also calls updateTag once the change has
// committed (lib/catalog/cached.ts), which expires the tag again after the commit and, with NEXT_CACHE=local,
// on its own node.
import "server-only";
import type { Tx } from "@/lib/db/client";

/** The tag of every cached catalog read (lib/catalog/cached.ts, lib/catalog/procedure-form.ts). */
export const CATALOG_TAG = "catalog";

/** Marks the tags expired in the shared cache's table, in the caller's transaction (database clock). */
async function expireSharedTags(tx: Tx, tags: readonly string[]): Promise<void> {
  if (tags.length === 0) return;
  await tx.$executeRaw`INSERT INTO next_cache_tag (tag, revalidated_at)
    SELECT DISTINCT unnest(${[...tags]}::text[]), clock_timestamp()
    ON CONFLICT (tag) DO UPDATE SET revalidated_at = excluded.revalidated_at`;
}

/** The catalog changed (a service, a procedure's form, an agency, a search synonym): every node reads it again. */
export function expireCatalogEverywhere(tx: Tx): Promise<void> {
  return expireSharedTags(tx, [CATALOG_TAG]);
}

// The shared cache handler (lib/cache/next-cache-handler.mjs): two handler instances on one database stand for
// two app nodes. What one stores the other reads; a tag one expires (or a catalog writer's transaction expires)
// is a miss on the other; another build never reads the entry; a database that does not answer is a miss.
import { afterAll, describe, expect, it, vi } from "vitest";
import PostgresCacheHandler, { closeCachePools, decodeValue, encodeValue } from "@/lib/cache/next-cache-handler.mjs";
import { CATALOG_TAG, expireCatalogEverywhere } from "@/lib/cache/shared-tags";
import { db } from "@/lib/db/client";
import { freePort } from "@/lib/db/embedded";

const url = () => process.env.DATABASE_URL!;
const node = (buildId = "build-1") => new PostgresCacheHandler({ databaseUrl: url(), buildId });

/** What unstable_cache stores: a FETCH entry whose body is the JSON of the function's result. */
function fetchEntry(result: unknown, tags = [CATALOG_TAG]) {
  return {
    kind: "FETCH",
    data: { headers: {}, body: JSON.stringify(result), status: 200, url: "" },
    revalidate: 30,
    tags,
  };
}
const fetchCtx = (tags = [CATALOG_TAG]) => ({ kind: "FETCH", fetchCache: true, tags, softTags: ["_N_T_/layout"], revalidate: 30 });

let n = 0;
const newKey = () => `test-key-${Date.now()}-${n++}`;

afterAll(async () => {
  await closeCachePools();
});

describe("the shared cache handler", () => {
  it("serves on node B what node A stored", async () => {
    const [a, b] = [node(), node()];
    const key = newKey();
    expect(await b.get(key, fetchCtx())).toBeNull();
    await a.set(key, fetchEntry({ name: "Cấp hộ chiếu" }), fetchCtx());
    const hit = await b.get(key, fetchCtx());
    expect(hit?.value).toEqual(fetchEntry({ name: "Cấp hộ chiếu" }));
    expect(Math.abs(hit!.lastModified - Date.now())).toBeLessThan(10_000);
    const row = await db.nextCacheEntry.findUniqueOrThrow({ where: { buildId_key: { buildId: "build-1", key } } });
    expect(row.tags).toEqual([CATALOG_TAG]);
    expect(row.revalidate).toBe(30);
  });

  it("misses on node B once node A expired a tag the entry carries, until it is stored again", async () => {
    const [a, b] = [node(), node()];
    const key = newKey();
    await a.set(key, fetchEntry(1), fetchCtx());
    expect(await b.get(key, fetchCtx())).not.toBeNull();
    await a.revalidateTag([CATALOG_TAG]);
    expect(await b.get(key, fetchCtx())).toBeNull();
    expect(await a.get(key, fetchCtx())).toBeNull();
    // Stored again after the expiry: a hit everywhere.
    await b.set(key, fetchEntry(2), fetchCtx());
    expect((await a.get(key, fetchCtx()))?.value).toEqual(fetchEntry(2));
    // Another tag leaves it alone.
    await a.revalidateTag("something-else");
    expect(await b.get(key, fetchCtx())).not.toBeNull();
  });

  it("misses after a catalog writer's transaction expired the catalog tag", async () => {
    const [a, b] = [node(), node()];
    const key = newKey();
    await a.set(key, fetchEntry("before"), fetchCtx());
    await db.$transaction((tx) => expireCatalogEverywhere(tx));
    expect(await b.get(key, fetchCtx())).toBeNull();
    const tag = await db.nextCacheTag.findUniqueOrThrow({ where: { tag: CATALOG_TAG } });
    expect(Date.now() - tag.revalidatedAt.getTime()).toBeLessThan(60_000);
  });

  it("misses when a tag of the reader's (a page's implicit tag) was expired", async () => {
    const [a, b] = [node(), node()];
    const key = newKey();
    await a.set(key, fetchEntry("x", []), fetchCtx([]));
    expect(await b.get(key, fetchCtx([]))).not.toBeNull();
    await a.revalidateTag("_N_T_/layout");
    expect(await b.get(key, fetchCtx([]))).toBeNull();
  });

  it("keeps builds apart, and a new build clears the old build's entries", async () => {
    const key = newKey();
    await node("build-old").set(key, fetchEntry("old"), fetchCtx());
    expect(await node("build-old").get(key, fetchCtx())).not.toBeNull();
    const fresh = node(`build-new-${n++}`);
    expect(await fresh.get(key, fetchCtx())).toBeNull();
    // The new build's first use deleted the other builds' entries.
    expect(await db.nextCacheEntry.count({ where: { buildId: "build-old" } })).toBe(0);
  });

  it("round-trips what a page entry holds: Buffers, a Map of Buffers, headers, and look-alike objects", async () => {
    const [a, b] = [node(), node()];
    const key = newKey();
    const page = {
      kind: "APP_PAGE",
      html: "<p>Dịch vụ công \u0000 trực tuyến</p>",
      rscData: Buffer.from([0, 1, 2, 250, 255]),
      headers: { "x-next-cache-tags": `${CATALOG_TAG},_N_T_/trang-chu` },
      status: 200,
      postponed: undefined,
      segmentData: new Map([["/_tree", Buffer.from("tree")]]),
      odd: { $b: "not a buffer", $m: 1 },
    };
    await a.set(key, page, { cacheControl: { revalidate: 30, expire: 3600 } });
    const hit = await b.get(key, { kind: "APP_PAGE" });
    const value = hit?.value as typeof page;
    expect(Buffer.isBuffer(value.rscData)).toBe(true);
    expect([...value.rscData]).toEqual([0, 1, 2, 250, 255]);
    expect(value.segmentData).toBeInstanceOf(Map);
    expect(value.segmentData.get("/_tree")?.toString()).toBe("tree");
    expect(value.odd).toEqual({ $b: "not a buffer", $m: 1 });
    expect(value.html).toBe(page.html);
    expect(hit?.cacheControl).toEqual({ revalidate: 30, expire: 3600 });
    // The page's tags come from its header: expiring one misses it.
    await a.revalidateTag("_N_T_/trang-chu");
    expect(await b.get(key, { kind: "APP_PAGE" })).toBeNull();
    expect(decodeValue(encodeValue(null))).toBeNull();
  });

  it("is a miss, never an error, when the database does not answer", async () => {
    const broken = new PostgresCacheHandler({ databaseUrl: `postgres://nobody:x@127.0.0.1:${await freePort()}/none`, buildId: "build-1" });
    const logged = vi.spyOn(console, "error");
    const started = Date.now();
    try {
      await expect(broken.get(newKey(), fetchCtx())).resolves.toBeNull();
      await expect(broken.set(newKey(), fetchEntry(1), fetchCtx())).resolves.toBeUndefined();
      await expect(broken.revalidateTag(CATALOG_TAG)).resolves.toBeUndefined();
      await expect(broken.get(newKey(), fetchCtx())).resolves.toBeNull();
      expect(Date.now() - started).toBeLessThan(5_000);
      // One line for the outage, not one per request.
      expect(logged.mock.calls.filter((c) => String(c[0]).includes("shared cache"))).toHaveLength(1);
    } finally {
      logged.mockRestore();
    }
  });

  it("is a miss when the tables are missing (a database not migrated)", async () => {
    // This file's own copy of the database: its cache tables are moved aside, then put back.
    await db.$executeRawUnsafe(`ALTER TABLE next_cache_entry RENAME TO next_cache_entry_aside`);
    await db.$executeRawUnsafe(`ALTER TABLE next_cache_tag RENAME TO next_cache_tag_aside`);
    const logged = vi.spyOn(console, "error");
    try {
      const bare = new PostgresCacheHandler({ databaseUrl: url(), buildId: "build-bare" });
      await expect(bare.get(newKey(), fetchCtx())).resolves.toBeNull();
      await expect(bare.set(newKey(), fetchEntry(1), fetchCtx())).resolves.toBeUndefined();
      expect(logged.mock.calls.some((c) => String(c[0]).includes("42P01"))).toBe(true);
    } finally {
      logged.mockRestore();
      await db.$executeRawUnsafe(`ALTER TABLE next_cache_entry_aside RENAME TO next_cache_entry`);
      await db.$executeRawUnsafe(`ALTER TABLE next_cache_tag_aside RENAME TO next_cache_tag`);
    }
  });
});

// Next's data cache (unstable_cache, the fetch cache, ISR pages) in PostgreSQL, shared by every app node:
// an entry one node stores is read by the others, and a tag one node expires (updateTag, revalidateTag,
// revalidatePath, or a catalog writer's transaction through lib/cache/shared-tags.ts) is a miss on all of them.
// Next loads this file itself, outside the app's bundle (next.config.ts `cacheHandler`), and makes a new
// instance per request: the connection pools live in module scope, one per database URL.
//
// Tables (prisma/migrations/*_next_cache): next_cache_entry (build_id, key) → value, tags, last_modified;
// next_cache_tag (tag) → revalidated_at. An entry is a miss when one of its tags was expired at or after it was
// stored, both times read from the database's clock. Entries are keyed by build id, so a new deploy never reads
// an old build's entries; the first use in a process deletes the other builds' entries.
//
// The cache must never break a page: a database error (down, unreachable, the tables missing) is a miss, a
// store or an expiry that fails is skipped; the first failure of an outage is logged, and for a few seconds
// after it the database is not asked again.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

/** Seconds a failed database is left alone before it is asked again. */
const RETRY_AFTER_MS = 5_000;

/** One pool per database URL, with the state of its outage. @type {Map<string, {pool: pg.Pool, downUntil: number, failing: boolean, housekept: Set<string>}>} */
const databases = new Map();
let warnedNoDatabase = false;

function logLine(level, msg, extra = {}) {
  // A JSON line like the app's logger (lib/ops/log); no connection string, no cached value.
  const line = JSON.stringify({ level, time: Date.now(), msg, component: "next-cache", ...extra });
  if (level === "info") console.log(line);
  else console.error(line);
}

function database(url) {
  let db = databases.get(url);
  if (!db) {
    const pool = new pg.Pool({
      connectionString: url,
      max: Number(process.env.NEXT_CACHE_POOL_SIZE || 4),
      connectionTimeoutMillis: 5_000,
      query_timeout: 5_000,
      idleTimeoutMillis: 10_000,
      allowExitOnIdle: true,
    });
    // An idle connection cut by the server must not take the process down.
    pool.on("error", () => {});
    db = { pool, downUntil: 0, failing: false, housekept: new Set() };
    databases.set(url, db);
  }
  return db;
}

/** Runs a query unless the database failed a moment ago; null (and one log line per outage) on failure. */
async function run(db, what, sql, params) {
  if (Date.now() < db.downUntil) return null;
  try {
    const result = await db.pool.query(sql, params);
    if (db.failing) {
      db.failing = false;
      logLine("info", "shared cache: database reachable again");
    }
    return result;
  } catch (err) {
    db.downUntil = Date.now() + RETRY_AFTER_MS;
    if (!db.failing) {
      db.failing = true;
      const e = /** @type {{code?: string, message?: string}} */ (err);
      logLine("warn", `shared cache: ${what} failed, served as a cache miss until the database answers`, {
        code: e?.code,
        error: String(e?.message ?? err).slice(0, 200),
      });
    }
    return null;
  }
}

// --- Serialisation: what Next stores holds Buffers (rscData, an APP_ROUTE body, segment data) and Maps
// (segmentData); both are tagged in the JSON and restored on the way back. An ordinary object that happens to
// have one of the tag keys is escaped, so any value round-trips.

const TAGS = ["$b", "$m", "$o"];

/** @param {unknown} value */
export function encodeValue(value) {
  return JSON.stringify(value, function (key, v) {
    const raw = this[key];
    if (raw instanceof Uint8Array) return { $b: Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString("base64") };
    if (raw instanceof Map) return { $m: [...raw.entries()] };
    if (v && typeof v === "object" && !Array.isArray(v) && TAGS.some((t) => Object.hasOwn(v, t))) return { $o: Object.entries(v) };
    return v;
  });
}

/** @param {string} text */
export function decodeValue(text) {
  return JSON.parse(text, (_key, v) => {
    if (v && typeof v === "object" && !Array.isArray(v)) {
      const keys = Object.keys(v);
      if (keys.length === 1) {
        if (keys[0] === "$b" && typeof v.$b === "string") return Buffer.from(v.$b, "base64");
        if (keys[0] === "$m" && Array.isArray(v.$m)) return new Map(v.$m);
        if (keys[0] === "$o" && Array.isArray(v.$o)) return Object.fromEntries(v.$o);
      }
    }
    return v;
  });
}

// --- The build an entry belongs to.

const buildIds = new Map();

function buildIdOf(ctx) {
  if (ctx.buildId) return String(ctx.buildId);
  if (process.env.NEXT_CACHE_BUILD_ID) return process.env.NEXT_CACHE_BUILD_ID;
  const dir = ctx.serverDistDir ?? path.join(process.cwd(), ".next", "server");
  let id = buildIds.get(dir);
  if (id === undefined) {
    try {
      id = fs.readFileSync(path.join(dir, "..", "BUILD_ID"), "utf8").trim();
    } catch {
      id = ctx.dev ? "development" : "unknown";
    }
    buildIds.set(dir, id);
  }
  return id;
}

/** The tags an entry carries: a fetch entry's own, a page's from its x-next-cache-tags header. */
function tagsOf(data, ctx) {
  if (!data) return [];
  if (data.kind === "FETCH") return [...new Set([...(ctx?.tags ?? []), ...(data.tags ?? [])])];
  const header = data.headers?.["x-next-cache-tags"];
  return typeof header === "string" && header ? header.split(",") : [];
}

function revalidateOf(data, ctx) {
  const r = data?.kind === "FETCH" ? (ctx?.revalidate ?? data.revalidate) : ctx?.cacheControl?.revalidate;
  return typeof r === "number" && Number.isFinite(r) && r >= 0 && r < 2 ** 31 ? Math.round(r) : null;
}

export default class PostgresCacheHandler {
  /**
   * @param {{ serverDistDir?: string, dev?: boolean, databaseUrl?: string, buildId?: string }} ctx Next's
   *   CacheHandlerContext; `databaseUrl` and `buildId` are for tests (otherwise DATABASE_URL and .next/BUILD_ID).
   */
  constructor(ctx = {}) {
    const url = ctx.databaseUrl ?? process.env.DATABASE_URL;
    this.buildId = buildIdOf(ctx);
    this.db = url ? database(url) : null;
    if (!this.db && !warnedNoDatabase) {
      warnedNoDatabase = true;
      logLine("warn", "shared cache: DATABASE_URL is not set, nothing is cached (set NEXT_CACHE=local for Next's own cache)");
    }
  }

  /** Once per process and build: the other builds' entries, and tag rows older than every entry, go. */
  async housekeep() {
    const db = this.db;
    if (!db || db.housekept.has(this.buildId)) return;
    db.housekept.add(this.buildId);
    await run(db, "housekeeping", "DELETE FROM next_cache_entry WHERE build_id <> $1", [this.buildId]);
    await run(
      db,
      "housekeeping",
      "DELETE FROM next_cache_tag WHERE revalidated_at < (SELECT coalesce(min(stored_at), clock_timestamp()) FROM next_cache_entry)",
      [],
    );
  }

  async get(key, ctx = {}) {
    if (!this.db) return null;
    await this.housekeep();
    const asked = ctx.kind === "FETCH" ? [...(ctx.tags ?? []), ...(ctx.softTags ?? [])] : [];
    const result = await run(
      this.db,
      "read",
      `SELECT e.value::text AS value, e.last_modified, e.cache_control::text AS cache_control
         FROM next_cache_entry e
        WHERE e.build_id = $1 AND e.key = $2
          AND NOT EXISTS (SELECT 1 FROM next_cache_tag t
                           WHERE t.tag = ANY (e.tags || $3::text[]) AND t.revalidated_at >= e.stored_at)`,
      [this.buildId, key, asked],
    );
    const row = result?.rows[0];
    if (!row) return null;
    try {
      return {
        lastModified: Number(row.last_modified),
        value: decodeValue(row.value),
        ...(row.cache_control ? { cacheControl: JSON.parse(row.cache_control) } : {}),
      };
    } catch {
      return null;
    }
  }

  async set(key, data, ctx = {}) {
    if (!this.db) return;
    await this.housekeep();
    const cacheControl = ctx.fetchCache || !ctx.cacheControl ? null : JSON.stringify(ctx.cacheControl);
    await run(
      this.db,
      "store",
      `INSERT INTO next_cache_entry (build_id, key, value, tags, last_modified, revalidate, cache_control, stored_at)
       VALUES ($1, $2, $3::json, $4::text[], $5, $6, $7::json, clock_timestamp())
       ON CONFLICT (build_id, key) DO UPDATE SET value = excluded.value, tags = excluded.tags,
         last_modified = excluded.last_modified, revalidate = excluded.revalidate,
         cache_control = excluded.cache_control, stored_at = excluded.stored_at`,
      [this.buildId, key, encodeValue(data ?? null), tagsOf(data, ctx), Date.now(), revalidateOf(data, ctx), cacheControl],
    );
  }

  /**
   * Expires the tags on every node at once. A stale-while-revalidate profile (`revalidateTag(tag, "max")`)
   * expires them as well: the next read on any node is a miss rather than a stale hit.
   * @param {string | string[]} tags
   */
  async revalidateTag(tags, _durations) {
    if (!this.db) return;
    const list = (typeof tags === "string" ? [tags] : tags).filter(Boolean);
    if (list.length === 0) return;
    await run(
      this.db,
      "tag expiry",
      `INSERT INTO next_cache_tag (tag, revalidated_at) SELECT DISTINCT unnest($1::text[]), clock_timestamp()
       ON CONFLICT (tag) DO UPDATE SET revalidated_at = excluded.revalidated_at`,
      [list],
    );
  }

  resetRequestCache() {}
}

/** Closes the pools (tests; a server process just exits). */
export async function closeCachePools() {
  const all = [...databases.values()];
  databases.clear();
  await Promise.all(all.map((d) => d.pool.end().catch(() => {})));
}

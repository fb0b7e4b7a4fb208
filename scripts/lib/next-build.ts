// The production build as the demo and the benchmark use it: is it older than the sources, and the runtime
// caches a server on another database must not inherit.
import fs from "node:fs";
import path from "node:path";

const root = process.cwd();
export const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

/** What the build is made from: a change to any of these makes it stale. */
const SOURCES = ["app", "components", "lib", "public", "prisma/schema.prisma", "next.config.ts", "package-lock.json"];

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const name of fs.readdirSync(p)) {
    if (name === "generated" || name === "node_modules") continue;
    max = Math.max(max, newestMtime(path.join(p, name)));
  }
  return max;
}

export function buildIsStale(): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const built = fs.statSync(buildId).mtimeMs;
  return SOURCES.some((s) => newestMtime(path.join(root, s)) > built);
}

/**
 * The pages and catalog reads cached at run time (ISR, unstable_cache) persist under .next across restarts;
 * they belong to the database they were read from, so a server on another database starts without them.
 * That is Next's own cache (NEXT_CACHE=local). The shared cache (NEXT_CACHE=shared, docs/cache.md) keeps them in
 * the database they were read from (next_cache_entry), where nothing needs clearing: a new build's first use
 * deletes the previous builds' entries.
 */
export function clearRuntimeCaches(): void {
  for (const dir of [path.join(root, ".next", "server", "route-cache"), path.join(root, ".next", "cache", "fetch-cache")]) {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

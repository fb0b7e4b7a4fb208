import path from "node:path";
import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { securityHeaders } from "./lib/security/headers";

const PUBLIC_ASSETS = ["/emblem.svg", "/icon-192.png", "/icon-512.png", "/icon-maskable-512.png"];
const PUBLIC_ASSET_CACHE = { key: "Cache-Control", value: "public, max-age=86400, stale-while-revalidate=604800" };

/** The catalog listing's query parameters (lib/catalog/params.ts). */
const CATALOG_PARAMS = ["q", "co-quan", "linh-vuc", "muc-do", "doi-tuong", "cap", "sau", "truoc", "trang", "cuoi"];

/**
 * NEXT_CACHE=shared (the default): Next's data cache (the catalog's unstable_cache reads, ISR) lives in
 * PostgreSQL and is shared by every app node (lib/cache/next-cache-handler.mjs, docs/cache.md), with no copy
 * kept in each process's memory. NEXT_CACHE=local: Next's own cache, in this node's memory and `.next`.
 */
const sharedCache = (process.env.NEXT_CACHE || "shared") !== "local";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  ...(sharedCache ? { cacheHandler: path.join(process.cwd(), "lib/cache/next-cache-handler.mjs"), cacheMaxMemorySize: 0 } : {}),
  typedRoutes: false,
  experimental: {
    authInterrupts: true,
    // A document composed in the portal carries its attachments in the form post (20 MB in all, see
    // lib/documents/attachments.ts); every other action's body stays small and is checked by its schema.
    serverActions: { bodySizeLimit: "21mb" },
  },
  // pino and prom-client: the custom server (scripts/server.mjs) and the app load one copy of each, so they share the registry.
  serverExternalPackages: ["@node-rs/argon2", "@electric-sql/pglite", "@electric-sql/pglite-socket", "pino", "prom-client"],
  // The home page (app/(public)/trang-chu/[v]) and the catalog's unfiltered first and last pages
  // (app/(public)/danh-muc/[trang]) read cached data (lib/catalog/cached.ts); like every page they are rendered
  // per request, since each response carries its own script nonce (proxy.ts).
  async rewrites() {
    const others = (keep?: string) => CATALOG_PARAMS.filter((k) => k !== keep).map((key) => ({ type: "query" as const, key }));
    return {
      beforeFiles: [
        // "/en" reaches /trang-chu/en through proxy.ts.
        { source: "/", destination: "/trang-chu/vi" },
        { source: "/thu-tuc", missing: others(), destination: "/danh-muc/dau" },
        { source: "/thu-tuc", has: [{ type: "query", key: "cuoi" }], missing: others("cuoi"), destination: "/danh-muc/cuoi" },
      ],
      afterFiles: [],
      fallback: [],
    };
  },
  async headers() {
    return [
      // The Content-Security-Policy (a nonce per request) and Strict-Transport-Security (HTTPS only) are set by proxy.ts.
      { source: "/:path*", headers: securityHeaders() },
      // public/: the portal's mark and the manifest's icons. Their names carry no hash, so a day fresh and a
      // week served stale while revalidating, rather than Next's default of revalidating on every request.
      ...PUBLIC_ASSETS.map((source) => ({ source, headers: [PUBLIC_ASSET_CACHE] })),
    ];
  },
};

// The message catalog (lib/i18n/messages) and the request's language (lib/i18n/request.ts; English pages: proxy.ts).
const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

export default withNextIntl(nextConfig);

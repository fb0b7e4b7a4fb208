import type { NextConfig } from "next";
import { HSTS, securityHeaders } from "./lib/security/headers";

const dev = process.env.NODE_ENV === "development";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  typedRoutes: false,
  experimental: { authInterrupts: true },
  serverExternalPackages: ["@node-rs/argon2", "@electric-sql/pglite", "@electric-sql/pglite-socket"],
  // The home page is rendered on first request and cached (see app/(public)/trang-chu/[v]/page.tsx).
  async rewrites() {
    return { beforeFiles: [{ source: "/", destination: "/trang-chu/vi" }], afterFiles: [], fallback: [] };
  },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders(dev) },
      { source: "/:path*", has: [{ type: "header", key: "x-forwarded-proto", value: "https" }], headers: [HSTS] },
    ];
  },
};

export default nextConfig;

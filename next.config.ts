import type { NextConfig } from "next";
import { HSTS, securityHeaders } from "./lib/security/headers";

const dev = process.env.NODE_ENV === "development";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  typedRoutes: false,
  experimental: {
    authInterrupts: true,
    // A document composed in the portal carries its attachments in the form post (20 MB in all, see
    // lib/documents/attachments.ts); every other action's body stays small and is checked by its schema.
    serverActions: { bodySizeLimit: "21mb" },
  },
  serverExternalPackages: ["@node-rs/argon2", "@electric-sql/pglite", "@electric-sql/pglite-socket"],
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders(dev) },
      { source: "/:path*", has: [{ type: "header", key: "x-forwarded-proto", value: "https" }], headers: [HSTS] },
    ];
  },
};

export default nextConfig;

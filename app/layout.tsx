import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import { SiteHeader } from "@/components/layout/SiteHeader";
import { SiteFooterLinks } from "@/components/layout/SiteFooterLinks";
import { commonText } from "@/lib/i18n/vi/common";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: commonText.siteName, template: `%s | ${commonText.siteName}` },
  description: commonText.siteTagline,
  applicationName: commonText.siteName,
  // favicon.ico, icon.svg, apple-icon.png and manifest.ts beside this file add their own <link> tags.
};

// The browser's UI colour is the site header's (brand-800 in globals.css, as in manifest.ts).
export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#8a1c16" };

// Every page is rendered per request: each response carries its own Content-Security-Policy nonce (proxy.ts),
// which Next puts on the page's scripts as it renders, so no page may be prerendered or served from the page
// cache (a cached page's scripts would carry a stale nonce, and the browser would refuse them). Public
// pages' data stay cached (lib/catalog/cached.ts, lib/monitoring/public-cached.ts).

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return (
    <html lang="vi">
      <body className="flex min-h-screen flex-col">
        <a href="#noi-dung" className="skip-link">
          {commonText.skipToContent}
        </a>
        <SiteHeader />
        <main id="noi-dung" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
          {children}
        </main>
        <footer className="border-t border-slate-200 bg-white">
          <SiteFooterLinks />
          <p className="mx-auto max-w-6xl px-4 py-4 text-sm text-slate-700">{commonText.footer}</p>
        </footer>
      </body>
    </html>
  );
}

import type { Metadata, Viewport } from "next";
import { SiteHeader } from "@/components/layout/SiteHeader";
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

// No page is prerendered against a build-time database: pages that read the session are dynamic by
// themselves (cookies), public catalog pages are rendered on first request and then cached (ISR, see
// app/(public)/trang-chu and thu-tuc/[code]), and the few public pages that read the database
// without either say `dynamic = "force-dynamic"` themselves.

export default function RootLayout({ children }: { children: React.ReactNode }) {
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
          <p className="mx-auto max-w-6xl px-4 py-4 text-sm text-slate-700">{commonText.footer}</p>
        </footer>
      </body>
    </html>
  );
}

import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { SiteHeader } from "@/components/layout/SiteHeader";
import { SiteFooterLinks } from "@/components/layout/SiteFooterLinks";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return {
    title: { default: t("siteName"), template: `%s | ${t("siteName")}` },
    description: t("siteTagline"),
    applicationName: t("siteName"),
    // favicon.ico, icon.svg, apple-icon.png and manifest.ts beside this file add their own <link> tags.
  };
}

// The browser's UI colour is the site header's (brand-800 in globals.css, as in manifest.ts).
export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#8a1c16" };

// Every page is rendered per request: each response carries its own Content-Security-Policy nonce (proxy.ts),
// which Next puts on the page's scripts as it renders, so no page may be prerendered or served from the page
// cache (a cached page's scripts would carry a stale nonce, and the browser would refuse them). Public
// pages' data stay cached (lib/catalog/cached.ts, lib/monitoring/public-cached.ts).
// The language is the request's (English under /en: proxy.ts, lib/i18n/request.ts). The layout is not
// rendered again on a client-side navigation, so links stay in one language; the switch reloads the page.

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection();
  const [locale, t, messages] = await Promise.all([getLocale(), getTranslations("common"), getMessages()]);
  return (
    <html lang={locale}>
      <body className="flex min-h-screen flex-col">
        <a href="#noi-dung" className="skip-link">
          {t("skipToContent")}
        </a>
        {/* The client components that need words (the header's signed-in part, the error page) get only their namespaces. */}
        <NextIntlClientProvider messages={{ header: messages.header, errors: messages.errors }}>
          <SiteHeader />
          <main id="noi-dung" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
            {children}
          </main>
        </NextIntlClientProvider>
        <footer className="border-t border-slate-200 bg-white">
          <SiteFooterLinks />
          <p className="mx-auto max-w-6xl px-4 py-4 text-sm text-slate-700">{t("footer")}</p>
        </footer>
      </body>
    </html>
  );
}

import Image from "next/image";
import Link from "next/link";
import { headers } from "next/headers";
import { Suspense } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { localeHref } from "@/lib/i18n/href";
import { PATH_HEADER } from "@/lib/i18n/locale";
import { HeaderUser } from "./HeaderUser";
import { LanguageSwitch } from "./LanguageSwitch";

/** The same for every visitor; the signed-in part is HeaderUser. Its language is the request's. */
export async function SiteHeader() {
  const [t, tc, locale, requestHeaders] = await Promise.all([getTranslations("header"), getTranslations("common"), getLocale(), headers()]);
  const href = (path: string) => localeHref(locale, path);
  const other = locale === "en" ? "vi" : "en";
  // The path and query asked for, without the language prefix (proxy.ts); "/" when a page is reached otherwise.
  const path = requestHeaders.get(PATH_HEADER) ?? "/";
  const switchProps = { target: other, initialHref: localeHref(other, path), label: t("switchLabel"), title: t("switchTitle") } as const;
  return (
    <header className="bg-brand-800 text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href={href("/")} className="flex items-center gap-2 text-lg font-bold text-white no-underline hover:no-underline">
          {/* Decorative: the link's text names the portal. The portal's own mark, not the national emblem. */}
          <Image src="/emblem.svg" alt="" width={36} height={36} unoptimized />
          {tc("siteName")}
        </Link>
        <nav aria-label={t("mainNav")}>
          <ul className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
            <li>
              <Link className="text-white no-underline hover:underline" href={href("/thu-tuc")}>
                {t("procedures")}
              </Link>
            </li>
            <li>
              <Link className="text-white no-underline hover:underline" href={href("/co-quan")}>
                {t("agencies")}
              </Link>
            </li>
            <li>
              <Link className="text-white no-underline hover:underline" href={href("/tra-cuu-ho-so")}>
                {t("tracking")}
              </Link>
            </li>
            <li>
              <Link className="text-white no-underline hover:underline" href={href("/phan-anh-kien-nghi")}>
                {t("feedback")}
              </Link>
            </li>
            <li>
              <Link className="text-white no-underline hover:underline" href={href("/thong-ke")}>
                {t("statistics")}
              </Link>
            </li>
            <HeaderUser />
            <li>
              <Suspense fallback={<LanguageSwitchFallback {...switchProps} />}>
                <LanguageSwitch {...switchProps} />
              </Suspense>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}

/** The switch as the server rendered it, until the client one can read the address. */
function LanguageSwitchFallback({
  target,
  initialHref,
  label,
  title,
}: {
  target: string;
  initialHref: string;
  label: string;
  title: string;
}) {
  return (
    <a
      className="rounded border border-white px-2 py-0.5 text-white no-underline hover:underline"
      href={initialHref}
      hrefLang={target}
      lang={target}
      title={title}
    >
      {label}
    </a>
  );
}

import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { CatalogItem } from "@/lib/catalog/queries";
import { localeHref } from "@/lib/i18n/href";
import { LevelBadge } from "./LevelBadge";
import { Vi } from "./Vi";

export async function CatalogList({ items }: { items: CatalogItem[] }) {
  const [t, locale] = await Promise.all([getTranslations("catalog"), getLocale()]);
  if (items.length === 0) return <p className="card">{t("noResults")}</p>;
  return (
    <ol className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" aria-label={t("listLabel")}>
      {items.map((s) => (
        <li key={s.id} className="p-4" data-testid="catalog-item">
          <h3 className="text-base font-semibold">
            <Link href={localeHref(locale, `/thu-tuc/${s.code}`)}>
              {locale === "en" && s.nameEn ? s.nameEn : <Vi locale={locale}>{s.name}</Vi>}
            </Link>
          </h3>
          <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-700">
            <span>{s.agencyName ? <Vi locale={locale}>{s.agencyName}</Vi> : t("offeredByCount", { count: s.offers })}</span>
            <span aria-hidden="true">·</span>
            <span>
              <Vi locale={locale}>{s.fieldName}</Vi>
            </span>
            <span aria-hidden="true">·</span>
            <span>{t(`implementing.${s.implementingLevel}`)}</span>
            <LevelBadge level={s.onlineLevel} />
            {s.sample && <span className="text-xs italic text-slate-700">({t("demoData")})</span>}
          </p>
        </li>
      ))}
    </ol>
  );
}

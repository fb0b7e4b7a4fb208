import Link from "next/link";
import { FilterFields } from "@/components/catalog/CatalogFilters";
import { SearchBox } from "@/components/catalog/SearchBox";
import { notFound } from "next/navigation";
import { cachedCatalogTotals, cachedFieldCounts, cachedLevelCounts, cachedListAgencies, cachedListCatalog } from "@/lib/catalog/cached";
import { getLocale, getTranslations } from "next-intl/server";
import { Vi } from "@/components/catalog/Vi";
import { localeHref } from "@/lib/i18n/href";

// The home page, served at "/" (next.config.ts rewrites it here) and, in English, at "/en" (proxy.ts). Rendered per request like every page (its
// scripts carry the request's nonce, app/layout.tsx); what it reads is cached (lib/catalog/cached.ts).

export default async function HomePage({ params }: { params: Promise<{ v: string }> }) {
  // v is the request's language (proxy.ts): /trang-chu/en asked for in Vietnamese is not a page.
  const locale = await getLocale();
  if ((await params).v !== locale) notFound();
  const [t, tc] = await Promise.all([getTranslations("catalog"), getTranslations("common")]);
  const href = (path: string) => localeHref(locale, path);
  const [agencies, fields, levels, totals, listing] = await Promise.all([
    cachedListAgencies(),
    cachedFieldCounts(),
    cachedLevelCounts(),
    cachedCatalogTotals(),
    // Only its counts per filter value are used, beside the filters' choices.
    cachedListCatalog({}, { kind: "first" }, { facets: true }),
  ]);
  const central = agencies.filter((a) => a.kind !== "PROVINCE");
  const provinces = agencies.filter((a) => a.kind === "PROVINCE").sort((a, b) => a.shortName.localeCompare(b.shortName, "vi"));
  return (
    <div className="space-y-8">
      <section className="rounded-xl bg-white p-6 shadow-sm" aria-labelledby="tieu-de">
        <h1 id="tieu-de" className="text-2xl font-bold text-brand-800">
          {t("heroTitle")}
        </h1>
        <p className="mb-4 mt-1 text-slate-700">{tc("siteTagline")}</p>
        {/* The search and its filters are one GET form: they combine, and work without JavaScript. */}
        <SearchBox>
          <fieldset>
            <legend className="mb-1 text-sm font-semibold text-slate-800">{t("searchWithFilters")}</legend>
            <FilterFields
              filters={{}}
              agencies={agencies}
              fields={fields}
              facets={listing.facets}
              idPrefix="tc"
              className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5"
            />
          </fieldset>
        </SearchBox>
        <p className="mt-3 text-sm text-slate-700">
          {t("proceduresCount", { count: totals.procedures })} · {t("servicesCount", { count: totals.services })} ·{" "}
          {t("agenciesCount", { count: totals.agencies })}
        </p>
      </section>

      <section aria-labelledby="theo-muc-do">
        <h2 id="theo-muc-do" className="mb-3 text-xl font-semibold">
          {t("byLevel")}
        </h2>
        <ul className="grid gap-3 sm:grid-cols-2">
          {levels.map((l) => (
            <li key={l.level} className="card">
              <Link href={href(`/thu-tuc?muc-do=${l.level}`)} className="font-semibold">
                {t("levelName", { level: String(l.level) })}
              </Link>
              <p className="text-sm text-slate-700">{t("levelExplain", { level: String(l.level) })}</p>
              <p className="mt-1 text-sm">
                {t("proceduresCount", { count: l.procedures })} · {t("servicesCount", { count: l.services })}
              </p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="theo-linh-vuc">
        <h2 id="theo-linh-vuc" className="mb-3 text-xl font-semibold">
          {t("byField")}
        </h2>
        <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
          {fields.map((f) => (
            <li key={f.key}>
              <Link href={href(`/thu-tuc?linh-vuc=${f.key}`)}>
                <Vi locale={locale}>{f.label}</Vi>
              </Link>{" "}
              <span className="text-sm text-slate-700">({f.count})</span>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="theo-co-quan">
        <h2 id="theo-co-quan" className="mb-3 text-xl font-semibold">
          {t("byAgency")}
        </h2>
        <div className="grid gap-6 lg:grid-cols-2">
          <div>
            <h3 className="mb-2 font-semibold">{t("centralBodies")}</h3>
            <ul className="space-y-1">
              {central.map((a) => (
                <li key={a.identifier}>
                  <Link href={href(`/co-quan/${a.identifier}`)}>
                    <Vi locale={locale}>{a.name}</Vi>
                  </Link>
                </li>
              ))}
            </ul>
          </div>
          <div>
            <h3 className="mb-2 font-semibold">{t("provinces")}</h3>
            <ul className="grid grid-cols-2 gap-1">
              {provinces.map((a) => (
                <li key={a.identifier}>
                  <Link href={href(`/co-quan/${a.identifier}`)}>
                    <Vi locale={locale}>{a.shortName}</Vi>
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        </div>
      </section>
    </div>
  );
}

// The catalog listing, shared by the per-request page (filters, search, cursors: app/(public)/thu-tuc)
// and the cached unfiltered first and last pages (app/(public)/danh-muc/[trang]).
import { ActiveFilters, CatalogFilters } from "@/components/catalog/CatalogFilters";
import { CursorPager, NumberPager } from "@/components/catalog/Pager";
import { SearchBox } from "@/components/catalog/SearchBox";
import { CatalogList } from "@/components/catalog/CatalogList";
import { cachedFieldCounts, cachedListAgencies, cachedListCatalog } from "@/lib/catalog/cached";
import type { CatalogFilters as Filters, PageRequest } from "@/lib/catalog/queries";
import { filterParams } from "@/lib/catalog/params";
import { getLocale, getTranslations } from "next-intl/server";
import { localeHref } from "@/lib/i18n/href";

export async function CatalogView({ filters, page }: { filters: Filters; page: PageRequest }) {
  const [result, agencies, fields, t, locale] = await Promise.all([
    cachedListCatalog(filters, page, { facets: true }),
    cachedListAgencies(),
    cachedFieldCounts(),
    getTranslations("catalog"),
    getLocale(),
  ]);
  const params = filterParams(filters);
  const base = localeHref(locale, "/thu-tuc");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("catalogTitle")}</h1>
      <SearchBox defaultValue={filters.q} keep={params} />
      <div className="grid gap-6 lg:grid-cols-[18rem_1fr]">
        <CatalogFilters filters={filters} agencies={agencies} fields={fields} facets={result.facets} />
        <section aria-labelledby="ket-qua">
          <h2 id="ket-qua" className="mb-2 text-lg font-semibold" aria-live="polite">
            {filters.q ? t("resultsFor", { count: result.total, q: filters.q }) : t("results", { count: result.total })}
          </h2>
          <ActiveFilters filters={filters} agencies={agencies} fields={fields} />
          <CatalogList items={result.items} />
          {result.mode === "browse" ? (
            <CursorPager base={base} params={params} prev={result.prev} next={result.next} />
          ) : (
            result.pages! > 1 && <NumberPager base={base} params={params} page={result.page!} pages={result.pages!} />
          )}
        </section>
      </div>
    </div>
  );
}

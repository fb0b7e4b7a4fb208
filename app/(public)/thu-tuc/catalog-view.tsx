// The catalog listing, shared by the per-request page (filters, search, cursors: app/(public)/thu-tuc)
// and the cached unfiltered first and last pages (app/(public)/danh-muc/[trang]).
import { ActiveFilters, CatalogFilters } from "@/components/catalog/CatalogFilters";
import { CursorPager, NumberPager } from "@/components/catalog/Pager";
import { SearchBox } from "@/components/catalog/SearchBox";
import { CatalogList } from "@/components/catalog/CatalogList";
import { cachedFieldCounts, cachedListAgencies, cachedListCatalog } from "@/lib/catalog/cached";
import type { CatalogFilters as Filters, PageRequest } from "@/lib/catalog/queries";
import { filterParams } from "@/lib/catalog/params";
import { catalogText } from "@/lib/i18n/vi/catalog";

export async function CatalogView({ filters, page }: { filters: Filters; page: PageRequest }) {
  const [result, agencies, fields] = await Promise.all([
    cachedListCatalog(filters, page, { facets: true }),
    cachedListAgencies(),
    cachedFieldCounts(),
  ]);
  const params = filterParams(filters);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{catalogText.catalogTitle}</h1>
      <SearchBox defaultValue={filters.q} keep={params} />
      <div className="grid gap-6 lg:grid-cols-[18rem_1fr]">
        <CatalogFilters filters={filters} agencies={agencies} fields={fields} facets={result.facets} />
        <section aria-labelledby="ket-qua">
          <h2 id="ket-qua" className="mb-2 text-lg font-semibold" aria-live="polite">
            {filters.q ? catalogText.resultsFor(result.total, filters.q) : catalogText.results(result.total)}
          </h2>
          <ActiveFilters filters={filters} agencies={agencies} fields={fields} />
          <CatalogList items={result.items} />
          {result.mode === "browse" ? (
            <CursorPager base="/thu-tuc" params={params} prev={result.prev} next={result.next} />
          ) : (
            result.pages! > 1 && <NumberPager base="/thu-tuc" params={params} page={result.page!} pages={result.pages!} />
          )}
        </section>
      </div>
    </div>
  );
}

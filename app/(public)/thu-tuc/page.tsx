import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { cachedFieldCounts, cachedListAgencies } from "@/lib/catalog/cached";
import { catalogHref, isCanonical, parseCatalogParams, type SearchParams } from "@/lib/catalog/params";
import { getLocale, getTranslations } from "next-intl/server";
import { localeHref } from "@/lib/i18n/href";
import { CatalogView } from "./catalog-view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("catalog"))("catalogTitle") };
}

// Filtered, searched and paged listings, rendered per request from cached catalog reads. The plain
// first and last pages are served cached from app/(public)/danh-muc/[trang] (see next.config.ts).
export default async function CatalogPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const { filters, page } = parseCatalogParams(sp);
  // An agency or field the catalog does not have is dropped like any other parameter it does not understand.
  const [agencies, fields] = await Promise.all([cachedListAgencies(), cachedFieldCounts()]);
  if (filters.agency && !agencies.some((a) => a.identifier === filters.agency)) filters.agency = undefined;
  if (filters.field && !fields.some((f) => f.key === filters.field)) filters.field = undefined;
  // One URL per listing: what a GET form sends (empty selects, `q=`) or a hand-edited link becomes the clean link.
  if (!isCanonical(sp, filters, page)) redirect(localeHref(await getLocale(), catalogHref(filters, page)));
  return <CatalogView filters={filters} page={page} />;
}

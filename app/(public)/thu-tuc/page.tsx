import type { Metadata } from "next";
import { parseCatalogParams, type SearchParams } from "@/lib/catalog/params";
import { catalogText } from "@/lib/i18n/vi/catalog";
import { CatalogView } from "./catalog-view";

export const metadata: Metadata = { title: catalogText.catalogTitle };

// Filtered, searched and paged listings, rendered per request from cached catalog reads. The plain
// first and last pages are served cached from app/(public)/danh-muc/[trang] (see next.config.ts).
export default async function CatalogPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { filters, page, params } = parseCatalogParams(await searchParams);
  return <CatalogView filters={filters} page={page} params={params} />;
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { catalogText } from "@/lib/i18n/vi/catalog";
import { CatalogView } from "../../thu-tuc/catalog-view";

export const metadata: Metadata = { title: catalogText.catalogTitle };

// `/thu-tuc` and `/thu-tuc?cuoi=1` without filters are the same for everyone: next.config.ts rewrites
// them here, where the catalog's cached reads serve them (rendered per request, like every page).

export default async function CachedCatalogPage({ params }: { params: Promise<{ trang: string }> }) {
  const { trang } = await params;
  if (trang !== "dau" && trang !== "cuoi") notFound();
  return <CatalogView filters={{}} page={{ kind: trang === "dau" ? "first" : "last" }} />;
}

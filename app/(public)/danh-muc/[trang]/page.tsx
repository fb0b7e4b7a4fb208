import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CatalogView } from "../../thu-tuc/catalog-view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("catalog"))("catalogTitle") };
}

// `/thu-tuc` and `/thu-tuc?cuoi=1` without filters are the same for everyone: next.config.ts rewrites
// them here, where the catalog's cached reads serve them (rendered per request, like every page).

export default async function CachedCatalogPage({ params }: { params: Promise<{ trang: string }> }) {
  const { trang } = await params;
  if (trang !== "dau" && trang !== "cuoi") notFound();
  return <CatalogView filters={{}} page={{ kind: trang === "dau" ? "first" : "last" }} />;
}

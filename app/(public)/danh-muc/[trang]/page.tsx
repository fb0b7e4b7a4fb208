import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { catalogText } from "@/lib/i18n/vi/catalog";
import { CatalogView } from "../../thu-tuc/catalog-view";

export const metadata: Metadata = { title: catalogText.catalogTitle };

// `/thu-tuc` and `/thu-tuc?cuoi=1` without filters are the same for everyone: next.config.ts rewrites
// them here, where they are rendered on first request, cached, and re-rendered every 30 s.
export const revalidate = 30;
export function generateStaticParams(): { trang: string }[] {
  return [];
}

export default async function CachedCatalogPage({ params }: { params: Promise<{ trang: string }> }) {
  const { trang } = await params;
  if (trang !== "dau" && trang !== "cuoi") notFound();
  return <CatalogView filters={{}} page={{ kind: trang === "dau" ? "first" : "last" }} params={{}} />;
}

import Link from "next/link";
import type { CatalogItem } from "@/lib/catalog/queries";
import { catalogText } from "@/lib/i18n/vi/catalog";
import { commonText } from "@/lib/i18n/vi/common";
import { LevelBadge } from "./LevelBadge";

export function CatalogList({ items }: { items: CatalogItem[] }) {
  if (items.length === 0) return <p className="card">{catalogText.noResults}</p>;
  return (
    <ol className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" aria-label="Danh sách thủ tục">
      {items.map((s) => (
        <li key={s.id} className="p-4" data-testid="catalog-item">
          <h3 className="text-base font-semibold">
            <Link href={`/thu-tuc/${s.code}`}>{s.name}</Link>
          </h3>
          <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-700">
            <span>{s.agencyName ?? catalogText.offeredByCount(s.offers)}</span>
            <span aria-hidden="true">·</span>
            <span>{s.fieldName}</span>
            <span aria-hidden="true">·</span>
            <span>{catalogText.implementing[s.implementingLevel]}</span>
            <LevelBadge level={s.onlineLevel} />
            {s.sample && <span className="text-xs italic text-slate-700">({commonText.demoData})</span>}
          </p>
        </li>
      ))}
    </ol>
  );
}

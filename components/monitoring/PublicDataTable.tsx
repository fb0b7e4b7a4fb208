// One open-data table of the public statistics: the columns of its CSV/JSON, the same rows, and links to both.
import { DataTable } from "@/components/ui/DataTable";
import { formatDate } from "@/lib/format";
import { publicStatsText as t } from "@/lib/i18n/vi/monitoring";
import type { PublicRow, PublicTable } from "@/lib/monitoring/public-stats";

type Column = { key: string; title: string; type: "string" | "integer" | "number" };

const number = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 1 });

function cell(col: Column, v: string | number | null): string {
  if (v === null || v === undefined) return "—";
  if (typeof v === "number") return number.format(v);
  if (col.key === "since") return formatDate(v);
  if (col.key === "month") return `${v.slice(5, 7)}/${v.slice(0, 4)}`;
  return v;
}

export function PublicDataTable({
  table,
  caption,
  columns,
  rows,
  rowHeader,
}: {
  table: PublicTable;
  caption: string;
  columns: readonly Column[];
  rows: readonly PublicRow[];
  rowHeader: string;
}) {
  return (
    <div className="space-y-2">
      <p className="flex flex-wrap gap-3 text-sm">
        <span>{t.download}</span>
        <a href={`/thong-ke/du-lieu/${table}.csv`} download>
          {t.csv}
          <span className="sr-only"> – {caption}</span>
        </a>
        <a href={`/thong-ke/du-lieu/${table}.json`}>
          {t.json}
          <span className="sr-only"> – {caption}</span>
        </a>
      </p>
      <DataTable caption={caption} showCaption scrollFocusable columns={columns.map((col) => col.title)} testId={`table-${table}`}>
        {rows.map((r, i) => (
          <tr key={i} className="border-b border-slate-200" data-key={String(r[rowHeader])}>
            {columns.map((col) =>
              col.key === rowHeader ? (
                <th key={col.key} scope="row" className="p-2 font-normal whitespace-nowrap" data-col={col.key}>
                  {cell(col, r[col.key] ?? null)}
                </th>
              ) : (
                <td key={col.key} className="p-2" data-col={col.key}>
                  {cell(col, r[col.key] ?? null)}
                </td>
              ),
            )}
          </tr>
        ))}
      </DataTable>
    </div>
  );
}

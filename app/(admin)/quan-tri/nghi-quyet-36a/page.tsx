// Quản trị → Tiến độ Nghị quyết 36a: per agency the share of services at level 3 and 4 and what remains,
// sorted in SQL to find who is behind; a chart of the furthest behind with the same numbers in the table.
import type { Metadata } from "next";
import Link from "next/link";
import { BarChart } from "@/components/monitoring/BarChart";
import { SortLinks } from "@/components/monitoring/SortLinks";
import { requirePermission } from "@/lib/auth/current-user";
import { integrationText, resolutionText as t } from "@/lib/i18n/vi/monitoring";
import { levelProgress, levelTotals, parseLevelSort } from "@/lib/monitoring/resolution36a";
import { DataTable } from "@/components/ui/DataTable";

const PAGE = "/quan-tri/nghi-quyet-36a";

export const metadata: Metadata = { title: t.title };

const pct = (v: number | null) => (v == null ? "—" : t.percent(v));
const n = (v: number) => v.toLocaleString("vi-VN");

export default async function ResolutionPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const sort = parseLevelSort(sp["sap-xep"]);
  await requirePermission("admin.read", PAGE);
  const rows = await levelProgress({ sort });
  const totals = levelTotals(rows);
  const behind = [...rows]
    .filter((r) => r.services > 0)
    .sort((a, b) => (a.share34 ?? 0) - (b.share34 ?? 0) || b.remaining - a.remaining)
    .slice(0, 15);
  const c = t.columns;
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <p>
          <Link href="/quan-tri">{integrationText.backToAdmin}</Link>
        </p>
        <h1 className="text-2xl font-bold">{t.title}</h1>
        <p className="text-slate-700">{t.lead}</p>
      </header>
      <section aria-labelledby="toan-quoc" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <h2 id="toan-quoc" className="sr-only">
          {t.national}
        </h2>
        <div className="card">
          <p className="text-sm text-slate-700">
            {t.national}: {c.share34}
          </p>
          <p className="text-2xl font-bold" data-testid="national-share34">
            {pct(totals.share34)}
          </p>
          <p className="text-sm text-slate-700">{t.target}</p>
        </div>
        <div className="card">
          <p className="text-sm text-slate-700">{c.level4}</p>
          <p className="text-2xl font-bold">{pct(totals.share4)}</p>
        </div>
        <div className="card">
          <p className="text-sm text-slate-700">{c.remaining}</p>
          <p className="text-2xl font-bold" data-testid="national-remaining">
            {n(totals.remaining)}
          </p>
        </div>
        <div className="card">
          <p className="text-sm text-slate-700">{c.agency}</p>
          <p className="text-2xl font-bold">{t.reached(totals.agenciesReached, totals.agencies)}</p>
        </div>
      </section>
      <section aria-labelledby="cham-nhat" className="card space-y-2">
        <h2 id="cham-nhat" className="text-lg font-semibold">
          {t.chart}
        </h2>
        <BarChart
          id="cham-nhat-bieu-do"
          title={t.chart}
          labels={behind.map((r) => r.shortName)}
          series={[{ name: c.share34, values: behind.map((r) => r.share34), fill: "fill-brand-800", swatch: "bg-brand-800" }]}
        />
      </section>
      <SortLinks basePath={PAGE} current={sort} options={t.sorts} label={integrationText.sortLabel} />
      <DataTable
        caption={t.tableCaption}
        showCaption
        columns={[c.agency, c.services, c.level1, c.level2, c.level3, c.level4, c.share34, c.remaining]}
      >
        {rows.map((r) => (
          <tr key={r.identifier} className="border-b border-slate-200" data-testid="level-row" data-identifier={r.identifier}>
            <th scope="row" className="p-2 font-normal">
              <Link href={`/quan-tri/ket-noi/${r.identifier}`}>{r.name}</Link>
            </th>
            <td className="p-2">{n(r.services)}</td>
            <td className="p-2">{n(r.level1)}</td>
            <td className="p-2">{n(r.level2)}</td>
            <td className="p-2">{n(r.level3)}</td>
            <td className="p-2">{n(r.level4)}</td>
            <td className={`p-2 ${r.share34 != null && r.share34 < 100 ? "font-semibold text-red-800" : ""}`}>{pct(r.share34)}</td>
            <td className="p-2">{n(r.remaining)}</td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}

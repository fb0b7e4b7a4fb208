// Thống kê công khai: national and per-agency dossier figures, by month, and the integration overview;
// every table downloads as CSV and JSON (/thong-ke/du-lieu/…), with a JSON Schema. No personal data.
// The data comes from lib/monitoring/public-stats.ts functions, so caching can wrap them.
import type { Metadata } from "next";
import { BarChart } from "@/components/monitoring/BarChart";
import { PublicDataTable } from "@/components/monitoring/PublicDataTable";
import { FeedbackStats } from "@/components/feedback/FeedbackStats";
import { integrationText, publicStatsText as t } from "@/lib/i18n/vi/monitoring";
import { formatDateTime } from "@/lib/format";
import { connectedCount } from "@/lib/monitoring/integration";
import { publicStatsSnapshot } from "@/lib/monitoring/public-cached";
import { CODE_COLUMNS, TABLE_COLUMNS } from "@/lib/monitoring/public-stats";

export const metadata: Metadata = { title: t.title };

// Rendered per request from one cached snapshot of the aggregates (lib/monitoring/public-cached.ts), the
// same snapshot the downloads read, so they always agree with the page.
export const dynamic = "force-dynamic";

const n = (v: number) => v.toLocaleString("vi-VN");

export default async function PublicStatisticsPage() {
  const { takenAt, year, monthly, agencies, integration, states } = await publicStatsSnapshot();
  const f = year.figures;
  const c = t.columns;
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">{t.title}</h1>
        <p className="text-slate-700">{t.lead}</p>
        <p className="text-sm text-slate-700" data-testid="thoi-diem-so-lieu">
          <time dateTime={takenAt}>{t.stamp(formatDateTime(new Date(takenAt)))}</time>
        </p>
      </header>

      <section aria-labelledby="toan-quoc" className="space-y-3">
        <h2 id="toan-quoc" className="text-xl font-semibold">
          {t.nationalHeading(year.year)}
        </h2>
        <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <div className="card">
            <dt className="text-sm text-slate-700">{c.received}</dt>
            <dd className="text-2xl font-bold" data-testid="year-received">
              {n(f.received)}
            </dd>
          </div>
          <div className="card">
            <dt className="text-sm text-slate-700">{c.processed}</dt>
            <dd className="text-2xl font-bold">{n(f.processed)}</dd>
            <dd className="text-sm text-slate-700">
              {c.early} {n(f.early)} · {c.onTime.toLowerCase()} {n(f.onTime)} · {c.late.toLowerCase()} {n(f.late)}
            </dd>
          </div>
          <div className="card">
            <dt className="text-sm text-slate-700">{c.inProgress}</dt>
            <dd className="text-2xl font-bold">{n(f.inProgress)}</dd>
          </div>
          <div className="card">
            <dt className="text-sm text-slate-700">
              {c.averageDays} · {c.satisfaction}
            </dt>
            <dd className="text-2xl font-bold">
              {f.averageProcessingDays == null ? "—" : f.averageProcessingDays.toLocaleString("vi-VN")} ·{" "}
              {f.satisfaction.average == null ? "—" : f.satisfaction.average.toLocaleString("vi-VN")}
            </dd>
            <dd className="text-sm text-slate-700">
              {c.ratings}: {n(f.satisfaction.count)}
            </dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="theo-thang" className="space-y-3">
        <h2 id="theo-thang" className="text-xl font-semibold">
          {t.monthlyHeading}
        </h2>
        <BarChart
          id="toan-quoc-bieu-do"
          title={t.chart}
          labels={monthly.map((r) => `${String(r.month).slice(5, 7)}/${String(r.month).slice(2, 4)}`)}
          series={[
            { name: c.received, values: monthly.map((r) => r.received as number), fill: "fill-brand-800", swatch: "bg-brand-800" },
            { name: c.processed, values: monthly.map((r) => r.processed as number), fill: "fill-slate-500", swatch: "bg-slate-500" },
          ]}
        />
        <PublicDataTable
          table="toan-quoc-theo-thang"
          caption={t.tables["toan-quoc-theo-thang"]}
          columns={TABLE_COLUMNS["toan-quoc-theo-thang"]}
          rows={monthly}
          rowHeader="month"
        />
      </section>

      <section aria-labelledby="theo-co-quan" className="space-y-3">
        <h2 id="theo-co-quan" className="text-xl font-semibold">
          {t.agenciesHeading(year.year)}
        </h2>
        <PublicDataTable
          table="theo-co-quan"
          caption={t.tables["theo-co-quan"]}
          columns={TABLE_COLUMNS["theo-co-quan"].filter((col) => col.key !== "identifier")}
          rows={agencies}
          rowHeader="agency"
        />
      </section>

      {/* Issue 18: feedback per agency, with the on-time rate (components/feedback). */}
      <FeedbackStats />

      <section aria-labelledby="ket-noi" className="space-y-3">
        <h2 id="ket-noi" className="text-xl font-semibold">
          {t.integrationHeading}
        </h2>
        <p className="font-semibold" data-testid="public-headline">
          {integrationText.headline(connectedCount(states.central), connectedCount(states.provinces))}
        </p>
        <PublicDataTable
          table="ket-noi"
          caption={t.tables["ket-noi"]}
          columns={TABLE_COLUMNS["ket-noi"].filter((col) => col.key !== "identifier" && !CODE_COLUMNS.has(col.key))}
          rows={integration}
          rowHeader="agency"
        />
      </section>

      <section aria-labelledby="du-lieu-mo" className="card space-y-2">
        <h2 id="du-lieu-mo" className="text-xl font-semibold">
          {t.schemaTitle}
        </h2>
        <p>{t.schemaLead}</p>
        <p>
          <a href="/thong-ke/du-lieu/schema.json">{t.schemaLink}</a>
        </p>
        <h3 className="font-semibold">{t.definitionsTitle}</h3>
        <ul className="list-disc space-y-1 pl-6">
          {t.definitions.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}

// Khu vực cán bộ → Thống kê hồ sơ: the officer's own agency, month by month (table, chart, CSV) and the year so far.
import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { monthLabel, statisticsText as t } from "@/lib/i18n/vi/statistics";
import {
  agencyMonthlyStatistics,
  agencyTotals,
  monthRangeMessage,
  officerStatisticsAgency,
  parseMonthRange,
  type MonthRow,
} from "@/lib/monitoring/agency-stats";

const PAGE = "/can-bo/thong-ke";

export const metadata: Metadata = { title: t.title };

type SearchParams = Record<string, string | string[] | undefined>;

const integer = new Intl.NumberFormat("vi-VN");
const decimal = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 1 });
const n = (v: number) => integer.format(v);

/** A missing average: a dash to the eye, words to a screen reader (which would read "dash" or nothing). */
function Maybe({ value }: { value: number | null }) {
  if (value === null)
    return (
      <>
        <span aria-hidden="true">—</span>
        <span className="sr-only">{t.none}</span>
      </>
    );
  return <>{decimal.format(value)}</>;
}

export default async function AgencyStatisticsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const query = new URLSearchParams();
  for (const k of ["tu", "den"]) if (typeof sp[k] === "string") query.set(k, sp[k]);
  const user = await requirePermission("workspace.read", query.toString() ? `${PAGE}?${query}` : PAGE);
  const agency = await officerStatisticsAgency(user);
  if (!agency) {
    return (
      <div className="card space-y-2">
        <h1 className="text-2xl font-bold">{t.title}</h1>
        <p>{t.noAgency}</p>
      </div>
    );
  }
  const range = parseMonthRange({ tu: sp.tu, den: sp.den });
  const [rows, totals] = await Promise.all([agencyMonthlyStatistics(agency.id, range.from, range.to), agencyTotals(agency.id)]);
  const csvHref = `${PAGE}/csv?${new URLSearchParams({ tu: range.from, den: range.to })}`;

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <p>
          <Link href="/can-bo">{t.backToWorkspace}</Link>
        </p>
        <h1 className="text-2xl font-bold">{t.title}</h1>
        <p className="text-slate-700">{t.lead(agency.name)}</p>
      </header>

      <section aria-labelledby="nam-nay" className="space-y-3">
        <h2 id="nam-nay" className="text-lg font-semibold">
          {t.yearHeading(totals.year)}
        </h2>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <div className="card">
            <p className="text-sm text-slate-700">{t.yearCards.received}</p>
            <p className="text-2xl font-bold">{n(totals.received)}</p>
          </div>
          <div className="card">
            <p className="text-sm text-slate-700">{t.yearCards.processed}</p>
            <p className="text-2xl font-bold">{n(totals.processed)}</p>
            <p className="text-sm text-slate-700">{t.yearCards.processedDetail(n(totals.early), n(totals.onTime), n(totals.late))}</p>
          </div>
          <div className="card">
            <p className="text-sm text-slate-700">{t.yearCards.inProgress}</p>
            <p className="text-2xl font-bold">{n(totals.inProgress)}</p>
            <p className="text-sm text-slate-700">{t.yearCards.inProgressDetail(n(totals.paused))}</p>
          </div>
          <div className="card">
            <p className="text-sm text-slate-700">{t.yearCards.averageDays}</p>
            <p className="text-2xl font-bold">
              {totals.averageProcessingDays === null ? (
                <Maybe value={null} />
              ) : (
                t.yearCards.days(decimal.format(totals.averageProcessingDays))
              )}
            </p>
            <p className="text-sm text-slate-700">
              {t.yearCards.satisfaction}: <Maybe value={totals.satisfaction.average} /> (
              {t.yearCards.satisfactionDetail(n(totals.satisfaction.count))})
            </p>
          </div>
        </div>
      </section>

      <form method="get" action={PAGE} className="card flex flex-wrap items-end gap-4">
        <fieldset className="flex flex-wrap items-end gap-4">
          <legend className="mb-2 font-semibold">{t.rangeLegend}</legend>
          <div>
            <label htmlFor="tu" className="block font-medium">
              {t.from}
            </label>
            <input id="tu" name="tu" type="month" defaultValue={range.from} aria-describedby="dinh-dang-thang" className="input" />
          </div>
          <div>
            <label htmlFor="den" className="block font-medium">
              {t.to}
            </label>
            <input id="den" name="den" type="month" defaultValue={range.to} aria-describedby="dinh-dang-thang" className="input" />
          </div>
          <p id="dinh-dang-thang" className="w-full text-sm text-slate-700">
            {t.monthHint}
          </p>
        </fieldset>
        <button type="submit" className="btn btn-primary">
          {t.show}
        </button>
      </form>
      {range.error && (
        <p role="alert" className="rounded border border-red-700 bg-red-50 p-3 text-red-900">
          {monthRangeMessage(range.error)} {t.showingDefault}
        </p>
      )}

      <p className="flex flex-wrap items-center gap-3">
        {/* A plain link: the file is a download, not a page for the client router to fetch. */}
        <a href={csvHref} className="btn btn-secondary" download>
          {t.downloadCsv}
        </a>
        <span className="text-sm text-slate-700">{t.downloadCsvDetail(range.from, range.to)}</span>
      </p>

      <section aria-labelledby="bieu-do" className="card space-y-3">
        <h2 id="bieu-do" className="text-lg font-semibold">
          {t.chartHeading}
        </h2>
        <MonthlyChart rows={rows} from={range.from} to={range.to} />
      </section>

      <section aria-labelledby="so-lieu" className="space-y-2">
        <h2 id="so-lieu" className="text-lg font-semibold">
          {t.tableHeading}
        </h2>
        {/* Focusable so that keyboard users can scroll the wide table sideways. */}
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-labelledby="bang-so-lieu">
          <table className="w-full border-collapse bg-white text-right text-sm">
            <caption id="bang-so-lieu" className="mb-2 text-left font-medium">
              {t.tableCaption(range.from, range.to)}
            </caption>
            <thead>
              <tr className="border-b border-slate-300 align-bottom">
                <th scope="col" className="p-2 text-left">
                  {t.columns.month}
                </th>
                {COLUMNS.map((c) => (
                  <th key={c} scope="col" className="p-2">
                    {t.columns[c]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.month} className="border-b border-slate-200">
                  <th scope="row" className="p-2 text-left font-medium whitespace-nowrap">
                    {monthLabel(r.month)}
                  </th>
                  {COLUMNS.map((c) => (
                    <td key={c} className="p-2">
                      <Cell row={r} column={c} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="cach-tinh" className="card space-y-2">
        <h2 id="cach-tinh" className="text-lg font-semibold">
          {t.definitionsHeading}
        </h2>
        <dl className="space-y-1 text-sm">
          {t.definitions.map(([term, meaning]) => (
            <div key={term}>
              <dt className="inline font-semibold">{term}: </dt>
              <dd className="inline">{meaning}</dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}

const COLUMNS = [
  "received",
  "carriedOver",
  "processed",
  "early",
  "onTime",
  "late",
  "inProgress",
  "paused",
  "withdrawn",
  "refused",
  "averageProcessingDays",
  "satisfaction",
  "ratings",
] as const;

function Cell({ row, column }: { row: MonthRow; column: (typeof COLUMNS)[number] }) {
  switch (column) {
    case "averageProcessingDays":
      return <Maybe value={row.averageProcessingDays} />;
    case "satisfaction":
      return <Maybe value={row.satisfaction.average} />;
    case "ratings":
      return <>{n(row.satisfaction.count)}</>;
    default:
      return <>{n(row[column])}</>;
  }
}

/** Largest bar scale: a round number (1, 2 or 5 times a power of ten) at or above the largest value. */
function niceCeiling(max: number): number {
  if (max <= 5) return 5;
  const power = 10 ** Math.floor(Math.log10(max));
  return [1, 2, 5, 10].map((k) => k * power).find((v) => v >= max)!;
}

/**
 * Received vs processed per month as an SVG bar chart. Screen readers get the title and, as its
 * description, the same numbers as the table; the drawing itself is hidden from them by role="img".
 */
function MonthlyChart({ rows, from, to }: { rows: readonly MonthRow[]; from: string; to: string }) {
  const slot = 56;
  const left = 40;
  const top = 20;
  const plot = 160;
  const width = left + rows.length * slot + 8;
  const height = top + plot + 36;
  const scale = niceCeiling(Math.max(0, ...rows.flatMap((r) => [r.received, r.processed])));
  const y = (v: number) => top + plot - (v / scale) * plot;
  const bar = 18;
  return (
    <div className="space-y-2">
      <svg
        role="img"
        aria-labelledby="bieu-do-tieu-de"
        aria-describedby="bieu-do-mo-ta"
        viewBox={`0 0 ${width} ${height}`}
        className="h-auto w-full max-w-full"
        style={{ maxWidth: `${Math.max(width, 320)}px` }}
      >
        <title id="bieu-do-tieu-de">{t.chartTitle(from, to)}</title>
        <desc id="bieu-do-mo-ta">{rows.map((r) => t.chartMonth(r.month, n(r.received), n(r.processed))).join(" ")}</desc>
        {[0, scale / 2, scale].map((v) => (
          <g key={v}>
            <line x1={left} x2={width - 8} y1={y(v)} y2={y(v)} className="stroke-slate-300" strokeWidth={1} />
            <text x={left - 6} y={y(v) + 4} textAnchor="end" fontSize={11} className="fill-slate-700">
              {decimal.format(v)}
            </text>
          </g>
        ))}
        {rows.map((r, i) => {
          const x = left + i * slot + (slot - 2 * bar - 4) / 2;
          return (
            <g key={r.month}>
              <rect x={x} y={y(r.received)} width={bar} height={top + plot - y(r.received)} className="fill-brand-800" />
              <rect x={x + bar + 4} y={y(r.processed)} width={bar} height={top + plot - y(r.processed)} className="fill-slate-500" />
              <text x={x + bar / 2} y={y(r.received) - 4} textAnchor="middle" fontSize={10} className="fill-slate-900">
                {n(r.received)}
              </text>
              <text x={x + bar * 1.5 + 4} y={y(r.processed) - 4} textAnchor="middle" fontSize={10} className="fill-slate-900">
                {n(r.processed)}
              </text>
              <text x={left + i * slot + slot / 2} y={top + plot + 16} textAnchor="middle" fontSize={11} className="fill-slate-700">
                {monthLabel(r.month)}
              </text>
            </g>
          );
        })}
      </svg>
      {/* The legend is for sighted readers; the chart's description already names both series. */}
      <p aria-hidden="true" className="flex gap-4 text-sm text-slate-700">
        <span className="inline-flex items-center gap-1">
          <span className="inline-block h-3 w-3 bg-brand-800" /> {t.legendReceived}
        </span>
        <span className="inline-flex items-center gap-1">
          <span className="inline-block h-3 w-3 bg-slate-500" /> {t.legendProcessed}
        </span>
      </p>
    </div>
  );
}

// Quản trị → Tình hình kết nối → one agency: its figures, daily charts (each with the same numbers as a
// table) and the administrator's record of its connection.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ConnectionRecordForm } from "@/components/monitoring/ConnectionRecordForm";
import { BarChart } from "@/components/monitoring/BarChart";
import { StateBadge } from "@/components/monitoring/StateBadge";
import { requirePermission } from "@/lib/auth/current-user";
import { formatDate, formatDateTime } from "@/lib/format";
import { integrationText as t } from "@/lib/i18n/vi/monitoring";
import { agencyDailySeries, agencyIntegration, watchedAgencyByIdentifier } from "@/lib/monitoring/integration";
import { recordConnectionAction } from "./actions";
import { DataTable } from "@/components/ui/DataTable";
import { decodeSegment } from "@/lib/http/segment";

export const metadata: Metadata = { title: t.title };

const d = t.detail;
const secs = (v: number | null) => (v == null ? t.none : t.seconds(v));
const dayLabel = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}`;

export default async function AgencyIntegrationPage({
  params,
  searchParams,
}: {
  params: Promise<{ identifier: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { identifier } = await params;
  const sp = await searchParams;
  await requirePermission("admin.read", `/quan-tri/ket-noi/${encodeURIComponent(identifier)}`);
  const agency = await watchedAgencyByIdentifier(decodeSegment(identifier) ?? notFound());
  if (!agency) notFound();
  const [row, days] = await Promise.all([agencyIntegration(agency.id), agencyDailySeries(agency.id)]);
  if (!row) notFound();
  const labels = days.map((x) => dayLabel(x.day));
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <p>
          <Link href="/quan-tri/ket-noi">{t.backToOverview}</Link>
        </p>
        <h1 className="text-2xl font-bold">{row.name}</h1>
        <p className="font-mono text-sm text-slate-700">{row.identifier}</p>
      </header>
      {sp["da-ghi-nhan"] === "1" && (
        <p role="status" className="rounded border border-green-700 bg-green-50 p-3 text-green-900">
          {t.recordForm.saved}
        </p>
      )}
      <section aria-labelledby="tom-tat" className="card">
        <h2 id="tom-tat" className="mb-2 text-lg font-semibold">
          {d.summary}
        </h2>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-2">
          <div>
            <dt className="text-sm text-slate-700">{d.state}</dt>
            <dd data-testid="state">
              <StateBadge state={row.state} source={row.stateSource} />
            </dd>
          </div>
          <div>
            <dt className="text-sm text-slate-700">{d.since}</dt>
            <dd>{row.since ? `${formatDate(row.since)} (${row.sinceSource === "recorded" ? t.recorded : t.measured})` : t.none}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-700">{d.last}</dt>
            <dd data-testid="last-exchange">{row.lastExchangeAt ? formatDateTime(row.lastExchangeAt) : t.none}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-700">{d.sent}</dt>
            <dd>{d.sevenThirty(row.sent7, row.sent30)}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-700">{d.received}</dt>
            <dd>{d.sevenThirty(row.received7, row.received30)}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-700">{d.failures}</dt>
            <dd>{row.failures30}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-700">{d.dead}</dt>
            <dd>{row.deadLetters}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-700">{d.latency}</dt>
            <dd>{d.latencyValue(secs(row.latencyMedian), secs(row.latencyP95))}</dd>
          </div>
          <div className="sm:col-span-2">
            <dt className="text-sm text-slate-700">{d.portal}</dt>
            <dd>{d.portalValue(row.servicesLevel3, row.servicesLevel4, row.services)}</dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="bieu-do" className="card space-y-4">
        <h2 id="bieu-do" className="text-lg font-semibold">
          {d.volumeTable}
        </h2>
        <BarChart
          id="van-ban-theo-ngay"
          title={d.volumeChart(row.shortName)}
          labels={labels}
          labelEvery={5}
          series={[
            { name: d.sentColumn, values: days.map((x) => x.sent), fill: "fill-brand-800", swatch: "bg-brand-800" },
            { name: d.receivedColumn, values: days.map((x) => x.received), fill: "fill-slate-500", swatch: "bg-slate-500" },
          ]}
        />
        <BarChart
          id="do-tre-theo-ngay"
          title={d.latencyChart(row.shortName)}
          labels={labels}
          labelEvery={5}
          series={[{ name: d.latencyColumn, values: days.map((x) => x.latencyMedian), fill: "fill-sky-800", swatch: "bg-sky-800" }]}
        />
        <DataTable
          caption={d.volumeTable}
          showCaption
          columns={[d.dayColumn, d.sentColumn, d.receivedColumn, d.exchangesColumn, d.failuresColumn, d.latencyColumn]}
        >
          {days.map((x) => (
            <tr key={x.day} className="border-b border-slate-200">
              <th scope="row" className="p-2 font-normal">
                {formatDate(x.day)}
              </th>
              <td className="p-2">{x.sent}</td>
              <td className="p-2">{x.received}</td>
              <td className="p-2">{x.exchanges}</td>
              <td className="p-2">{x.failures}</td>
              <td className="p-2">{x.latencyMedian == null ? t.none : x.latencyMedian.toLocaleString("vi-VN")}</td>
            </tr>
          ))}
        </DataTable>
      </section>

      <section aria-labelledby="ghi-nhan" className="card space-y-3">
        <h2 id="ghi-nhan" className="text-lg font-semibold">
          {t.recordForm.title}
        </h2>
        {row.record && (
          <p className="rounded border border-amber-700 bg-amber-50 p-3 text-amber-900">
            <strong>{d.recordHeading}:</strong> {t.recordForm.kinds[row.record.kind as keyof typeof t.recordForm.kinds]}
            {row.record.note ? ` — ${row.record.note}` : ""}. {d.recordBy(row.record.by ?? "—", formatDateTime(row.record.at))}
          </p>
        )}
        <p className="text-slate-700">{t.recordForm.lead}</p>
        <ConnectionRecordForm identifier={row.identifier} action={recordConnectionAction} />
      </section>
    </div>
  );
}

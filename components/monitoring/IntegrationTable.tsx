// One group of agencies (central bodies, or provinces) with their integration figures.
import Link from "next/link";
import { formatDate, formatDateTime } from "@/lib/format";
import { integrationText as t } from "@/lib/i18n/vi/monitoring";
import type { IntegrationRow } from "@/lib/monitoring/integration";
import { StateBadge } from "./StateBadge";
import { DataTable } from "@/components/ui/DataTable";

const n = (v: number) => v.toLocaleString("vi-VN");
const secs = (v: number | null) => (v == null ? t.none : t.seconds(v));

export function IntegrationTable({ caption, rows, linkBase }: { caption: string; rows: readonly IntegrationRow[]; linkBase?: string }) {
  const c = t.columns;
  return (
    <DataTable
      caption={caption}
      showCaption
      columns={[c.agency, c.state, c.since, c.last, c.sent, c.received, ...(linkBase ? [c.failures, c.dead, c.latency] : []), c.portal]}
    >
      {rows.map((r) => (
        <tr key={r.identifier} className="border-b border-slate-200" data-testid="integration-row" data-identifier={r.identifier}>
          <th scope="row" className="p-2 font-normal">
            {linkBase ? <Link href={`${linkBase}/${r.identifier}`}>{r.name}</Link> : r.name}
            <span className="block font-mono text-xs text-slate-700">{r.identifier}</span>
          </th>
          <td className="p-2">
            <StateBadge state={r.state} source={r.stateSource} />
          </td>
          <td className="p-2 whitespace-nowrap">
            {r.since ? formatDate(r.since) : t.none}
            {r.since && r.sinceSource === "recorded" && <span className="block text-xs italic">({t.recorded})</span>}
          </td>
          <td className="p-2 whitespace-nowrap">{r.lastExchangeAt ? formatDateTime(r.lastExchangeAt) : t.none}</td>
          <td className="p-2 whitespace-nowrap">
            {n(r.sent7)} / {n(r.sent30)}
          </td>
          <td className="p-2 whitespace-nowrap">
            {n(r.received7)} / {n(r.received30)}
          </td>
          {linkBase && <td className={`p-2 ${r.failures30 ? "font-semibold text-red-800" : ""}`}>{n(r.failures30)}</td>}
          {linkBase && <td className={`p-2 ${r.deadLetters ? "font-semibold text-red-800" : ""}`}>{n(r.deadLetters)}</td>}
          {linkBase && (
            <td className="p-2 whitespace-nowrap">
              {secs(r.latencyMedian)} / {secs(r.latencyP95)}
            </td>
          )}
          <td className="p-2 whitespace-nowrap">
            {n(r.servicesLevel3)} / {n(r.servicesLevel4)}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

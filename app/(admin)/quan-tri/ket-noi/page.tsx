// Quản trị → Tình hình kết nối: every central body and province, grouped, with counts per state; sorted in SQL.
import type { Metadata } from "next";
import Link from "next/link";
import { IntegrationTable } from "@/components/monitoring/IntegrationTable";
import { SortLinks } from "@/components/monitoring/SortLinks";
import { requirePermission } from "@/lib/auth/current-user";
import { integrationText as t } from "@/lib/i18n/vi/monitoring";
import {
  connectedCount,
  countStates,
  CONNECTION_STATES,
  integrationOverview,
  isCentral,
  parseIntegrationSort,
} from "@/lib/monitoring/integration";

const PAGE = "/quan-tri/ket-noi";

export const metadata: Metadata = { title: t.title };

export default async function IntegrationOverviewPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const sp = await searchParams;
  const sort = parseIntegrationSort(sp["sap-xep"]);
  await requirePermission("admin.read", PAGE);
  const rows = await integrationOverview({ sort });
  const counts = countStates(rows);
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <p>
          <Link href="/quan-tri">{t.backToAdmin}</Link>
        </p>
        <h1 className="text-2xl font-bold">{t.title}</h1>
        <p className="text-slate-700">{t.lead}</p>
      </header>
      <section aria-labelledby="tong-hop" className="card space-y-2">
        <h2 id="tong-hop" className="text-xl font-semibold" data-testid="headline">
          {t.headline(connectedCount(counts.central), connectedCount(counts.provinces))}
        </h2>
        <table className="text-left text-sm">
          <caption className="sr-only">Số cơ quan theo trạng thái kết nối</caption>
          <thead>
            <tr>
              <th scope="col" className="p-1 pr-4">
                {t.columns.state}
              </th>
              <th scope="col" className="p-1 pr-4">
                {t.groups.central}
              </th>
              <th scope="col" className="p-1">
                {t.groups.provinces}
              </th>
            </tr>
          </thead>
          <tbody>
            {CONNECTION_STATES.filter((s) => s !== "SENDING_ONLY" || counts.central[s] + counts.provinces[s] > 0).map((s) => (
              <tr key={s} data-testid={`state-count-${s}`}>
                <th scope="row" className="p-1 pr-4 font-normal">
                  {t.states[s]}
                </th>
                <td className="p-1 pr-4">{counts.central[s]}</td>
                <td className="p-1">{counts.provinces[s]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <SortLinks basePath={PAGE} current={sort} options={t.sorts} label={t.sortLabel} />
      <IntegrationTable
        caption={`${t.groups.central} (${counts.centralTotal})`}
        rows={rows.filter((r) => isCentral(r.kind))}
        linkBase={PAGE}
      />
      <IntegrationTable
        caption={`${t.groups.provinces} (${counts.provincesTotal})`}
        rows={rows.filter((r) => !isCentral(r.kind))}
        linkBase={PAGE}
      />
    </div>
  );
}

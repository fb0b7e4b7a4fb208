import type { Metadata } from "next";
import Link from "next/link";
import { listAgencies, type AgencySummary } from "@/lib/agencies/queries";
import { catalogText } from "@/lib/i18n/vi/catalog";

// Reads live data (the database, or the deployment's public address): rendered per request.
export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: catalogText.agencyPage.listTitle };

function AgencyTable({ caption, rows }: { caption: string; rows: AgencySummary[] }) {
  return (
    <table className="w-full border-collapse bg-white text-left text-sm">
      <caption className="mb-2 text-left text-lg font-semibold">{caption}</caption>
      <thead>
        <tr className="border-b border-slate-300">
          <th scope="col" className="p-2">
            {catalogText.agencyPage.identifier}
          </th>
          <th scope="col" className="p-2">
            Tên cơ quan
          </th>
          <th scope="col" className="p-2 text-right">
            Số dịch vụ
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((a) => (
          <tr key={a.identifier} className="border-b border-slate-200">
            <td className="p-2 font-mono">{a.identifier}</td>
            <td className="p-2">
              <Link href={`/co-quan/${a.identifier}`}>{a.name}</Link>
            </td>
            <td className="p-2 text-right">{a.services.toLocaleString("vi-VN")}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default async function AgenciesPage() {
  const agencies = await listAgencies();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{catalogText.agencyPage.listTitle}</h1>
      <AgencyTable caption={catalogText.centralBodies} rows={agencies.filter((a) => a.kind !== "PROVINCE")} />
      <AgencyTable caption={catalogText.provinces} rows={agencies.filter((a) => a.kind === "PROVINCE")} />
    </div>
  );
}

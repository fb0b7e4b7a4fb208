// Quản trị cơ quan → Dịch vụ công: an agency administrator finds the agency's services by name (with or without
// diacritics), sees how each is offered online, and opens one to edit it.
import type { Metadata } from "next";
import Link from "next/link";
import { AdminNav } from "@/components/agency-admin/AdminNav";
import { NumberPager } from "@/components/catalog/Pager";
import { listAgencyServices } from "@/lib/agencies/services-admin";
import { requirePermission } from "@/lib/auth/current-user";
import { cleanQuery } from "@/lib/catalog/fold";
import { formatMoney } from "@/lib/format";
import { agencyAdminText } from "@/lib/i18n/vi/agency-admin";
import { catalogText } from "@/lib/i18n/vi/catalog";
import { DataTable } from "@/components/ui/DataTable";

const t = agencyAdminText.services;
const PAGE = "/can-bo/quan-tri-co-quan/dich-vu";

export const metadata: Metadata = { title: t.title };

type SearchParams = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function AgencyServicesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const q = cleanQuery(one(sp.q));
  const requested = Number(one(sp.trang));
  const qs = new URLSearchParams(Object.entries({ q, trang: one(sp.trang) ?? "" }).filter(([, v]) => v)).toString();
  const admin = await requirePermission("agency.manageServices", qs ? `${PAGE}?${qs}` : PAGE);
  const list = await listAgencyServices(admin, { q, page: Number.isInteger(requested) ? requested : 1 });
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <AdminNav user={admin} current="dich-vu" />
        <h1 className="text-2xl font-bold">{t.title}</h1>
        <p className="text-slate-700">{t.lead}</p>
      </header>
      {admin.agencyId == null && <p className="card">{agencyAdminText.errors.noAgency}</p>}

      <form method="get" action={PAGE} role="search" className="space-y-1">
        <label htmlFor="q" className="block font-medium">
          {t.searchLabel}
        </label>
        <p id="q-goi-y" className="text-sm text-slate-700">
          {t.searchHelp}
        </p>
        <div className="flex flex-col gap-2 sm:flex-row">
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={q}
            placeholder={t.searchPlaceholder}
            aria-describedby="q-goi-y"
            maxLength={120}
            className="input flex-1"
          />
          <button type="submit" className="btn btn-primary">
            {t.searchButton}
          </button>
          {q && (
            <Link href={PAGE} className="btn btn-secondary">
              {t.clearSearch}
            </Link>
          )}
        </div>
      </form>

      <section aria-labelledby="ket-qua" className="space-y-3">
        <h2 id="ket-qua" className="text-lg font-semibold">
          {q ? t.countFor(list.total, q) : t.count(list.total)}
        </h2>
        {list.items.length === 0 ? (
          <p className="card">{t.empty}</p>
        ) : (
          <DataTable
            caption={t.tableCaption}
            columns={[t.columns.name, t.columns.level, t.columns.days, t.columns.fee, t.columns.state, t.columns.actions]}
          >
            {list.items.map((s) => (
              <tr key={s.id} className="border-b border-slate-200 align-top">
                <th scope="row" className="p-2 font-normal">
                  {s.name}
                  <span className="block font-mono text-xs text-slate-700">{s.code}</span>
                </th>
                <td className="p-2">{catalogText.levelShort(s.onlineLevel)}</td>
                <td className="p-2">{s.processingDays == null ? t.noOnlineChannel : t.days(s.processingDays)}</td>
                <td className="p-2 whitespace-nowrap">
                  {s.feeAmount == null ? t.noOnlineChannel : s.feeAmount === 0 ? catalogText.detail.free : formatMoney(s.feeAmount)}
                </td>
                <td className="p-2">{s.published ? t.published : t.unpublished}</td>
                <td className="p-2">
                  <Link href={`${PAGE}/${encodeURIComponent(s.code)}`}>
                    {t.edit}
                    <span className="sr-only"> {t.editWhich(s.name)}</span>
                  </Link>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
        {list.pages > 1 && <NumberPager base={PAGE} params={{ q: q || undefined }} page={list.page} pages={list.pages} />}
      </section>
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { OrganisationForm } from "@/components/organisations/OrganisationForm";
import { DataTable } from "@/components/ui/DataTable";
import { requirePermission } from "@/lib/auth/current-user";
import { orgText as t } from "@/lib/i18n/vi/organisations";
import { listMyOrganisations } from "@/lib/organisations/organisations";
import { formatTaxCode } from "@/lib/organisations/tax-code";
import { createOrganisationAction } from "./actions";

export const metadata: Metadata = { title: t.title };

type Props = { searchParams: Promise<{ roi?: string }> };

export default async function MyOrganisationsPage({ searchParams }: Props) {
  const user = await requirePermission("organisation.manage", "/tai-khoan/to-chuc");
  const [orgs, { roi }] = await Promise.all([listMyOrganisations(user.id), searchParams]);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <p className="text-sm">
        <Link href="/ho-so-cua-toi">← Hồ sơ của tôi</Link>
      </p>
      <h1 className="text-2xl font-bold">{t.title}</h1>
      <p className="text-slate-700">{t.lead}</p>
      {roi && (
        <p role="status" className="rounded border border-green-700 bg-green-50 p-3 text-green-900">
          {t.left}
        </p>
      )}
      <section className="card space-y-2" aria-labelledby="danh-sach">
        <h2 id="danh-sach" className="text-lg font-semibold">
          {t.title}
        </h2>
        {orgs.length === 0 ? (
          <p>{t.none}</p>
        ) : (
          <DataTable caption={t.title} columns={[t.name, t.taxCode, t.yourRole]}>
            {orgs.map((o) => (
              <tr key={o.id} className="border-b">
                <td className="p-2">
                  <Link href={`/tai-khoan/to-chuc/${o.id}`}>{o.name}</Link>
                  <br />
                  <span className="text-sm text-slate-700">{o.address}</span>
                </td>
                <td className="p-2">{formatTaxCode(o.taxCode)}</td>
                <td className="p-2">{t.role[o.role]}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
      <section className="card space-y-3" aria-labelledby="dang-ky-to-chuc">
        <h2 id="dang-ky-to-chuc" className="text-lg font-semibold">
          {t.createTitle}
        </h2>
        <p>{t.createLead}</p>
        <p className="text-sm text-slate-700">{t.formCheckOnly}</p>
        <OrganisationForm action={createOrganisationAction} />
      </section>
    </div>
  );
}

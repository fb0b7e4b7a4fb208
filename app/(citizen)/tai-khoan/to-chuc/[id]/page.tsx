import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ButtonForm } from "@/components/forms/ButtonForm";
import { AddMemberForm } from "@/components/organisations/AddMemberForm";
import { OrganisationForm } from "@/components/organisations/OrganisationForm";
import { DataTable } from "@/components/ui/DataTable";
import { requirePermission } from "@/lib/auth/current-user";
import { formatDate } from "@/lib/format";
import { decodeSegment } from "@/lib/http/segment";
import { orgText as t } from "@/lib/i18n/vi/organisations";
import { getMyOrganisation } from "@/lib/organisations/organisations";
import { formatTaxCode } from "@/lib/organisations/tax-code";
import { addMemberAction, leaveOrganisationAction, removeMemberAction, updateOrganisationAction } from "../actions";

export const metadata: Metadata = { title: t.detailsTitle };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ moi?: string }> };

export default async function OrganisationPage({ params, searchParams }: Props) {
  const id = decodeSegment((await params).id) ?? notFound();
  const user = await requirePermission("organisation.manage", `/tai-khoan/to-chuc/${id}`);
  const org = await getMyOrganisation(user.id, id);
  if (!org) notFound();
  const { moi } = await searchParams;
  const rep = org.myRole === "representative";
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <p className="text-sm">
        <Link href="/tai-khoan/to-chuc">{t.backToList}</Link>
      </p>
      <h1 className="text-2xl font-bold">{org.name}</h1>
      {moi && (
        <p role="status" className="rounded border border-green-700 bg-green-50 p-3 text-green-900">
          {t.created}
        </p>
      )}
      <section className="card space-y-3" aria-labelledby="thong-tin-to-chuc">
        <h2 id="thong-tin-to-chuc" className="text-lg font-semibold">
          {t.detailsTitle}
        </h2>
        <dl className="grid gap-2 sm:grid-cols-[16rem_1fr]">
          <dt className="font-semibold">{t.taxCode}</dt>
          <dd data-testid="ma-so-thue">{formatTaxCode(org.taxCode)}</dd>
          <dt className="font-semibold">{t.yourRole}</dt>
          <dd>{t.role[org.myRole]}</dd>
          {!rep && (
            <>
              <dt className="font-semibold">{t.address}</dt>
              <dd>{org.address}</dd>
              <dt className="font-semibold">{t.legalRepresentative}</dt>
              <dd>{org.legalRepresentative}</dd>
            </>
          )}
        </dl>
        <p className="text-sm text-slate-700">{t.formCheckOnly}</p>
        {rep ? (
          <OrganisationForm
            action={updateOrganisationAction}
            organisationId={org.id}
            initial={{ name: org.name, address: org.address, legalRepresentative: org.legalRepresentative }}
          />
        ) : (
          <p>{t.membersReadOnly}</p>
        )}
      </section>
      <section className="card space-y-3" aria-labelledby="thanh-vien">
        <h2 id="thanh-vien" className="text-lg font-semibold">
          {t.membersTitle}
        </h2>
        <DataTable caption={t.membersTitle} columns={[t.memberName, t.memberContact, t.memberRole, t.addedAt, t.actions]}>
          {org.members.map((m) => (
            <tr key={m.user.id} className="border-b">
              <td className="p-2">{m.user.fullName}</td>
              <td className="p-2">{m.user.email ?? "—"}</td>
              <td className="p-2">{t.role[m.role]}</td>
              <td className="p-2">{formatDate(m.addedAt)}</td>
              <td className="p-2">
                {m.user.id === user.id ? (
                  <ButtonForm
                    id={`roi-${m.user.id}`}
                    action={leaveOrganisationAction}
                    hidden={{ organisationId: org.id }}
                    label={t.leave}
                    pendingLabel={t.saving}
                  />
                ) : rep ? (
                  <ButtonForm
                    id={`xoa-${m.user.id}`}
                    action={removeMemberAction}
                    hidden={{ organisationId: org.id, userId: m.user.id }}
                    label={t.remove}
                    srLabel={m.user.fullName}
                    pendingLabel={t.saving}
                  />
                ) : null}
              </td>
            </tr>
          ))}
        </DataTable>
        {rep && (
          <>
            <h3 className="font-semibold">{t.addTitle}</h3>
            <p className="text-sm text-slate-700">{t.addLead}</p>
            <AddMemberForm action={addMemberAction} organisationId={org.id} />
          </>
        )}
      </section>
    </div>
  );
}

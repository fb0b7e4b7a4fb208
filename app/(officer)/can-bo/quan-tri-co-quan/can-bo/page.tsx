// Quản trị cơ quan → Cán bộ: an agency administrator lists the agency's officer accounts, creates one, and
// disables or enables them.
import type { Metadata } from "next";
import { AdminNav } from "@/components/agency-admin/AdminNav";
import { OfficerForm } from "@/components/agency-admin/OfficerForm";
import { ButtonForm } from "@/components/forms/ButtonForm";
import { listOfficers, type OfficerRow } from "@/lib/agencies/officers";
import { requirePermission } from "@/lib/auth/current-user";
import { formatDate } from "@/lib/format";
import { agencyAdminText } from "@/lib/i18n/vi/agency-admin";
import { secondFactorText } from "@/lib/i18n/vi/second-factor";
import { createOfficerAction, resetOfficerSecondFactorAction, setOfficerDisabledAction } from "../actions";
import { DataTable } from "@/components/ui/DataTable";

const t = agencyAdminText.officers;
const sf = secondFactorText.reset;
const PAGE = "/can-bo/quan-tri-co-quan/can-bo";

export const metadata: Metadata = { title: t.title };

type SearchParams = Record<string, string | string[] | undefined>;

/** The line saying what the last action did; it names only an officer of this list, since anyone can type a URL. */
function statusOf(sp: SearchParams, officers: OfficerRow[]): string | undefined {
  const nameOf = (k: string) => {
    const id = sp[k];
    return typeof id === "string" ? officers.find((o) => o.id === id)?.fullName : undefined;
  };
  const created = nameOf("da-tao");
  if (created) return t.created(created);
  const disabled = nameOf("da-khoa");
  if (disabled) return t.disabled(disabled);
  const enabled = nameOf("da-mo-khoa");
  if (enabled) return t.enabled(enabled);
  const reset = nameOf("da-dat-lai-2fa");
  if (reset) return secondFactorText.reset.done(reset);
  return undefined;
}

export default async function AgencyOfficersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const admin = await requirePermission("agency.manageOfficers", PAGE);
  const [sp, officers] = await Promise.all([searchParams, listOfficers(admin)]);
  const status = statusOf(sp, officers);
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <AdminNav user={admin} current="can-bo" />
        <h1 className="text-2xl font-bold">{t.title}</h1>
        <p className="text-slate-700">{t.lead}</p>
      </header>
      {admin.agencyId == null && <p className="card">{agencyAdminText.errors.noAgency}</p>}
      {status && (
        <p role="status" className="rounded border border-green-700 bg-green-50 p-3 text-green-900">
          {status}
        </p>
      )}

      {officers.length === 0 ? (
        <p className="card">{t.empty}</p>
      ) : (
        <DataTable
          caption={t.tableCaption}
          columns={[t.columns.name, t.columns.email, t.columns.role, t.columns.state, sf.column, t.columns.actions]}
        >
          {officers.map((o) => (
            <tr key={o.id} className="border-b border-slate-200 align-top">
              <th scope="row" className="p-2 font-normal">
                {o.fullName}
              </th>
              <td className="p-2 break-all">{o.email}</td>
              <td className="p-2">{t.role[o.role]}</td>
              <td className="p-2">{o.disabledAt ? t.disabledSince(formatDate(o.disabledAt)) : t.active}</td>
              <td className="p-2">{o.totpEnabledAt ? sf.on : sf.off}</td>
              <td className="space-y-2 p-2">
                {o.id === admin.id ? (
                  <span className="text-slate-700">{t.you}</span>
                ) : (
                  <>
                    <ButtonForm
                      id={`trang-thai-${o.id}`}
                      action={setOfficerDisabledAction}
                      hidden={{ officerId: o.id, disabled: o.disabledAt ? "false" : "true" }}
                      label={o.disabledAt ? t.enable : t.disable}
                      srLabel={t.which(o.fullName)}
                      pendingLabel={o.disabledAt ? t.enabling : t.disabling}
                    />
                    {/* Officers only: an agency administrator's is reset by the VPCP (docs/second-factor.md). */}
                    {o.totpEnabledAt && o.role === "OFFICER" && (
                      <ButtonForm
                        id={`dat-lai-2fa-${o.id}`}
                        action={resetOfficerSecondFactorAction}
                        hidden={{ officerId: o.id }}
                        label={sf.action}
                        srLabel={sf.which(o.fullName)}
                        pendingLabel={sf.pending}
                      />
                    )}
                  </>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}

      <section aria-labelledby="tao-tai-khoan" className="card space-y-3">
        <h2 id="tao-tai-khoan" className="text-lg font-semibold">
          {t.formTitle}
        </h2>
        <p className="text-slate-700">{t.formLead}</p>
        {/* key: after any action succeeds, an earlier refusal is no longer shown. */}
        <OfficerForm key={status ?? ""} action={createOfficerAction} />
      </section>
    </div>
  );
}

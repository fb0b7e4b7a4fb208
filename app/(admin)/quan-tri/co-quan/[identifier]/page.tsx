// Quản trị → Sổ đăng ký cơ quan → one agency: edit it, retire it or record its merger into a successor, and see
// its predecessors with the documents and dossiers of each before and from the effective date.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/programme/ActionForm";
import { isAgencyIdentifier } from "@/lib/agencies/identifier";
import { listAgencies } from "@/lib/agencies/queries";
import { AGENCY_KINDS } from "@/lib/agencies/records";
import { beforeAfterCounts, predecessorsOf } from "@/lib/agencies/succession";
import { requirePermission } from "@/lib/auth/current-user";
import { agencyAdminsOf } from "@/lib/auth/second-factor";
import { ButtonForm } from "@/components/forms/ButtonForm";
import { secondFactorText } from "@/lib/i18n/vi/second-factor";
import { db } from "@/lib/db/client";
import { formatDate } from "@/lib/format";
import { catalogText } from "@/lib/i18n/vi/catalog";
import { programmeText } from "@/lib/i18n/vi/programme";
import { reorganisationText } from "@/lib/i18n/vi/reorganisation";
import { resetAgencyAdminSecondFactorAction, retireAgencyAction, updateAgencyAction } from "../actions";
import { DataTable } from "@/components/ui/DataTable";

const t = programmeText.registry;
const sf = secondFactorText.reset;
export const metadata: Metadata = { title: t.title };

const KIND_OPTIONS = AGENCY_KINDS.map((k) => ({ value: k, label: catalogText.agencyKind[k] ?? k }));
const STATUS: Record<string, string> = { tao: t.created, luu: t.saved, thoi: t.retiredDone };
const isoOf = (d: Date) => d.toISOString().slice(0, 10);

export default async function AgencyRegistryPage({
  params,
  searchParams,
}: {
  params: Promise<{ identifier: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { identifier } = await params;
  await requirePermission("agency.manage", `/quan-tri/co-quan/${identifier}`);
  if (!isAgencyIdentifier(identifier)) notFound();
  const agency = await db.agency.findUnique({
    where: { identifier },
    include: { successor: { select: { identifier: true, name: true } } },
  });
  if (!agency) notFound();
  const sp = await searchParams;
  const status = typeof sp.tb === "string" && Object.hasOwn(STATUS, sp.tb) ? STATUS[sp.tb] : undefined;
  const preds = await predecessorsOf(agency.id);
  // The pivot: the latest merger into this agency, or, for a retired agency, its own end date.
  const pivot = preds.length
    ? preds
        .map((p) => p.validTo)
        .sort()
        .at(-1)!
    : agency.validTo
      ? isoOf(agency.validTo)
      : null;
  const [stats, current, admins] = await Promise.all([
    pivot ? beforeAfterCounts(agency.successorId && !preds.length ? agency.successorId : agency.id, pivot) : Promise.resolve([]),
    listAgencies(),
    agencyAdminsOf(agency.id),
  ]);
  const resetName = typeof sp["da-dat-lai-2fa"] === "string" ? admins.find((a) => a.id === sp["da-dat-lai-2fa"])?.fullName : undefined;
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <p>
          <Link href="/quan-tri/co-quan">{t.title}</Link>
        </p>
        <h1 className="text-2xl font-bold">{agency.name}</h1>
        <p className="font-mono">{agency.identifier}</p>
        {agency.validTo && (
          <p className="font-semibold" data-testid="da-thoi-hoat-dong">
            {t.endedOn(
              formatDate(isoOf(agency.validTo)),
              agency.successor ? `${agency.successor.name} (${agency.successor.identifier})` : null,
            )}
          </p>
        )}
        {agency.validTo && agency.successor && (
          <p>
            <Link href={`/quan-tri/co-quan/ap-dung-sap-nhap?co-quan=${agency.identifier}`}>{reorganisationText.linkFromAgency}</Link>
          </p>
        )}
      </header>
      {(status ?? resetName) && (
        <p role="status" className="rounded border border-green-700 bg-green-50 p-3 text-green-900">
          {status ?? sf.done(resetName!)}
        </p>
      )}
      {preds.length > 0 && (
        <section aria-labelledby="tien-than" className="space-y-2">
          <h2 id="tien-than" className="text-xl font-semibold">
            {t.predecessorsTitle}
          </h2>
          <DataTable caption={t.predecessorsCaption} columns={Object.values(t.predColumns)}>
            {preds.map((p) => (
              <tr key={p.id} className="border-b border-slate-200">
                <td className="p-2 font-mono">
                  <Link href={`/quan-tri/co-quan/${p.identifier}`}>{p.identifier}</Link>
                </td>
                <td className="p-2">{p.name}</td>
                <td className="p-2">{formatDate(p.validTo)}</td>
                <td className="p-2 font-mono">{p.successorIdentifier}</td>
              </tr>
            ))}
          </DataTable>
        </section>
      )}
      {pivot && stats.length > 0 && (
        <section aria-labelledby="truoc-sau" className="space-y-2">
          <h2 id="truoc-sau" className="text-xl font-semibold">
            {t.statsTitle(formatDate(pivot))}
          </h2>
          <DataTable caption={t.statsCaption(formatDate(pivot))} columns={Object.values(t.statsColumns)}>
            {stats.map((s) => (
              <tr key={s.identifier} className="border-b border-slate-200" data-testid={`so-lieu-${s.identifier}`}>
                <th scope="row" className="p-2 text-left font-normal">
                  {s.name}
                </th>
                <td className="p-2">{s.documentsReceivedBefore}</td>
                <td className="p-2">{s.documentsReceivedAfter}</td>
                <td className="p-2">{s.documentsSentBefore}</td>
                <td className="p-2">{s.documentsSentAfter}</td>
                <td className="p-2">{s.dossiersBefore}</td>
                <td className="p-2">{s.dossiersAfter}</td>
              </tr>
            ))}
          </DataTable>
        </section>
      )}
      {admins.length > 0 && (
        <section aria-labelledby="quan-tri-co-quan" className="space-y-2">
          <h2 id="quan-tri-co-quan" className="text-xl font-semibold">
            {sf.adminsTitle}
          </h2>
          <DataTable caption={sf.adminsCaption} columns={[sf.columns.name, sf.columns.email, sf.column, sf.columns.actions]}>
            {admins.map((a) => (
              <tr key={a.id} className="border-b border-slate-200 align-top">
                <th scope="row" className="p-2 font-normal">
                  {a.fullName}
                </th>
                <td className="p-2 break-all">{a.email}</td>
                <td className="p-2">{a.totpEnabledAt ? sf.on : sf.off}</td>
                <td className="p-2">
                  {a.totpEnabledAt && (
                    <ButtonForm
                      id={`dat-lai-2fa-${a.id}`}
                      action={resetAgencyAdminSecondFactorAction}
                      hidden={{ userId: a.id }}
                      label={sf.action}
                      srLabel={sf.which(a.fullName)}
                      pendingLabel={sf.pending}
                    />
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        </section>
      )}
      <section aria-labelledby="sua" className="card space-y-3">
        <h2 id="sua" className="text-lg font-semibold">
          {t.editTitle}
        </h2>
        <ActionForm
          id="sua-co-quan"
          action={updateAgencyAction}
          hidden={{ identifier: agency.identifier }}
          fields={[
            { name: "name", label: t.name, required: true, maxLength: 300, defaultValue: agency.name },
            { name: "shortName", label: t.shortName, required: true, maxLength: 100, defaultValue: agency.shortName },
            { name: "kind", label: t.kind, type: "select", options: KIND_OPTIONS, defaultValue: agency.kind },
            {
              name: "provinceCode",
              label: t.provinceCode,
              help: t.provinceCodeHelp,
              maxLength: 2,
              defaultValue: agency.provinceCode ?? "",
            },
          ]}
          submitLabel={t.save}
          pendingLabel={t.saving}
        />
      </section>
      {!agency.validTo && (
        <section aria-labelledby="thoi-hoat-dong" className="card space-y-3">
          <h2 id="thoi-hoat-dong" className="text-lg font-semibold">
            {t.retireTitle}
          </h2>
          <p className="text-slate-700">{t.retireLead}</p>
          <ActionForm
            id="sap-nhap"
            action={retireAgencyAction}
            hidden={{ identifier: agency.identifier }}
            fields={[
              { name: "effectiveDate", label: t.effectiveDate, type: "date", required: true },
              {
                name: "successor",
                label: t.successor,
                type: "select",
                options: [
                  { value: "", label: t.noSuccessor },
                  ...current
                    .filter((a) => a.identifier !== agency.identifier)
                    .map((a) => ({ value: a.identifier, label: `${a.name} (${a.identifier})` })),
                ],
              },
              { name: "legalBasis", label: t.legalBasis, maxLength: 300 },
            ]}
            submitLabel={t.retire}
            pendingLabel={t.retiring}
          />
        </section>
      )}
    </div>
  );
}

// Quản trị → Sổ đăng ký cơ quan: every agency, current or retired, with its dates and successor; add an agency.
import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/programme/ActionForm";
import { registryRows } from "@/lib/agencies/registry-admin";
import { AGENCY_KINDS } from "@/lib/agencies/records";
import { requirePermission } from "@/lib/auth/current-user";
import { formatDate } from "@/lib/format";
import { catalogText } from "@/lib/i18n/vi/catalog";
import { programmeText } from "@/lib/i18n/vi/programme";
import { reorganisationText } from "@/lib/i18n/vi/reorganisation";
import { createAgencyAction } from "./actions";
import { DataTable } from "@/components/ui/DataTable";
import { AdminPageHeader } from "@/components/admin/AdminPageHeader";

const t = programmeText.registry;
export const metadata: Metadata = { title: t.title };

const KIND_OPTIONS = AGENCY_KINDS.map((k) => ({ value: k, label: catalogText.agencyKind[k] ?? k }));

export default async function RegistryPage() {
  await requirePermission("agency.manage", "/quan-tri/co-quan");
  const rows = await registryRows();
  return (
    <div className="space-y-6">
      <AdminPageHeader title={t.title} lead={t.lead} />
      <p>
        <Link href="/quan-tri/co-quan/ap-dung-sap-nhap">{reorganisationText.title}</Link>
      </p>
      <DataTable caption={t.tableCaption} columns={Object.values(t.columns)}>
        {rows.map((r) => (
          <tr key={r.identifier} className="border-b border-slate-200" data-testid={`co-quan-${r.identifier}`}>
            <td className="p-2 font-mono">
              <Link href={`/quan-tri/co-quan/${r.identifier}`}>{r.identifier}</Link>
            </td>
            <td className="p-2">{r.name}</td>
            <td className="p-2">{(catalogText.agencyKind as Record<string, string>)[r.kind] ?? r.kind}</td>
            <td className="p-2">
              {r.validTo ? t.until(formatDate(r.validFrom), formatDate(r.validTo)) : t.since(formatDate(r.validFrom))}
              {r.retired && <span className="block font-semibold">{t.retired}</span>}
            </td>
            <td className="p-2">{r.successorName ?? "—"}</td>
          </tr>
        ))}
      </DataTable>
      <section aria-labelledby="them-co-quan" className="card space-y-3">
        <h2 id="them-co-quan" className="text-lg font-semibold">
          {t.createTitle}
        </h2>
        <ActionForm
          id="tao-co-quan"
          action={createAgencyAction}
          fields={[
            { name: "identifier", label: t.identifier, help: t.identifierHelp, required: true, maxLength: 13 },
            { name: "name", label: t.name, required: true, maxLength: 300 },
            { name: "shortName", label: t.shortName, required: true, maxLength: 100 },
            { name: "kind", label: t.kind, type: "select", options: KIND_OPTIONS, defaultValue: "PROVINCE" },
            { name: "provinceCode", label: t.provinceCode, help: t.provinceCodeHelp, maxLength: 2 },
            { name: "validFrom", label: t.validFrom, type: "date", required: true },
          ]}
          submitLabel={t.create}
          pendingLabel={t.creating}
        />
      </section>
    </div>
  );
}

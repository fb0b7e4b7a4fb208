// Quản trị cơ quan → Dịch vụ công → one service: the agency administrator changes whether it is published, its
// online level, and the online channel's processing days and standard fee.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AdminNav } from "@/components/agency-admin/AdminNav";
import { ServiceForm } from "@/components/agency-admin/ServiceForm";
import { getAgencyService } from "@/lib/agencies/services-admin";
import { requirePermission } from "@/lib/auth/current-user";
import { agencyAdminText } from "@/lib/i18n/vi/agency-admin";
import { formsText } from "@/lib/i18n/vi/forms";
import { updateServiceAction } from "../../actions";
import { IntakeModeForm } from "@/components/agency-admin/IntakeModeForm";
import { RevealForm } from "@/components/integration/RevealForm";
import { syncOutText } from "@/lib/i18n/vi/sync-out";
import { serviceIntake, syncEndpointOf } from "@/lib/sync/intake";
import { intakeModeAction, syncEndpointAction } from "./actions";

const t = agencyAdminText.services;
const LIST = "/can-bo/quan-tri-co-quan/dich-vu";

export const metadata: Metadata = { title: t.editTitle };

type SearchParams = Record<string, string | string[] | undefined>;

/** The line saying what the last save did; only a well-formed value is shown, since anyone can type a URL. */
function statusOf(sp: SearchParams): string | undefined {
  const version = (k: string) => typeof sp[k] === "string" && /^\d{1,9}$/.test(sp[k]);
  if (version("da-luu")) return t.saved;
  if (version("khong-doi")) return t.unchanged;
  if (version("da-luu-noi-xu-ly")) return syncOutText.intake.saved;
  return undefined;
}

export default async function AgencyServiceEditPage({
  params,
  searchParams,
}: {
  params: Promise<{ code: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const [{ code }, sp] = await Promise.all([params, searchParams]);
  const admin = await requirePermission("agency.manageServices", `${LIST}/${encodeURIComponent(code)}`);
  const service = await getAgencyService(admin, code);
  // Another agency's service reads exactly as an unknown code.
  if (!service) notFound();
  const status = statusOf(sp);
  // Issue 17 (sync-out): the intake mode and the agency's sync endpoint.
  const [intake, endpoint] = await Promise.all([serviceIntake(admin, service.code), syncEndpointOf(admin)]);
  const si = syncOutText.intake;
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <AdminNav user={admin} />
        <p>
          <Link href={LIST}>{t.backToList}</Link>
        </p>
        <h1 className="text-2xl font-bold">{service.name}</h1>
        <p className="text-slate-700">
          {t.code}: <span className="font-mono">{service.code}</span> · {t.settingsVersion(service.settingsVersion)}
        </p>
        <p>
          <Link href={`${LIST}/${encodeURIComponent(service.code)}/bieu-mau`}>{formsText.editForm}</Link>
        </p>
      </header>
      {status && (
        <p role="status" className="rounded border border-green-700 bg-green-50 p-3 text-green-900">
          {status}
        </p>
      )}
      <section aria-labelledby="sua-dich-vu" className="card space-y-3">
        <h2 id="sua-dich-vu" className="text-lg font-semibold">
          {t.editTitle}
        </h2>
        {/* key: a new version (after a save) starts the form afresh from the stored values. */}
        <ServiceForm
          key={service.settingsVersion}
          action={updateServiceAction}
          code={service.code}
          settingsVersion={service.settingsVersion}
          initial={{
            published: service.published ? "true" : "false",
            onlineLevel: String(service.onlineLevel),
            processingDays: service.processingDays == null ? "" : String(service.processingDays),
            feeAmount: service.feeAmount == null ? "" : String(service.feeAmount),
          }}
          feeHelp={service.feeDescription ? t.feeAmountHelp(service.feeDescription) : t.feeAmountHelpNone}
        />
      </section>
      {intake && (
        <section aria-labelledby="noi-xu-ly" className="card space-y-3">
          <h2 id="noi-xu-ly" className="text-lg font-semibold">
            {si.legend}
          </h2>
          <p data-testid="noi-xu-ly-hien-tai">{intake.intakeMode === "SYNC" ? si.listSync : si.listPortal}</p>
          <IntakeModeForm
            key={intake.settingsVersion}
            action={intakeModeAction}
            code={service.code}
            settingsVersion={intake.settingsVersion}
            intakeMode={intake.intakeMode}
          />
          <h3 className="font-semibold">{si.endpointHeading}</h3>
          <p className="text-sm text-slate-700">{si.endpointIntro}</p>
          <p data-testid="dia-chi-nhan-ho-so">{endpoint ? `${endpoint.url}${endpoint.enabled ? "" : " (tạm ngừng)"}` : si.endpointNone}</p>
          <RevealForm
            id="dia-chi-dong-bo"
            action={syncEndpointAction}
            hidden={{ code: service.code }}
            fields={[{ name: "url", label: si.endpointUrl, type: "url", defaultValue: endpoint?.url ?? "" }]}
            submitLabel={si.endpointSave}
            pendingLabel={si.endpointSave}
          />
        </section>
      )}
    </div>
  );
}

// Quản trị cơ quan → Kết nối hệ thống: the agency's API keys (issue, rotate, revoke, last use), its push
// endpoint, and the messages the portal could not push to it.
import type { Metadata } from "next";
import Link from "next/link";
import { AdminNav } from "@/components/agency-admin/AdminNav";
import { ButtonForm } from "@/components/forms/ButtonForm";
import { DeadLetterTable } from "@/components/integration/DeadLetterTable";
import { RevealForm } from "@/components/integration/RevealForm";
import { requirePermission } from "@/lib/auth/current-user";
import { integrationSettings, listDeadLetters } from "@/lib/documents/integration-admin";
import { formatDateTime } from "@/lib/format";
import { integrationText } from "@/lib/i18n/vi/integration";
import {
  issueKeyAction,
  newSecretAction,
  removeEndpointAction,
  resendAction,
  revokeKeyAction,
  rotateKeyAction,
  saveEndpointAction,
} from "./actions";
import { DataTable } from "@/components/ui/DataTable";

const t = integrationText;
const PAGE = "/can-bo/quan-tri-co-quan/ket-noi";

export const metadata: Metadata = { title: t.title };

type SearchParams = Record<string, string | string[] | undefined>;

function statusOf(sp: SearchParams): string | undefined {
  if (sp["da-thu-hoi"]) return t.keys.revoked;
  if (sp["da-xoa-dia-chi"]) return t.endpoint.removed;
  if (sp["da-gui-lai"]) return t.dead.resent;
  return undefined;
}

export default async function IntegrationPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const admin = await requirePermission("agency.integration", PAGE);
  const [sp, settings, dead] = await Promise.all([searchParams, integrationSettings(admin), listDeadLetters(admin)]);
  const status = statusOf(sp);
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <AdminNav user={admin} current="ket-noi" />
        <h1 className="text-2xl font-bold">{t.title}</h1>
        <p className="text-slate-700">
          {t.lead} <Link href="/tai-lieu-api">{t.docsLink}</Link>
        </p>
      </header>
      {status && (
        <p role="status" className="rounded border border-green-700 bg-green-50 p-3 text-green-900">
          {status}
        </p>
      )}

      <section aria-labelledby="khoa-api" className="space-y-3">
        <h2 id="khoa-api" className="text-xl font-semibold">
          {t.keys.title}
        </h2>
        {!settings || settings.keys.length === 0 ? (
          <p className="card">{t.keys.empty}</p>
        ) : (
          <DataTable
            caption={t.keys.caption}
            columns={[
              t.keys.columns.label,
              t.keys.columns.prefix,
              t.keys.columns.created,
              t.keys.columns.lastUsed,
              t.keys.columns.state,
              t.keys.columns.actions,
            ]}
          >
            {settings.keys.map((k) => (
              <tr key={k.id} className="border-b border-slate-200 align-top">
                <th scope="row" className="p-2 font-normal">
                  {k.label}
                </th>
                <td className="p-2">
                  <code>{k.prefix}…</code>
                </td>
                <td className="p-2">{formatDateTime(k.createdAt)}</td>
                <td className="p-2">{k.lastUsedAt ? formatDateTime(k.lastUsedAt) : t.keys.never}</td>
                <td className="p-2">{k.revokedAt ? t.keys.revokedAt(formatDateTime(k.revokedAt)) : t.keys.active}</td>
                <td className="space-y-2 p-2">
                  {!k.revokedAt && (
                    <>
                      <RevealForm
                        id={`doi-${k.id}`}
                        action={rotateKeyAction}
                        hidden={{ keyId: k.id }}
                        submitLabel={t.keys.rotate}
                        pendingLabel={t.keys.rotating}
                        srLabel={t.keys.which(k.label)}
                        variant="secondary"
                      />
                      <ButtonForm
                        id={`thu-hoi-${k.id}`}
                        action={revokeKeyAction}
                        hidden={{ keyId: k.id }}
                        label={t.keys.revoke}
                        srLabel={t.keys.which(k.label)}
                        pendingLabel={t.keys.revoking}
                      />
                    </>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
        <div className="card space-y-2">
          <h3 className="font-semibold">{t.keys.issueTitle}</h3>
          <RevealForm
            id="cap-khoa"
            action={issueKeyAction}
            fields={[{ name: "label", label: t.keys.label, help: t.keys.labelHelp }]}
            submitLabel={t.keys.issue}
            pendingLabel={t.keys.issue}
          />
        </div>
      </section>

      <section aria-labelledby="dia-chi-nhan" className="space-y-3">
        <h2 id="dia-chi-nhan" className="text-xl font-semibold">
          {t.endpoint.title}
        </h2>
        <p>
          {settings?.endpoint
            ? settings.endpoint.enabled
              ? t.endpoint.current(settings.endpoint.url)
              : t.endpoint.disabled
            : t.endpoint.none}
        </p>
        <div className="card space-y-2">
          <RevealForm
            id="dia-chi"
            action={saveEndpointAction}
            fields={[
              { name: "url", label: t.endpoint.url, help: t.endpoint.urlHelp, type: "url", defaultValue: settings?.endpoint?.url ?? "" },
            ]}
            submitLabel={t.endpoint.save}
            pendingLabel={t.endpoint.save}
          />
        </div>
        {settings?.endpoint && (
          <div className="flex flex-wrap gap-4">
            <RevealForm
              id="khoa-ky"
              action={newSecretAction}
              submitLabel={t.endpoint.newSecret}
              pendingLabel={t.endpoint.newSecret}
              variant="secondary"
            />
            <ButtonForm
              id="xoa-dia-chi"
              action={removeEndpointAction}
              hidden={{}}
              label={t.endpoint.remove}
              pendingLabel={t.endpoint.remove}
            />
          </div>
        )}
      </section>

      <section aria-labelledby="thong-diep-loi" className="space-y-3">
        <h2 id="thong-diep-loi" className="text-xl font-semibold">
          {t.dead.title}
        </h2>
        <p className="text-slate-700">{t.dead.lead}</p>
        <DeadLetterTable rows={dead} from="agency" resend={resendAction} />
      </section>
    </div>
  );
}

// Quản trị cơ quan → Dịch vụ công → one service → its form: the agency's own variant (versions, draft
// editor, publish), started from the form in effect (the national one until the agency publishes its own).
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AdminNav } from "@/components/agency-admin/AdminNav";
import { FormWorkspace } from "@/components/forms/FormWorkspace";
import { formStatus } from "@/components/forms/formStatus";
import { requirePermission } from "@/lib/auth/current-user";
import { orPageError } from "@/lib/errors/page";
import { formWorkspace, ownServiceProcedure, workspaceResult } from "@/lib/forms/versions";
import { decodeSegment } from "@/lib/http/segment";
import { formsText as t } from "@/lib/i18n/vi/forms";
import { editorContext } from "@/lib/forms/editor-context";
import {
  createFormDraftAction,
  discardFormDraftAction,
  publishFormDraftAction,
  saveFormDraftAction,
} from "@/app/(admin)/quan-tri/bieu-mau/actions";

export const metadata: Metadata = { title: t.listTitle };

const LIST = "/can-bo/quan-tri-co-quan/dich-vu";

export default async function AgencyFormPage({
  params,
  searchParams,
}: {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const code = decodeSegment((await params).code) ?? notFound();
  const self = `${LIST}/${encodeURIComponent(code)}/bieu-mau`;
  const user = await requirePermission("form.edit", self);
  // Another agency's service reads exactly as an unknown code.
  const procedure = (await ownServiceProcedure(user, code)) ?? notFound();
  const ws = orPageError(await workspaceResult(() => formWorkspace(user, { procedure, service: code })));
  const context = ws.draft ? await editorContext(ws.scope.procedureCode) : undefined;
  return (
    <div className="space-y-4">
      <AdminNav user={user} />
      <p className="text-sm">
        <Link href={`${LIST}/${encodeURIComponent(code)}`}>{t.backToService}</Link>
      </p>
      <FormWorkspace
        heading={t.editorTitle(ws.scope.procedureName)}
        scopeText={t.scopeAgency(ws.scope.agencyName ?? "")}
        notice={ws.versions.length === 0 ? t.usesNational : undefined}
        hidden={{ procedure, service: code }}
        versions={ws.versions}
        inEffect={ws.inEffect}
        draft={ws.draft}
        comparePath={`${self}/so-sanh`}
        status={formStatus(await searchParams)}
        components={context?.components}
        lists={context?.lists}
        actions={{
          create: createFormDraftAction,
          save: saveFormDraftAction,
          publish: publishFormDraftAction,
          discard: discardFormDraftAction,
        }}
      />
    </div>
  );
}

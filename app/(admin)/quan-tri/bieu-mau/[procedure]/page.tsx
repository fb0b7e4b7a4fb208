// VPCP → Biểu mẫu → one procedure's national form: versions, the draft editor, publish.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FormWorkspace } from "@/components/forms/FormWorkspace";
import { requirePermission } from "@/lib/auth/current-user";
import { orPageError } from "@/lib/errors/page";
import { formStatus } from "@/components/forms/formStatus";
import { formWorkspace, workspaceResult } from "@/lib/forms/versions";
import { decodeSegment } from "@/lib/http/segment";
import { formsText as t } from "@/lib/i18n/vi/forms";
import { editorContext } from "@/lib/forms/editor-context";
import { createFormDraftAction, discardFormDraftAction, publishFormDraftAction, saveFormDraftAction } from "../actions";

export const metadata: Metadata = { title: t.listTitle };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function NationalFormPage({
  params,
  searchParams,
}: {
  params: Promise<{ procedure: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const procedure = decodeSegment((await params).procedure) ?? notFound();
  const user = await requirePermission("form.editNational", `/quan-tri/bieu-mau/${encodeURIComponent(procedure)}`);
  const ws = orPageError(await workspaceResult(() => formWorkspace(user, { procedure })));
  const context = ws.draft ? await editorContext(ws.scope.procedureCode) : undefined;
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link href="/quan-tri/bieu-mau">{t.backToList}</Link>
      </p>
      <FormWorkspace
        heading={t.editorTitle(`${ws.scope.procedureCode} ${ws.scope.procedureName}`)}
        scopeText={t.scopeNational}
        hidden={{ procedure, service: "" }}
        versions={ws.versions}
        inEffect={ws.inEffect}
        draft={ws.draft}
        comparePath={`/quan-tri/bieu-mau/${encodeURIComponent(procedure)}/so-sanh`}
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

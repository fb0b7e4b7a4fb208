// One form's page for its administrator (VPCP's national form, or an agency's variant): the versions with who
// made and published each, the draft in the editor (or a button to start one), publish and discard, and links
// to compare versions. Data and actions come from the page.
import Link from "next/link";
import type { FormAction } from "@/lib/forms/action-state";
import type { FormDefinition } from "@/lib/forms/definition";
import { formatDateTime } from "@/lib/format";
import { formsText as t } from "@/lib/i18n/vi/forms";
import { ButtonForm } from "./ButtonForm";
import { FormEditor, type FormEditorProps } from "./FormEditor";
import { FormPreview } from "./FormPreview";

interface Version {
  id: number;
  version: number;
  status: "DRAFT" | "PUBLISHED" | "RETIRED";
  note: string | null;
  createdBy: string | null;
  createdAt: Date;
  publishedBy: string | null;
  publishedAt: Date | null;
}

export interface FormWorkspaceProps {
  heading: string;
  scopeText: string;
  hidden: { procedure: string; service: string };
  versions: Version[];
  inEffect: (Version & { definition: FormDefinition | null }) | null;
  draft: (Version & { rawDefinition: unknown }) | null;
  /** Where the comparison page is (…/so-sanh). */
  comparePath: string;
  status?: string;
  notice?: string;
  actions: { create: FormAction; save: FormAction; publish: FormAction; discard: FormAction };
  /** For the structured editor: the procedure's papers and the code lists. */
  components?: FormEditorProps["components"];
  lists?: FormEditorProps["lists"];
}

export function FormWorkspace(p: FormWorkspaceProps) {
  const { draft, inEffect } = p;
  const hidden = { procedure: p.hidden.procedure, service: p.hidden.service };
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">{p.heading}</h1>
        <p className="text-slate-700">{p.scopeText}</p>
        {inEffect && (
          <p data-testid="phien-ban-ap-dung">
            {t.version(inEffect.version)} · {t.status.PUBLISHED}
          </p>
        )}
        {p.notice && <p className="text-slate-700">{p.notice}</p>}
      </header>
      {p.status && (
        <p role="status" className="rounded border border-green-700 bg-green-50 p-3 text-green-900">
          {p.status}
        </p>
      )}

      {draft ? (
        <section aria-labelledby="ban-nhap" className="card space-y-4">
          <h2 id="ban-nhap" className="text-xl font-semibold">
            {t.draftHeading(draft.version)}
          </h2>
          <div className="flex flex-wrap gap-3">
            <ButtonForm
              id="cong-bo"
              action={p.actions.publish}
              hidden={{ ...hidden, id: String(draft.id) }}
              label={t.publish}
              pendingLabel={t.publishing}
              variant="primary"
            />
            <ButtonForm
              id="huy-nhap"
              action={p.actions.discard}
              hidden={{ ...hidden, id: String(draft.id) }}
              label={t.discard}
              pendingLabel={t.discarding}
            />
            {inEffect && <Link href={`${p.comparePath}?a=${inEffect.id}&b=${draft.id}`}>{t.compareWithInEffect}</Link>}
          </div>
          <FormEditor
            action={p.actions.save}
            hidden={{ ...hidden, id: String(draft.id) }}
            initialJson={JSON.stringify(draft.rawDefinition, null, 2)}
            initialNote={draft.note ?? ""}
            components={p.components}
            lists={p.lists}
          />
        </section>
      ) : (
        <section aria-labelledby="ap-dung" className="card space-y-3">
          <h2 id="ap-dung" className="text-xl font-semibold">
            {inEffect ? t.version(inEffect.version) : t.versionsHeading}
          </h2>
          <ButtonForm
            id="tao-nhap"
            action={p.actions.create}
            hidden={hidden}
            label={t.createDraft}
            pendingLabel={t.creating}
            variant="primary"
          />
          {inEffect?.definition && <FormPreview form={inEffect.definition} />}
        </section>
      )}

      <section aria-labelledby="cac-phien-ban" className="space-y-2">
        <h2 id="cac-phien-ban" className="text-xl font-semibold">
          {t.versionsHeading}
        </h2>
        <div className="overflow-x-auto">
          <table className="w-full bg-white text-left text-sm">
            <thead>
              <tr className="border-b">
                <th scope="col" className="p-2">
                  {t.versionColumns.version}
                </th>
                <th scope="col" className="p-2">
                  {t.versionColumns.status}
                </th>
                <th scope="col" className="p-2">
                  {t.versionColumns.created}
                </th>
                <th scope="col" className="p-2">
                  {t.versionColumns.published}
                </th>
                <th scope="col" className="p-2">
                  {t.versionColumns.note}
                </th>
                <th scope="col" className="p-2">
                  {t.compare}
                </th>
              </tr>
            </thead>
            <tbody>
              {p.versions.map((v, i) => {
                const older = p.versions[i + 1];
                return (
                  <tr key={v.id} className="border-b" data-testid={`phien-ban-${v.version}`}>
                    <td className="p-2">{v.version}</td>
                    <td className="p-2">{t.status[v.status]}</td>
                    <td className="p-2">
                      {v.createdBy ?? t.system} · {formatDateTime(v.createdAt)}
                    </td>
                    <td className="p-2">{v.publishedAt ? `${v.publishedBy ?? t.system} · ${formatDateTime(v.publishedAt)}` : "—"}</td>
                    <td className="p-2">{v.note ?? ""}</td>
                    <td className="p-2">
                      {older && (
                        <Link href={`${p.comparePath}?a=${older.id}&b=${v.id}`}>
                          {t.compare}
                          <span className="sr-only">
                            {" "}
                            {t.version(older.version)} – {t.version(v.version)}
                          </span>
                        </Link>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}

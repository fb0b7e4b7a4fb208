// Quản trị → Từ đồng nghĩa: what citizens call procedures, mapped to the words of the official names the
// catalog search looks for (lib/catalog/synonyms.ts).
import type { Metadata } from "next";
import Link from "next/link";
import { AdminPageHeader } from "@/components/admin/AdminPageHeader";
import { ButtonForm } from "@/components/forms/ButtonForm";
import { ActionForm } from "@/components/programme/ActionForm";
import { DataTable } from "@/components/ui/DataTable";
import { requirePermission } from "@/lib/auth/current-user";
import { listSynonyms } from "@/lib/catalog/synonyms";
import { catalogText as t } from "@/lib/i18n/vi/catalog-synonyms";
import { deleteSynonymAction, saveSynonymAction } from "./actions";

export const metadata: Metadata = { title: t.pageTitle };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SynonymsPage({ searchParams }: Props) {
  await requirePermission("catalog.synonyms", "/quan-tri/tu-dong-nghia");
  const [sp, rows] = await Promise.all([searchParams, listSynonyms()]);
  const editing = typeof sp.sua === "string" ? rows.find((r) => String(r.id) === sp.sua) : undefined;
  const status = sp.tb === "luu" ? t.saved : sp.tb === "xoa" ? t.deleted : undefined;
  return (
    <div className="space-y-6">
      <AdminPageHeader title={t.pageTitle} lead={t.pageLead} status={status} />
      <section aria-labelledby="them-cap-tu" className="card space-y-3">
        <h2 id="them-cap-tu" className="text-lg font-semibold">
          {editing ? `${t.edit}: «${editing.phrase}»` : t.add}
        </h2>
        <ActionForm
          key={editing?.id ?? "moi"}
          id="tu-dong-nghia"
          action={saveSynonymAction}
          hidden={editing ? { id: String(editing.id) } : {}}
          fields={[
            { name: "phrase", label: t.phrase, required: true, maxLength: 120, defaultValue: editing?.phrase ?? "" },
            { name: "official", label: t.official, required: true, maxLength: 120, defaultValue: editing?.official ?? "" },
          ]}
          submitLabel={editing ? t.save : t.add}
          pendingLabel={t.save}
        />
      </section>
      <DataTable caption={t.count(rows.length)} columns={[t.phrase, t.official, t.tryIt, t.actions]}>
        {rows.map((r) => (
          <tr key={r.id} className="border-b border-slate-200" data-testid={`dong-nghia-${r.id}`}>
            <td className="p-2">{r.phrase}</td>
            <td className="p-2">{r.official}</td>
            <td className="p-2">
              <Link href={`/thu-tuc?q=${encodeURIComponent(r.phrase)}`}>
                {t.tryIt}
                <span className="sr-only"> «{r.phrase}»</span>
              </Link>
            </td>
            <td className="flex gap-2 p-2">
              <Link className="btn btn-secondary px-3 py-1" href={`/quan-tri/tu-dong-nghia?sua=${r.id}#them-cap-tu`}>
                {t.edit}
                <span className="sr-only"> «{r.phrase}»</span>
              </Link>
              <ButtonForm
                id={`xoa-${r.id}`}
                action={deleteSynonymAction}
                hidden={{ id: String(r.id) }}
                label={t.remove}
                srLabel={`«${r.phrase}»`}
                pendingLabel={t.remove}
              />
            </td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}

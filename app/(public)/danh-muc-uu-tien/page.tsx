// Public page: the priority lists of level-3/4 services the Government Office has published.
import type { Metadata } from "next";
import { formatDate } from "@/lib/format";
import { programmeText } from "@/lib/i18n/vi/programme";
import { publishedPriorityLists } from "@/lib/programme/priority-lists";
import { DataTable } from "@/components/ui/DataTable";

const t = programmeText.priority;
export const metadata: Metadata = { title: t.publicTitle };
export const dynamic = "force-dynamic";

export default async function PublicPriorityLists() {
  const lists = await publishedPriorityLists();
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">{t.publicTitle}</h1>
        <p className="text-slate-700">{t.publicLead}</p>
      </header>
      {lists.length === 0 && <p>{t.publicEmpty}</p>}
      {lists.map((l) => (
        <section key={l.id} aria-labelledby={`ds-${l.id}`} className="space-y-2">
          <h2 id={`ds-${l.id}`} className="text-xl font-semibold">
            {l.title} ({l.year})
          </h2>
          {l.publishedAt && <p className="text-sm text-slate-700">{t.publishedOn(formatDate(l.publishedAt))}</p>}
          <DataTable caption={t.entriesCaption} columns={[t.entryColumns.code, t.entryColumns.name, t.entryColumns.target]}>
            {l.entries.map((e) => (
              <tr key={e.id} className="border-b border-slate-200">
                <td className="p-2 font-mono">{e.procedure.code}</td>
                <td className="p-2">{e.procedure.name}</td>
                <td className="p-2">{t.level(e.targetLevel)}</td>
              </tr>
            ))}
          </DataTable>
        </section>
      ))}
    </div>
  );
}

// Quản trị → Danh mục dịch vụ công ưu tiên → one list: its entries, the agencies' comments, and the next step.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/programme/ActionForm";
import { requirePermission } from "@/lib/auth/current-user";
import { formatDate, formatDateTime } from "@/lib/format";
import { programmeText } from "@/lib/i18n/vi/programme";
import { getPriorityList, PRIORITY_STATUS_LABEL } from "@/lib/programme/priority-lists";
import { addPriorityEntryAction, advancePriorityListAction, removePriorityEntryAction } from "../actions";

const t = programmeText.priority;
export const metadata: Metadata = { title: t.title };

const STATUS: Record<string, string> = {
  tao: t.created,
  them: t.added,
  bo: t.removed,
  "lay-y-kien": t.advanced.CONSULTING,
  "cong-bo": t.advanced.PUBLISHED,
};

export default async function PriorityListPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  await requirePermission("programme.manage", `/quan-tri/danh-muc-uu-tien/${id}`);
  if (!/^\d{1,9}$/.test(id)) notFound();
  const list = await getPriorityList(Number(id));
  if (!list) notFound();
  const sp = await searchParams;
  const status = typeof sp.tb === "string" && Object.hasOwn(STATUS, sp.tb) ? STATUS[sp.tb] : undefined;
  const editable = list.status !== "PUBLISHED";
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <p>
          <Link href="/quan-tri/danh-muc-uu-tien">{t.title}</Link>
        </p>
        <h1 className="text-2xl font-bold">
          {list.title} ({list.year})
        </h1>
        <p>
          <strong data-testid="trang-thai-danh-muc">{PRIORITY_STATUS_LABEL[list.status]}</strong>
          {list.publishedAt && <> · {t.publishedOn(formatDateTime(list.publishedAt))}</>}
        </p>
      </header>
      {status && (
        <p role="status" className="rounded border border-green-700 bg-green-50 p-3 text-green-900">
          {status}
        </p>
      )}
      <section aria-labelledby="cac-thu-tuc" className="space-y-3">
        <h2 id="cac-thu-tuc" className="text-xl font-semibold">
          {t.entriesTitle}
        </h2>
        {list.entries.length === 0 ? (
          <p>{t.noEntries}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full border-collapse bg-white text-left text-sm">
              <caption className="sr-only">{t.entriesCaption}</caption>
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="p-2">
                    {t.entryColumns.code}
                  </th>
                  <th scope="col" className="p-2">
                    {t.entryColumns.name}
                  </th>
                  <th scope="col" className="p-2">
                    {t.entryColumns.current}
                  </th>
                  <th scope="col" className="p-2">
                    {t.entryColumns.target}
                  </th>
                  <th scope="col" className="p-2">
                    {t.entryColumns.note}
                  </th>
                  {editable && (
                    <th scope="col" className="p-2">
                      {t.entryColumns.actions}
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {list.entries.map((e) => (
                  <tr key={e.id} className="border-b border-slate-200">
                    <td className="p-2 font-mono">{e.procedure.code}</td>
                    <td className="p-2">{e.procedure.name}</td>
                    <td className="p-2">{t.level(e.procedure.onlineLevel)}</td>
                    <td className="p-2">{t.level(e.targetLevel)}</td>
                    <td className="p-2">{e.note}</td>
                    {editable && (
                      <td className="p-2">
                        <ActionForm
                          id={`bo-${e.id}`}
                          action={removePriorityEntryAction}
                          fields={[]}
                          hidden={{ entryId: String(e.id) }}
                          submitLabel={t.remove(e.procedure.code)}
                          pendingLabel={t.removing}
                          variant="secondary"
                        />
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {editable && (
        <section aria-labelledby="them-thu-tuc" className="card space-y-3">
          <h2 id="them-thu-tuc" className="text-lg font-semibold">
            {t.addTitle}
          </h2>
          <ActionForm
            id="them"
            action={addPriorityEntryAction}
            hidden={{ listId: String(list.id) }}
            fields={[
              { name: "procedureCode", label: t.procedureCode, help: t.procedureCodeHelp, required: true, maxLength: 20 },
              {
                name: "targetLevel",
                label: t.targetLevel,
                type: "select",
                required: true,
                options: [
                  { value: "4", label: t.level(4) },
                  { value: "3", label: t.level(3) },
                ],
              },
              { name: "note", label: t.note, type: "textarea", maxLength: 1000 },
            ]}
            submitLabel={t.add}
            pendingLabel={t.adding}
          />
        </section>
      )}
      {list.status !== "PUBLISHED" && (
        <section aria-labelledby="buoc-tiep" className="card space-y-3">
          <h2 id="buoc-tiep" className="text-lg font-semibold">
            {list.status === "DRAFT" ? t.openConsultation : t.publish}
          </h2>
          <ActionForm
            id="chuyen-buoc"
            action={advancePriorityListAction}
            fields={[]}
            hidden={{ listId: String(list.id), to: list.status === "DRAFT" ? "CONSULTING" : "PUBLISHED" }}
            submitLabel={list.status === "DRAFT" ? t.openConsultation : t.publish}
            pendingLabel={t.working}
          />
        </section>
      )}
      <section aria-labelledby="gop-y" className="space-y-3">
        <h2 id="gop-y" className="text-xl font-semibold">
          {t.commentsTitle}
        </h2>
        {list.comments.length === 0 ? (
          <p>{t.noComments}</p>
        ) : (
          <ul className="space-y-2">
            {list.comments.map((c) => {
              const entry = list.entries.find((e) => e.id === c.entryId);
              return (
                <li key={c.id} className="card">
                  <p className="text-sm text-slate-700">
                    {c.agency.name} · {c.authorName} · {formatDate(c.createdAt)} · {entry ? t.onEntry(entry.procedure.code) : t.onList}
                  </p>
                  <p className="whitespace-pre-line">{c.body}</p>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}

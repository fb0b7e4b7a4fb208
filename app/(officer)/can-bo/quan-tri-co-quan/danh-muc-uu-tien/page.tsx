// Quản trị cơ quan → Góp ý danh mục ưu tiên: during consultation, an agency administrator reads each list and
// comments on it or on one of its services; the agency's own comments are shown below each list.
import type { Metadata } from "next";
import { AdminNav } from "@/components/agency-admin/AdminNav";
import { ActionForm } from "@/components/programme/ActionForm";
import { requirePermission } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { formatDate } from "@/lib/format";
import { programmeText } from "@/lib/i18n/vi/programme";
import { commentPriorityListAction } from "./actions";

const t = programmeText.priority;
export const metadata: Metadata = { title: t.consultTitle };

export default async function ConsultationPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("programme.comment", "/can-bo/quan-tri-co-quan/danh-muc-uu-tien");
  const sp = await searchParams;
  const lists = await db.priorityList.findMany({
    where: { status: "CONSULTING" },
    orderBy: [{ year: "desc" }, { id: "desc" }],
    include: {
      entries: { include: { procedure: { select: { code: true, name: true } } }, orderBy: { id: "asc" } },
      comments: { where: { agencyId: user.agencyId ?? -1 }, orderBy: { createdAt: "asc" } },
    },
  });
  return (
    <div className="space-y-6">
      <AdminNav user={user} current="danh-muc-uu-tien" />
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">{t.consultTitle}</h1>
        <p className="text-slate-700">{t.consultLead}</p>
      </header>
      {sp.tb === "gop-y" && (
        <p role="status" className="rounded border border-green-700 bg-green-50 p-3 text-green-900">
          {t.sent}
        </p>
      )}
      {lists.length === 0 && <p>{t.consultEmpty}</p>}
      {lists.map((l) => (
        <section key={l.id} aria-labelledby={`ds-${l.id}`} className="card space-y-3">
          <h2 id={`ds-${l.id}`} className="text-xl font-semibold">
            {l.title} ({l.year})
          </h2>
          <ul className="list-disc pl-5">
            {l.entries.map((e) => (
              <li key={e.id}>
                <span className="font-mono">{e.procedure.code}</span> {e.procedure.name}: {t.level(e.targetLevel)}
                {e.note ? ` (${e.note})` : ""}
              </li>
            ))}
          </ul>
          <ActionForm
            id={`gop-y-${l.id}`}
            action={commentPriorityListAction}
            hidden={{ listId: String(l.id) }}
            fields={[
              {
                name: "entryId",
                label: t.commentOn,
                type: "select",
                options: [
                  { value: "", label: t.onList },
                  ...l.entries.map((e) => ({ value: String(e.id), label: t.onEntry(e.procedure.code) })),
                ],
              },
              { name: "body", label: t.body, type: "textarea", required: true, maxLength: 4000 },
            ]}
            submitLabel={t.send}
            pendingLabel={t.sending}
          />
          {l.comments.length > 0 && (
            <>
              <h3 className="font-semibold">{t.yourComments}</h3>
              <ul className="space-y-2">
                {l.comments.map((c) => {
                  const entry = l.entries.find((e) => e.id === c.entryId);
                  return (
                    <li key={c.id} className="border-l-4 border-slate-300 pl-3">
                      <p className="text-sm text-slate-700">
                        {c.authorName} · {formatDate(c.createdAt)} · {entry ? t.onEntry(entry.procedure.code) : t.onList}
                      </p>
                      <p className="whitespace-pre-line">{c.body}</p>
                    </li>
                  );
                })}
              </ul>
            </>
          )}
        </section>
      ))}
    </div>
  );
}

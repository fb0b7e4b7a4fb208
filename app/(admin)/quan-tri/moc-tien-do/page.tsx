// Quản trị → Mốc tiến độ: the programme's milestones, which are late, and a form to update each.
import type { Metadata } from "next";
import { ActionForm } from "@/components/programme/ActionForm";
import { requirePermission } from "@/lib/auth/current-user";
import { formatDate } from "@/lib/format";
import { programmeText } from "@/lib/i18n/vi/programme";
import { listMilestones, MILESTONE_STATUS_LABEL } from "@/lib/programme/milestones";
import { updateMilestoneAction } from "./actions";
import { DataTable } from "@/components/ui/DataTable";
import { AdminPageHeader } from "@/components/admin/AdminPageHeader";

const t = programmeText.milestones;
export const metadata: Metadata = { title: t.title };

export default async function MilestonesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("programme.manage", "/quan-tri/moc-tien-do");
  const [sp, milestones] = await Promise.all([searchParams, listMilestones()]);
  const saved = sp.tb === "luu" ? milestones.find((m) => m.code === sp.moc) : undefined;
  return (
    <div className="space-y-6">
      <AdminPageHeader title={t.title} lead={t.lead} />
      {saved && (
        <p role="status" className="rounded border border-green-700 bg-green-50 p-3 text-green-900">
          {t.saved} {saved.title}
        </p>
      )}
      <DataTable caption={t.tableCaption} columns={Object.values(t.columns)}>
        {milestones.map((m) => (
          <tr key={m.id} className="border-b border-slate-200" data-testid={`moc-${m.code}`}>
            <td className="p-2">
              <a href={`#sua-${m.code}`}>{m.title}</a>
            </td>
            <td className="p-2 whitespace-nowrap">{formatDate(m.dueDate)}</td>
            <td className="p-2">{MILESTONE_STATUS_LABEL[m.status]}</td>
            <td className="p-2">{m.doneOn ? formatDate(m.doneOn) : "—"}</td>
            <td className={`p-2 ${m.late ? "font-semibold text-red-800" : ""}`}>{m.late ? t.late : t.onTime}</td>
          </tr>
        ))}
      </DataTable>
      {milestones.map((m) => (
        <section key={m.id} id={`sua-${m.code}`} aria-labelledby={`tieu-de-${m.code}`} className="card space-y-3">
          <h2 id={`tieu-de-${m.code}`} className="text-lg font-semibold">
            {t.editTitle(m.title)}
          </h2>
          {m.description && <p className="text-slate-700">{m.description}</p>}
          <ActionForm
            id={`moc-${m.code}`}
            action={updateMilestoneAction}
            hidden={{ id: String(m.id) }}
            fields={[
              { name: "title", label: t.fieldTitle, required: true, defaultValue: m.title, maxLength: 300 },
              { name: "dueDate", label: t.dueDate, type: "date", required: true, defaultValue: m.dueDate },
              {
                name: "status",
                label: t.status,
                type: "select",
                defaultValue: m.status,
                options: Object.entries(MILESTONE_STATUS_LABEL).map(([value, label]) => ({ value, label })),
              },
              { name: "doneOn", label: t.doneOn, type: "date", help: t.doneOnHelp, defaultValue: m.doneOn ?? "" },
              { name: "note", label: t.note, type: "textarea", defaultValue: m.note, maxLength: 2000 },
            ]}
            submitLabel={t.save}
            pendingLabel={t.saving}
          />
        </section>
      ))}
    </div>
  );
}

// Quản trị → Danh mục dịch vụ công ưu tiên: the lists by year, and the form to propose a new one.
import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/programme/ActionForm";
import { requirePermission } from "@/lib/auth/current-user";
import { programmeText } from "@/lib/i18n/vi/programme";
import { listPriorityLists, PRIORITY_STATUS_LABEL } from "@/lib/programme/priority-lists";
import { createPriorityListAction } from "./actions";
import { AdminPageHeader } from "@/components/admin/AdminPageHeader";

const t = programmeText.priority;
export const metadata: Metadata = { title: t.title };

export default async function PriorityListsPage() {
  await requirePermission("programme.manage", "/quan-tri/danh-muc-uu-tien");
  const lists = await listPriorityLists();
  return (
    <div className="space-y-6">
      <AdminPageHeader title={t.title} lead={t.lead} />
      {lists.length === 0 ? (
        <p>{t.empty}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse bg-white text-left text-sm">
            <caption className="mb-2 text-left font-semibold">{t.tableCaption}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                {Object.values(t.columns).map((c) => (
                  <th key={c} scope="col" className="p-2">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {lists.map((l) => (
                <tr key={l.id} className="border-b border-slate-200">
                  <td className="p-2">{l.year}</td>
                  <td className="p-2">
                    <Link href={`/quan-tri/danh-muc-uu-tien/${l.id}`}>{l.title}</Link>
                  </td>
                  <td className="p-2">{PRIORITY_STATUS_LABEL[l.status]}</td>
                  <td className="p-2">{l.entries}</td>
                  <td className="p-2">{l.level4}</td>
                  <td className="p-2">{l.comments}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section aria-labelledby="de-xuat" className="card space-y-3">
        <h2 id="de-xuat" className="text-lg font-semibold">
          {t.createTitle}
        </h2>
        <ActionForm
          id="tao-danh-muc"
          action={createPriorityListAction}
          fields={[
            { name: "year", label: t.year, type: "number", required: true, defaultValue: String(new Date().getFullYear() + 1) },
            { name: "title", label: t.listTitle, required: true, maxLength: 300 },
          ]}
          submitLabel={t.create}
          pendingLabel={t.creating}
        />
      </section>
    </div>
  );
}

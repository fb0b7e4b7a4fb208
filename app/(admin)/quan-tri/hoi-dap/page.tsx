// Quản trị → Câu hỏi thường gặp: catalog administrators add, edit (with a version check) and remove the
// general and per-procedure questions (lib/help/faq.ts).
import type { Metadata } from "next";
import Link from "next/link";
import { AdminPageHeader } from "@/components/admin/AdminPageHeader";
import { ButtonForm } from "@/components/forms/ButtonForm";
import { ActionForm } from "@/components/programme/ActionForm";
import { DataTable } from "@/components/ui/DataTable";
import { requirePermission } from "@/lib/auth/current-user";
import { listFaqs } from "@/lib/help/faq";
import { faqText } from "@/lib/i18n/vi/help";
import { deleteFaqAction, saveFaqAction } from "./actions";

const t = faqText.admin;

export const metadata: Metadata = { title: t.pageTitle };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function FaqAdminPage({ searchParams }: Props) {
  await requirePermission("catalog.faq", "/quan-tri/hoi-dap");
  const [sp, rows] = await Promise.all([searchParams, listFaqs()]);
  const editing = typeof sp.sua === "string" ? rows.find((r) => String(r.id) === sp.sua) : undefined;
  const status = sp.tb === "luu" ? t.saved : sp.tb === "xoa" ? t.deleted : undefined;
  return (
    <div className="space-y-6">
      <AdminPageHeader title={t.pageTitle} lead={t.pageLead} status={status} />
      <p>
        <Link href="/hoi-dap">{t.view}</Link>
      </p>
      <section aria-labelledby="soan-cau-hoi" className="card space-y-3">
        <h2 id="soan-cau-hoi" className="text-lg font-semibold break-words">
          {editing ? `${t.edit}: «${editing.question}»` : t.add}
        </h2>
        <ActionForm
          key={editing ? `${editing.id}-${editing.version}` : "moi"}
          id="cau-hoi"
          action={saveFaqAction}
          hidden={editing ? { id: String(editing.id), version: String(editing.version) } : {}}
          fields={[
            { name: "question", label: faqText.question, required: true, maxLength: 300, defaultValue: editing?.question ?? "" },
            {
              name: "answer",
              label: faqText.answer,
              type: "textarea",
              required: true,
              maxLength: 5000,
              defaultValue: editing?.answer ?? "",
            },
            {
              name: "procedureCode",
              label: faqText.procedureCode,
              help: faqText.procedureHelp,
              maxLength: 20,
              defaultValue: editing?.procedure?.code ?? "",
            },
            { name: "position", label: faqText.position, type: "number", defaultValue: String(editing?.position ?? 0) },
          ]}
          submitLabel={editing ? t.save : t.add}
          pendingLabel={t.save}
        />
      </section>
      <DataTable caption={t.count(rows.length)} columns={[faqText.question, t.procedure, t.actions]}>
        {rows.map((r) => (
          <tr key={r.id} className="border-b border-slate-200" data-testid={`cau-hoi-${r.id}`}>
            <td className="p-2 break-words">{r.question}</td>
            <td className="p-2">{r.procedure ? `${r.procedure.code} — ${r.procedure.name}` : t.general}</td>
            <td className="flex gap-2 p-2">
              <Link className="btn btn-secondary px-3 py-1" href={`/quan-tri/hoi-dap?sua=${r.id}#soan-cau-hoi`}>
                {t.edit}
                <span className="sr-only"> «{r.question}»</span>
              </Link>
              <ButtonForm
                id={`xoa-${r.id}`}
                action={deleteFaqAction}
                hidden={{ id: String(r.id), version: String(r.version) }}
                label={t.remove}
                srLabel={`«${r.question}»`}
                pendingLabel={t.remove}
              />
            </td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}

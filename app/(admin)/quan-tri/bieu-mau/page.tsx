// VPCP → Biểu mẫu: every procedure's national form, the version in effect and the draft being written.
import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { listNationalForms } from "@/lib/forms/versions";
import { formsText as t } from "@/lib/i18n/vi/forms";

export const metadata: Metadata = { title: t.listTitle };

export default async function FormsListPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("form.editNational", "/quan-tri/bieu-mau");
  const raw = (await searchParams).q;
  const q = typeof raw === "string" ? raw.slice(0, 100) : "";
  const rows = await listNationalForms(user, q);
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link href="/quan-tri">← Quản trị</Link>
      </p>
      <h1 className="text-2xl font-bold">{t.listTitle}</h1>
      <p>{t.listLead}</p>
      <form method="get" role="search" className="flex flex-col gap-2 sm:flex-row">
        <label htmlFor="q" className="sr-only">
          {t.searchLabel}
        </label>
        <input id="q" name="q" className="input flex-1" defaultValue={q} placeholder={t.searchLabel} />
        <button type="submit" className="btn btn-primary">
          {t.search}
        </button>
      </form>
      <div className="overflow-x-auto">
        <table className="w-full bg-white text-left text-sm">
          <thead>
            <tr className="border-b">
              <th scope="col" className="p-2">
                {t.columns.code}
              </th>
              <th scope="col" className="p-2">
                {t.columns.name}
              </th>
              <th scope="col" className="p-2">
                {t.columns.inEffect}
              </th>
              <th scope="col" className="p-2">
                {t.columns.draft}
              </th>
              <th scope="col" className="p-2">
                {t.columns.source}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.code} className="border-b">
                <td className="p-2 font-mono">{r.code}</td>
                <td className="p-2">
                  <Link href={`/quan-tri/bieu-mau/${encodeURIComponent(r.code)}`}>{r.name}</Link>
                </td>
                <td className="p-2">{r.inEffect ? t.version(r.inEffect) : "—"}</td>
                <td className="p-2">{r.draft ? t.hasDraft(r.draft) : t.noDraft}</td>
                <td className="p-2">{r.source ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { ButtonForm } from "@/components/forms/ButtonForm";
import { PaperEditForm } from "@/components/papers/PaperEditForm";
import { DataTable } from "@/components/ui/DataTable";
import { requirePermission } from "@/lib/auth/current-user";
import { formatDate } from "@/lib/format";
import { commonText } from "@/lib/i18n/vi/common";
import { papersText as t } from "@/lib/i18n/vi/papers";
import { listOwnPapers } from "@/lib/papers/queries";
import { deletePaperAction, editPaperAction } from "./actions";

export const metadata: Metadata = { title: t.title };

export default async function PaperStorePage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requirePermission("paper.manageOwn", "/ho-so-cua-toi/kho-giay-to");
  const [papers, sp] = await Promise.all([listOwnPapers(user.id), searchParams]);
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/ho-so-cua-toi">← {commonText.myDossiers}</Link>
      </p>
      <h1 className="text-2xl font-bold">{t.title}</h1>
      <p>{t.intro}</p>
      {sp["da-xoa"] && (
        <p role="status" className="rounded border border-green-700 bg-green-50 p-3 text-green-900">
          {t.deleted}
        </p>
      )}
      {papers.length === 0 ? (
        <p>{t.empty}</p>
      ) : (
        <DataTable caption={t.caption} columns={t.columns} testId="kho-giay-to">
          {papers.map((p) => {
            const code = p.sourceDossier?.code;
            return (
              <tr key={p.id} className="border-b align-top">
                <td className="p-2">
                  <span className="font-medium">{p.kind}</span>
                  {p.ownerOrganisation && (
                    <span className="block text-sm text-slate-700">{t.ofOrganisation(p.ownerOrganisation.name)}</span>
                  )}
                </td>
                <td className="p-2">
                  <a href={`/ho-so-cua-toi/kho-giay-to/${p.id}/tai-ve`}>
                    {p.fileName}
                    <span className="sr-only"> ({t.download(p.kind)})</span>
                  </a>{" "}
                  <span className="text-slate-700">({Math.max(1, Math.round(p.size / 1024))} KB)</span>
                </td>
                <td className="p-2">{p.issuer ?? t.none}</td>
                <td className="p-2">{p.validUntil ? formatDate(p.validUntil.toISOString().slice(0, 10)) : t.none}</td>
                <td className="p-2">
                  {code ? (
                    <Link href={`/ho-so-cua-toi/${code}`}>{p.source === "result" ? t.fromResult(code) : t.fromUpload(code)}</Link>
                  ) : (
                    t.none
                  )}
                </td>
                <td className="p-2">{formatDate(p.createdAt)}</td>
                <td className="space-y-2 p-2">
                  <details>
                    <summary className="cursor-pointer underline">
                      {t.edit}
                      <span className="sr-only"> {p.fileName}</span>
                    </summary>
                    <PaperEditForm
                      action={editPaperAction}
                      id={p.id}
                      kind={p.kind}
                      issuer={p.issuer ?? ""}
                      validUntil={p.validUntil?.toISOString().slice(0, 10) ?? ""}
                    />
                  </details>
                  <ButtonForm
                    id={`xoa-${p.id}`}
                    action={deletePaperAction}
                    hidden={{ id: p.id }}
                    label="Xóa"
                    srLabel={p.fileName}
                    pendingLabel="Đang xóa…"
                  />
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
    </div>
  );
}

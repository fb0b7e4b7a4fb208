// Quản trị → Sổ đăng ký cơ quan → Áp dụng sáp nhập: the preview of what moves from each retired agency (one, with
// ?co-quan=<identifier>, or every due one) to its successor, the choice for its keys and push endpoint, the
// confirmation, then the result. The use case (lib/agencies/reorganisation.ts) checks and audits it all.
import type { Metadata } from "next";
import Link from "next/link";
import { ApplySuccessionForm } from "@/components/admin/ApplySuccessionForm";
import { DataTable } from "@/components/ui/DataTable";
import { isAgencyIdentifier } from "@/lib/agencies/identifier";
import { previewSuccession } from "@/lib/agencies/reorganisation";
import { totalCounts } from "@/lib/agencies/reorganisation-core";
import { requirePermission } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { formatDate } from "@/lib/format";
import { SHOWN_COUNTS, reorganisationText as t } from "@/lib/i18n/vi/reorganisation";
import { applySuccessionAction } from "./actions";

export const metadata: Metadata = { title: t.title };

export default async function ApplySuccessionPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const sp = await searchParams;
  const raw = typeof sp["co-quan"] === "string" ? sp["co-quan"] : undefined;
  const identifier = raw && isAgencyIdentifier(raw) ? raw : undefined;
  await requirePermission(
    "agency.manage",
    `/quan-tri/co-quan/ap-dung-sap-nhap${identifier ? `?co-quan=${encodeURIComponent(identifier)}` : ""}`,
  );
  const agency = identifier ? await db.agency.findUnique({ where: { identifier }, select: { name: true, identifier: true } }) : null;
  const preview = await previewSuccession(agency?.identifier);
  // Agencies with something left to move (a due agency already applied shows no more; the copies that stay and
  // the documents it sent are counted for information only).
  const agencies = preview.agencies.filter((a) => SHOWN_COUNTS.some((k) => a.counts[k] > 0));
  const total = totalCounts(agencies);
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <p>
          <Link href={agency ? `/quan-tri/co-quan/${agency.identifier}` : "/quan-tri/co-quan"}>{agency ? agency.name : t.back}</Link>
        </p>
        <h1 className="text-2xl font-bold">{t.title}</h1>
        <p className="text-slate-700">{t.lead}</p>
        <p className="font-semibold">{agency ? t.one(agency.name, agency.identifier) : t.all}</p>
        {agency && (
          <p>
            <Link href="/quan-tri/co-quan/ap-dung-sap-nhap">{t.showAll}</Link>
          </p>
        )}
      </header>
      <section aria-labelledby="xem-truoc" className="space-y-3">
        <h2 id="xem-truoc" className="text-xl font-semibold">
          {t.previewTitle}
        </h2>
        {agencies.length === 0 ? (
          <p data-testid="khong-co-sap-nhap">{t.nothingDue}</p>
        ) : (
          <>
            <DataTable
              caption={t.previewCaption}
              columns={[t.columns.agency, t.columns.successor, t.columns.validTo, ...SHOWN_COUNTS.map((k) => t.counts[k])]}
              testId="xem-truoc-sap-nhap"
            >
              {agencies.map((a) => (
                <tr key={a.identifier} className="border-b border-slate-200 align-top" data-testid={`sap-nhap-${a.identifier}`}>
                  <th scope="row" className="p-2 text-left font-normal">
                    <Link href={`/quan-tri/co-quan/${a.identifier}`}>{a.name}</Link>
                    <span className="block font-mono text-xs">{a.identifier}</span>
                  </th>
                  <td className="p-2">
                    {a.successorName}
                    <span className="block font-mono text-xs">{a.successorIdentifier}</span>
                  </td>
                  <td className="p-2">{formatDate(a.validTo)}</td>
                  {SHOWN_COUNTS.map((k) => (
                    <td key={k} className="p-2 text-right" data-testid={`${a.identifier}-${k}`}>
                      {a.counts[k]}
                    </td>
                  ))}
                </tr>
              ))}
              {agencies.length > 1 && (
                <tr className="font-semibold">
                  <th scope="row" colSpan={3} className="p-2 text-left">
                    {t.total}
                  </th>
                  {SHOWN_COUNTS.map((k) => (
                    <td key={k} className="p-2 text-right">
                      {total[k]}
                    </td>
                  ))}
                </tr>
              )}
            </DataTable>
            {total.duplicateCopies > 0 && <p>{t.duplicates(total.duplicateCopies)}</p>}
          </>
        )}
        <ul className="list-disc space-y-1 pl-5 text-slate-700">
          {t.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="ap-dung" className="card space-y-3">
        <h2 id="ap-dung" className="text-lg font-semibold">
          {t.formTitle}
        </h2>
        <ApplySuccessionForm action={applySuccessionAction} identifier={agency?.identifier} />
      </section>
    </div>
  );
}

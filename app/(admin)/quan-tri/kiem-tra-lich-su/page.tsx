import type { Metadata } from "next";
import Link from "next/link";
import { verifyAuditChain, type AuditIntegrityProblem } from "@/lib/audit/integrity";
import { requirePermission } from "@/lib/auth/current-user";
import { verifyDossierHistories } from "@/lib/dossiers/integrity";
import { formatDateTime } from "@/lib/format";
import { integrityText as t } from "@/lib/i18n/vi/integrity";

export const metadata: Metadata = { title: t.title };

/** The audit entries checked on an ordinary visit; the whole chain on request. */
const AUDIT_LATEST = 10_000;

function auditWhere(p: AuditIntegrityProblem): string {
  if ("seq" in p) return t.audit.entry(p.seq);
  if ("id" in p) return t.audit.row(p.id);
  return t.audit.whole;
}

export default async function IntegrityPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("audit.read", "/quan-tri/kiem-tra-lich-su");
  const params = await searchParams;
  const raw = params.ma;
  const code = typeof raw === "string" && raw.trim() ? raw.trim().slice(0, 40) : undefined;
  const wholeAudit = params["nhat-ky"] === "tat-ca";
  const [report, audit] = await Promise.all([
    verifyDossierHistories(code ? { codes: [code] } : { latest: 500 }),
    verifyAuditChain(wholeAudit ? {} : { latest: AUDIT_LATEST }),
  ]);
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link href="/quan-tri">{t.backToAdmin}</Link>
      </p>
      <h1 className="text-2xl font-bold">{t.title}</h1>

      <section aria-labelledby="ho-so" className="space-y-4">
        <h2 id="ho-so" className="text-xl font-semibold">
          {t.dossiers.heading}
        </h2>
        <p>{t.dossiers.lead}</p>
        <form method="get" className="flex flex-col gap-2 sm:flex-row" role="search">
          <label htmlFor="ma" className="sr-only">
            {t.dossiers.codeLabel}
          </label>
          <input id="ma" name="ma" className="input flex-1" defaultValue={code} placeholder={t.dossiers.codePlaceholder} />
          <button type="submit" className="btn btn-primary">
            {t.dossiers.check}
          </button>
        </form>
        <p role="status" data-testid="ket-qua-kiem-tra">
          {t.dossiers.result(report.checked, report.problems.length)}
        </p>
        {report.problems.length > 0 && (
          <table className="w-full bg-white text-left text-sm">
            <caption className="sr-only">{t.dossiers.caption}</caption>
            <thead>
              <tr className="border-b">
                <th scope="col" className="p-2">
                  {t.dossiers.columns.code}
                </th>
                <th scope="col" className="p-2">
                  {t.dossiers.columns.seq}
                </th>
                <th scope="col" className="p-2">
                  {t.dossiers.columns.problem}
                </th>
              </tr>
            </thead>
            <tbody>
              {report.problems.flatMap((p) =>
                p.problems.map((x) => (
                  <tr key={`${p.code}-${x.seq}-${x.problem}`} className="border-b">
                    <td className="p-2">{p.code}</td>
                    <td className="p-2">{x.seq}</td>
                    <td className="p-2 font-semibold text-red-800">{t.problem[x.problem]}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="nhat-ky" className="space-y-4">
        <h2 id="nhat-ky" className="text-xl font-semibold">
          {t.audit.heading}
        </h2>
        <p>{t.audit.lead}</p>
        <p role="status" data-testid="ket-qua-nhat-ky">
          {t.audit.result(audit.checked, audit.complete, audit.problems.length)}
        </p>
        <p className="text-sm">
          {wholeAudit ? (
            <Link href="/quan-tri/kiem-tra-lich-su">{t.audit.checkLatest(AUDIT_LATEST)}</Link>
          ) : (
            <Link href="/quan-tri/kiem-tra-lich-su?nhat-ky=tat-ca">{t.audit.checkAll}</Link>
          )}
        </p>
        {audit.head && (
          <dl className="grid grid-cols-1 gap-x-4 gap-y-1 bg-white p-3 text-sm sm:grid-cols-[auto_1fr]" aria-label={t.audit.head}>
            <dt className="font-semibold">{t.audit.headSeq}</dt>
            <dd data-testid="dau-chuoi-so">{audit.head.seq}</dd>
            <dt className="font-semibold">{t.audit.headHash}</dt>
            <dd className="font-mono break-all">{audit.head.hash}</dd>
            <dt className="font-semibold">{t.audit.headAt}</dt>
            <dd>{formatDateTime(audit.head.at)}</dd>
          </dl>
        )}
        {audit.legacy > 0 && <p className="text-sm">{t.audit.legacy(audit.legacy)}</p>}
        {audit.problems.length > 0 && (
          <table className="w-full bg-white text-left text-sm">
            <caption className="sr-only">{t.audit.caption}</caption>
            <thead>
              <tr className="border-b">
                <th scope="col" className="p-2">
                  {t.audit.columns.where}
                </th>
                <th scope="col" className="p-2">
                  {t.audit.columns.problem}
                </th>
              </tr>
            </thead>
            <tbody>
              {audit.problems.map((p, i) => (
                <tr key={i} className="border-b">
                  <td className="p-2">{auditWhere(p)}</td>
                  <td className="p-2 font-semibold text-red-800">{t.problem[p.problem]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

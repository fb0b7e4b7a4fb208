import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { ServiceDetail } from "@/lib/catalog/queries";
import type { FormDefinition } from "@/lib/forms/definition";
import { localeHref } from "@/lib/i18n/href";
import { BlankFormLink } from "./BlankFormLink";
import { AssuranceNote } from "./AssuranceNote";
import { LevelBadge } from "./LevelBadge";
import { ProcedureFaq } from "@/components/faq/ProcedureFaq";
import { Vi } from "./Vi";

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-1 border-b border-slate-200 py-3 sm:grid-cols-[14rem_1fr]">
      <dt className="font-semibold text-slate-800">{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** A legal instrument's date (an ISO day): dd/mm/yyyy in Vietnamese, "Jan 5, 2020" in English. */
const DAY_FORMAT = {
  vi: { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "UTC" },
  en: { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" },
} as const;

/**
 * One agency's service of a procedure. The record's content (names, papers, steps, legal basis) is Vietnamese
 * in either language (marked lang="vi" on an English page); a priority procedure's English name and summary
 * (the portal's own unofficial translation) head the English page.
 */
export async function ServiceDetailView({ s, form }: { s: ServiceDetail; form?: FormDefinition }) {
  const [tc, locale, format] = await Promise.all([getTranslations("catalog"), getLocale(), getFormatter()]);
  const d = (key: Parameters<typeof tc>[0] & `detail.${string}`) => tc(key);
  const href = (path: string) => localeHref(locale, path);
  const vi = (children: React.ReactNode) => <Vi locale={locale}>{children}</Vi>;
  const p = s.procedure;
  const english = locale === "en" ? { name: p.nameEn, summary: p.summaryEn } : null;
  const toSubmit = p.components.filter((c) => c.kind === "submit");
  const toShow = p.components.filter((c) => c.kind === "show");
  const noConditions = !p.conditions || p.conditions === "Không";
  return (
    <article className="space-y-4">
      <header className="space-y-2">
        <p className="text-sm text-slate-700">
          <Link href={href(`/co-quan/${s.agency.identifier}`)}>{vi(s.agency.name)}</Link> · {vi(p.field.name)}
        </p>
        <h1 className="text-2xl font-bold">{english?.name ?? vi(s.name)}</h1>
        {english?.name && <p className="text-slate-700">{vi(s.name)}</p>}
        {english?.summary && <p>{english.summary}</p>}
        {english && (
          <p className="text-sm text-slate-700" data-testid="english-note">
            {english.name ? `${d("detail.unofficialTranslation")} ` : ""}
            {d("detail.recordInVietnamese")}
          </p>
        )}
        <div className="flex flex-wrap items-center gap-3">
          <LevelBadge level={s.onlineLevel} />
          {s.priorityYear && (
            <span className="text-sm font-semibold text-green-900">{tc("detail.priority", { year: String(s.priorityYear) })}</span>
          )}
        </div>
        {p.assuranceLevel >= 2 && <AssuranceNote />}
        {p.sample && (
          <p role="note" className="rounded border border-amber-700 bg-amber-50 p-2 text-sm text-amber-900">
            {d("detail.sample")}
          </p>
        )}
        {s.onlineLevel >= 3 ? (
          <p>
            <Link href={href(`/nop-ho-so/${s.code}`)} className="btn btn-primary">
              {d("detail.fileOnline")}
            </Link>
          </p>
        ) : (
          <p className="text-sm text-slate-700">{d("detail.fileOnlineSoon")}</p>
        )}
        {form && <BlankFormLink code={s.code} definition={form} />}
      </header>

      <dl className="card">
        <Row label={d("detail.code")}>{p.code}</Row>
        <Row label={d("detail.localCode")}>{s.code}</Row>
        <Row label={d("detail.field")}>
          <Link href={href(`/thu-tuc?linh-vuc=${p.field.slug}`)}>{vi(p.field.name)}</Link>
        </Row>
        <Row label={d("detail.implementingLevel")}>{tc(`implementing.${p.implementingLevel}`)}</Row>
        <Row label={d("detail.onlineLevel")}>
          {tc("levelName", { level: String(s.onlineLevel) })}
          <p className="text-sm text-slate-700">{tc("levelExplain", { level: String(s.onlineLevel) })}</p>
        </Row>
        <Row label={d("detail.agency")}>{vi(s.agency.name)}</Row>
        <Row label={d("detail.implementingAgency")}>{vi(p.implementingAgencyName)}</Row>
        <Row label={d("detail.competentAgency")}>{vi(p.competentAgencyName)}</Row>
        <Row label={d("detail.applicants")}>
          {p.applicants.map((a) => (a === "individual" || a === "business" ? tc(`applicant.${a}`) : a)).join("; ")}
        </Row>
        <Row label={d("detail.channels")}>
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{d("detail.channels")}</caption>
            <thead>
              <tr>
                <th scope="col" className="pr-3">
                  {d("detail.channelKind")}
                </th>
                <th scope="col" className="pr-3">
                  {d("detail.processingTime")}
                </th>
                <th scope="col">{d("detail.fees")}</th>
              </tr>
            </thead>
            <tbody>
              {s.channels.map((c) => (
                <tr key={c.kind} className="align-top">
                  <td className="pr-3">{tc(`channel.${c.kind}`)}</td>
                  <td className="pr-3">{tc("detail.workingDays", { count: c.processingDays })}</td>
                  <td>
                    {c.fees.length === 0 || c.fees.every((f) => f.amount === 0) ? (
                      d("detail.free")
                    ) : (
                      <ul>
                        {c.fees.map((f) => (
                          <li key={f.description}>
                            {vi(f.description)}: {tc("detail.money", { amount: f.amount })}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Row>
        <Row label={d("detail.components")}>
          {[
            { kind: "submit" as const, list: toSubmit },
            { kind: "show" as const, list: toShow },
          ]
            .filter((g) => g.list.length > 0)
            .map((g) => (
              <div key={g.kind} className="mb-2">
                <p className="font-medium">{tc(`componentKind.${g.kind}`)}</p>
                <ul className="list-disc pl-5">
                  {g.list.map((c) => (
                    <li key={c.name}>
                      {vi(c.name)}
                      {c.copies && <span className="text-slate-700"> — {vi(c.copies)}</span>}
                      {c.template && (
                        <span className="block text-sm text-slate-700">
                          {d("detail.template")}: {vi(c.template)}
                        </span>
                      )}
                    </li>
                  ))}
                </ul>
              </div>
            ))}
        </Row>
        <Row label={d("detail.steps")}>
          <ol className="list-decimal space-y-1 pl-5" lang={locale === "vi" ? undefined : "vi"}>
            {p.steps.map((step) => (
              <li key={step}>{step.replace(/^Bước \d+:\s*/, "")}</li>
            ))}
          </ol>
        </Row>
        <Row label={d("detail.result")}>{vi(p.result)}</Row>
        <Row label={d("detail.conditions")}>{noConditions ? d("detail.conditionsNone") : vi(p.conditions)}</Row>
        <Row label={d("detail.legalBasis")}>
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{d("detail.legalBasis")}</caption>
            <thead>
              <tr>
                <th scope="col" className="pr-3">
                  {d("detail.legalNumber")}
                </th>
                <th scope="col" className="pr-3">
                  {d("detail.legalTitle")}
                </th>
                <th scope="col" className="pr-3">
                  {d("detail.legalDate")}
                </th>
                <th scope="col">{d("detail.legalIssuer")}</th>
              </tr>
            </thead>
            <tbody>
              {p.legalBasis.map((l) => (
                <tr key={l.number} className="align-top">
                  <td className="pr-3 whitespace-nowrap">{vi(l.number)}</td>
                  <td className="pr-3">{vi(l.title)}</td>
                  <td className="pr-3 whitespace-nowrap">{format.dateTime(new Date(`${l.date}T00:00:00Z`), DAY_FORMAT[locale])}</td>
                  <td>{vi(l.issuer)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Row>
      </dl>
      <ProcedureFaq procedureCode={p.code} />
    </article>
  );
}

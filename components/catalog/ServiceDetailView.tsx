import Link from "next/link";
import type { ServiceDetail } from "@/lib/catalog/queries";
import { formatDate, formatMoney } from "@/lib/format";
import { catalogText } from "@/lib/i18n/vi/catalog";
import type { FormDefinition } from "@/lib/forms/definition";
import { BlankFormLink } from "./BlankFormLink";
import { AssuranceNote } from "./AssuranceNote";
import { LevelBadge } from "./LevelBadge";
import { ProcedureFaq } from "@/components/faq/ProcedureFaq";

const d = catalogText.detail;

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-1 border-b border-slate-200 py-3 sm:grid-cols-[14rem_1fr]">
      <dt className="font-semibold text-slate-800">{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function ServiceDetailView({ s, form }: { s: ServiceDetail; form?: FormDefinition }) {
  const p = s.procedure;
  const toSubmit = p.components.filter((c) => c.kind === "submit");
  const toShow = p.components.filter((c) => c.kind === "show");
  return (
    <article className="space-y-4">
      <header className="space-y-2">
        <p className="text-sm text-slate-700">
          <Link href={`/co-quan/${s.agency.identifier}`}>{s.agency.name}</Link> · {p.field.name}
        </p>
        <h1 className="text-2xl font-bold">{s.name}</h1>
        <div className="flex flex-wrap items-center gap-3">
          <LevelBadge level={s.onlineLevel} />
          {s.priorityYear && <span className="text-sm font-semibold text-green-900">{d.priority(s.priorityYear)}</span>}
        </div>
        {p.assuranceLevel >= 2 && <AssuranceNote />}
        {p.sample && (
          <p role="note" className="rounded border border-amber-700 bg-amber-50 p-2 text-sm text-amber-900">
            {d.sample}
          </p>
        )}
        {s.onlineLevel >= 3 ? (
          <p>
            <Link href={`/nop-ho-so/${s.code}`} className="btn btn-primary">
              {d.fileOnline}
            </Link>
          </p>
        ) : (
          <p className="text-sm text-slate-700">{d.fileOnlineSoon}</p>
        )}
        {form && <BlankFormLink code={s.code} definition={form} />}
      </header>

      <dl className="card">
        <Row label={d.code}>{p.code}</Row>
        <Row label={d.localCode}>{s.code}</Row>
        <Row label={d.field}>
          <Link href={`/thu-tuc?linh-vuc=${p.field.slug}`}>{p.field.name}</Link>
        </Row>
        <Row label={d.implementingLevel}>{catalogText.implementing[p.implementingLevel]}</Row>
        <Row label={d.onlineLevel}>
          {catalogText.levelName(s.onlineLevel)}
          <p className="text-sm text-slate-700">{catalogText.levelExplain[s.onlineLevel]}</p>
        </Row>
        <Row label={d.agency}>{s.agency.name}</Row>
        <Row label={d.implementingAgency}>{p.implementingAgencyName}</Row>
        <Row label={d.competentAgency}>{p.competentAgencyName}</Row>
        <Row label={d.applicants}>{p.applicants.map((a) => catalogText.applicant[a] ?? a).join("; ")}</Row>
        <Row label={d.channels}>
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{d.channels}</caption>
            <thead>
              <tr>
                <th scope="col" className="pr-3">
                  {d.channelKind}
                </th>
                <th scope="col" className="pr-3">
                  {d.processingTime}
                </th>
                <th scope="col">{d.fees}</th>
              </tr>
            </thead>
            <tbody>
              {s.channels.map((c) => (
                <tr key={c.kind} className="align-top">
                  <td className="pr-3">{catalogText.channel[c.kind] ?? c.kind}</td>
                  <td className="pr-3">{d.workingDays(c.processingDays)}</td>
                  <td>
                    {c.fees.length === 0 || c.fees.every((f) => f.amount === 0) ? (
                      d.free
                    ) : (
                      <ul>
                        {c.fees.map((f) => (
                          <li key={f.description}>
                            {f.description}: {formatMoney(f.amount)}
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
        <Row label={d.components}>
          {[
            { title: catalogText.componentKind.submit, list: toSubmit },
            { title: catalogText.componentKind.show, list: toShow },
          ]
            .filter((g) => g.list.length > 0)
            .map((g) => (
              <div key={g.title} className="mb-2">
                <p className="font-medium">{g.title}</p>
                <ul className="list-disc pl-5">
                  {g.list.map((c) => (
                    <li key={c.name}>
                      {c.name}
                      {c.copies && <span className="text-slate-700"> — {c.copies}</span>}
                      {c.template && <span className="block text-sm text-slate-700">{`${d.template}: ${c.template}`}</span>}
                    </li>
                  ))}
                </ul>
              </div>
            ))}
        </Row>
        <Row label={d.steps}>
          <ol className="list-decimal space-y-1 pl-5">
            {p.steps.map((step) => (
              <li key={step}>{step.replace(/^Bước \d+:\s*/, "")}</li>
            ))}
          </ol>
        </Row>
        <Row label={d.result}>{p.result}</Row>
        <Row label={d.conditions}>{p.conditions || "Không"}</Row>
        <Row label={d.legalBasis}>
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{d.legalBasis}</caption>
            <thead>
              <tr>
                <th scope="col" className="pr-3">
                  {d.legalNumber}
                </th>
                <th scope="col" className="pr-3">
                  {d.legalTitle}
                </th>
                <th scope="col" className="pr-3">
                  {d.legalDate}
                </th>
                <th scope="col">{d.legalIssuer}</th>
              </tr>
            </thead>
            <tbody>
              {p.legalBasis.map((l) => (
                <tr key={l.number} className="align-top">
                  <td className="pr-3 whitespace-nowrap">{l.number}</td>
                  <td className="pr-3">{l.title}</td>
                  <td className="pr-3 whitespace-nowrap">{formatDate(l.date)}</td>
                  <td>{l.issuer}</td>
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

// One dossier on "Hồ sơ của tôi", as a card that fits a 320 px phone: what it is, where it stands, when it is
// due, and the one thing the citizen must do next (lib/dossiers/next-step.ts), as a link to the place on the
// dossier page where they do it.
import Link from "next/link";
import { dossierHref, type NextStep } from "@/lib/dossiers/next-step";
import { statusName } from "@/lib/dossiers/status";
import { formatDate } from "@/lib/format";
import { myDossiersText as t } from "@/lib/i18n/vi/my-dossiers";

export interface DossierCardData {
  code: string;
  status: number;
  dueAt: Date | null;
  service: { name: string };
  holderAgency: { name: string };
}

/** The words of a next step. */
function stepWords(step: NextStep): string {
  if (step.code !== "wait") return t.next[step.code];
  return step.until ? t.waitUntil(formatDate(step.until)) : t.waitNoDate;
}

/** Steps that ask something of the citizen stand out; "wait" and "closed" do not. */
const ASKS = new Set<NextStep["code"]>(["pay", "payAtCounter", "supplement", "rate", "download", "collect"]);

export function DossierCard({ d, step, principal }: { d: DossierCardData; step: NextStep; principal: string | null }) {
  const asks = ASKS.has(step.code);
  return (
    <li className="card space-y-2 wrap-anywhere" data-testid="the-ho-so" data-code={d.code}>
      <h3 className="font-semibold">{d.service.name}</h3>
      {principal && (
        <p className="text-sm font-medium" data-testid="chu-the">
          {principal}
        </p>
      )}
      <dl className="space-y-1 text-sm">
        <div>
          <dt className="inline text-slate-700">{t.code}: </dt>
          <dd className="inline">
            <Link href={dossierHref(d.code)} className="inline-block py-0.5 font-semibold">
              {d.code}
            </Link>
          </dd>
        </div>
        <div>
          <dt className="inline text-slate-700">{t.agency}: </dt>
          <dd className="inline">{d.holderAgency.name}</dd>
        </div>
        <div>
          <dt className="inline text-slate-700">{t.status}: </dt>
          <dd className="inline font-semibold" data-testid="trang-thai-the">
            {statusName(d.status)}
          </dd>
        </div>
        <div>
          <dt className="inline text-slate-700">{t.due}: </dt>
          <dd className="inline">{d.dueAt ? formatDate(d.dueAt) : t.noDate}</dd>
        </div>
      </dl>
      <p
        className={`rounded-md border p-2 ${asks ? "border-amber-700 bg-amber-50" : "border-slate-300 bg-slate-50"}`}
        data-testid="viec-tiep-theo"
        data-step={step.code}
      >
        <span className="block text-xs font-semibold text-slate-800">{t.nextLabel}</span>
        <Link href={step.href} className={`inline-block py-1 ${asks ? "font-semibold" : ""}`}>
          {stepWords(step)}
          <span className="sr-only">{t.ofDossier(d.code)}</span>
        </Link>
      </p>
    </li>
  );
}

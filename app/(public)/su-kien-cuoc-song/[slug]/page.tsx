// One life event: the connected service first when there is one (with a link that leads to its filing form
// through its service page), then the procedures in order, each with what to prepare from the catalog.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LifeEventProcedure } from "@/components/help/LifeEventProcedure";
import { lifeEventBySlug } from "@/lib/help/life-events";
import { catalogProceduresOf } from "@/lib/help/life-event-pages";
import { lifeEventText as t } from "@/lib/i18n/vi/life-events";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: lifeEventBySlug((await params).slug)?.title ?? t.title };
}

export default async function LifeEventPage({ params }: Props) {
  const event = lifeEventBySlug((await params).slug);
  if (!event) notFound();
  const catalog = await catalogProceduresOf(event);
  const connected = event.connected ? catalog.get(event.connected.procedure) : undefined;
  return (
    <article className="space-y-4">
      <p>
        <Link href="/su-kien-cuoc-song">{t.back}</Link>
      </p>
      <h1 className="text-2xl font-bold">{event.title}</h1>
      <p className="text-slate-700">{event.summary}</p>
      {event.connected && (
        <section aria-labelledby="lien-thong" className="card space-y-3 border-2 border-green-800">
          <h2 id="lien-thong" className="text-lg font-semibold">
            {t.connectedTitle} <span className="ml-1 rounded bg-green-800 px-2 py-0.5 text-sm text-white">{t.connectedBadge}</span>
          </h2>
          <p>{event.connected.note}</p>
          <LifeEventProcedure code={event.connected.procedure} procedure={connected} />
          {connected && connected.onlineOffers > 0 ? (
            <div className="space-y-1">
              <p className="text-sm text-slate-700">
                {t.offeredBy(connected.onlineOffers)}. {t.fileItHelp}
              </p>
              <p>
                <Link href={`/thu-tuc/${event.connected.procedure}`} className="btn btn-primary">
                  {t.fileIt}
                </Link>
              </p>
            </div>
          ) : (
            <p role="note" className="rounded border border-amber-700 bg-amber-50 p-2 text-sm text-amber-900">
              {t.notOffered}
            </p>
          )}
        </section>
      )}
      <section aria-labelledby="cac-buoc" className="space-y-3">
        <h2 id="cac-buoc" className="text-lg font-semibold">
          {t.steps}
        </h2>
        {event.stepsLead && <p>{event.stepsLead}</p>}
        <ol className="space-y-3">
          {event.steps.map((step, i) => (
            <li key={step.procedures.join("+")} className="card space-y-2">
              <p className="font-semibold">
                {t.stepLabel(i + 1)}
                {step.optional && <span className="ml-2 text-sm font-normal text-slate-700">({t.optional})</span>}
              </p>
              <p>{step.note}</p>
              {step.procedures.length === 1 ? (
                step.procedures.map((code) => <LifeEventProcedure key={code} code={code} procedure={catalog.get(code)} />)
              ) : (
                <>
                  <p className="text-sm">{t.chooseOne}</p>
                  <ul className="space-y-3">
                    {step.procedures.map((code) => (
                      <li key={code} className="border-l-4 border-slate-300 pl-3">
                        <LifeEventProcedure code={code} procedure={catalog.get(code)} />
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </li>
          ))}
        </ol>
      </section>
      <p className="text-sm text-slate-700">{t.sourceNote}</p>
      <p>
        <Link href="/hoi-dap">{t.faqLink}</Link>
      </p>
    </article>
  );
}

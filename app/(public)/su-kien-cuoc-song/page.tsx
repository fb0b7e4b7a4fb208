// Help by life event: the events (prisma/data/life-events.json), each with the procedures it leads to.
import type { Metadata } from "next";
import Link from "next/link";
import { LIFE_EVENTS, proceduresOf } from "@/lib/help/life-events";
import { procedureNames } from "@/lib/help/life-event-pages";
import { lifeEventText as t } from "@/lib/i18n/vi/life-events";

export const metadata: Metadata = { title: t.title };

export default async function LifeEventsPage() {
  const names = await procedureNames(LIFE_EVENTS.flatMap(proceduresOf));
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t.title}</h1>
      <p className="text-slate-700">{t.lead}</p>
      <ul className="grid gap-4 md:grid-cols-2" aria-label={t.title}>
        {LIFE_EVENTS.map((e) => {
          const codes = proceduresOf(e).filter((c) => names.has(c));
          return (
            <li key={e.slug} className="card space-y-2" data-testid="su-kien">
              <h2 className="text-lg font-semibold">
                <Link href={`/su-kien-cuoc-song/${e.slug}`}>{e.title}</Link>
              </h2>
              <p>{e.summary}</p>
              <p className="text-sm text-slate-700">{t.procedureCount(codes.length)}</p>
              <ul className="list-disc pl-5 text-sm">
                {codes.map((c) => (
                  <li key={c}>{names.get(c)}</li>
                ))}
              </ul>
            </li>
          );
        })}
      </ul>
      <p className="text-sm text-slate-700">{t.sourceNote}</p>
    </div>
  );
}

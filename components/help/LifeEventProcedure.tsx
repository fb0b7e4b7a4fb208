// One procedure on a life-event page: its name (linking to its catalog page), its code, and what to prepare,
// from the procedure's own components in the catalog.
import Link from "next/link";
import type { CatalogProcedure } from "@/lib/help/life-event-pages";
import { lifeEventText as t } from "@/lib/i18n/vi/life-events";

export function LifeEventProcedure({ code, procedure }: { code: string; procedure?: CatalogProcedure }) {
  if (!procedure) return <p className="text-amber-900">{t.missing(code)}</p>;
  const toSubmit = procedure.components.filter((c) => c.kind === "submit");
  const toShow = procedure.components.filter((c) => c.kind === "show");
  return (
    <div className="space-y-2" data-testid="thu-tuc-su-kien" data-code={code}>
      <h3 className="font-semibold break-words">
        <Link href={`/thu-tuc/${code}`}>{procedure.name}</Link>
      </h3>
      <p className="text-sm text-slate-700">
        {t.code}: {code}
      </p>
      <div>
        <p className="font-medium">{t.prepare}</p>
        {procedure.components.length === 0 ? (
          <p className="text-sm">{t.noComponents}</p>
        ) : (
          [
            { title: t.toSubmit, list: toSubmit },
            { title: t.toShow, list: toShow },
          ]
            .filter((g) => g.list.length > 0)
            .map((g) => (
              <div key={g.title} className="text-sm">
                <p>{g.title}:</p>
                <ul className="list-disc pl-5">
                  {g.list.map((c) => (
                    <li key={c.name} className="break-words">
                      {c.name}
                      {c.copies && <span className="text-slate-700"> — {c.copies}</span>}
                    </li>
                  ))}
                </ul>
              </div>
            ))
        )}
      </div>
    </div>
  );
}

// A dossier's answers in words (lib/forms/display.ts): each step's title, its fields' labels and words, a
// repeating group as numbered items, papers as submitted. One component for the review step and the officer's
// and the citizen's dossier pages; `onChangeStep` adds a "change" button per step (the review).
import type { DisplaySection } from "@/lib/forms/display";
import { filingText as t } from "@/lib/i18n/vi/filing";

export function AnswerSections({
  sections,
  onChangeStep,
  level = 3,
  changeLabel = t.change,
}: {
  sections: DisplaySection[];
  onChangeStep?: (step: number) => void;
  /** The "change" button's words (the review's language). */
  changeLabel?: string;
  level?: 3 | 4;
}) {
  const H = level === 3 ? "h3" : "h4";
  return (
    <div className="space-y-4" data-testid="thong-tin-ke-khai">
      {sections.map((s) => (
        <div key={s.stepId}>
          <div className="flex items-center justify-between">
            <H className="font-semibold">{s.title}</H>
            {onChangeStep && (
              <button
                type="button"
                className="text-blue-800 underline"
                onClick={() => onChangeStep(s.index)}
                aria-label={`${changeLabel}: ${s.title}`}
              >
                {changeLabel}
              </button>
            )}
          </div>
          <dl className="grid gap-1 sm:grid-cols-[16rem_1fr]">
            {s.rows.map((r) =>
              r.kind === "row" ? (
                <div key={r.path} className="contents">
                  <dt className="text-slate-700">{r.label}</dt>
                  <dd data-testid={`xem-${r.path}`}>{r.text}</dd>
                </div>
              ) : (
                <div key={r.path} className="contents">
                  <dt className="text-slate-700">{r.label}</dt>
                  <dd data-testid={`xem-${r.path}`}>
                    {r.items.length === 0 ? (
                      "—"
                    ) : (
                      <ol className="space-y-2">
                        {r.items.map((it) => (
                          <li key={it.heading}>
                            <p className="font-medium">{it.heading}</p>
                            <dl className="grid gap-1 pl-3 sm:grid-cols-[12rem_1fr]">
                              {it.rows.map((x) => (
                                <div key={x.path} className="contents">
                                  <dt className="text-slate-700">{x.label}</dt>
                                  <dd data-testid={`xem-${x.path}`}>{x.text}</dd>
                                </div>
                              ))}
                            </dl>
                          </li>
                        ))}
                      </ol>
                    )}
                  </dd>
                </div>
              ),
            )}
          </dl>
        </div>
      ))}
    </div>
  );
}

// The editor's live preview: the citizen's form as the definition stands, where the admin can tick a checkbox or
// pick a choice to see the conditions work (steps, fields and papers shown, required or not). The trial answers
// are not part of the form: their controls have no name and are never submitted.
"use client";

import { useState } from "react";
import type { FormDefinition, FormField } from "@/lib/forms/definition";
import { isRequired, isStepVisible, isVisible } from "@/lib/forms/answers";
import { commonText } from "@/lib/i18n/vi/common";
import { formsText } from "@/lib/i18n/vi/forms";

const t = formsText;

function Trial({ f, value, onChange }: { f: FormField; value: unknown; onChange: (v: unknown) => void }) {
  const id = `thu-${f.id}`;
  if (f.type === "checkbox")
    return (
      <label className="flex items-center gap-1">
        <input id={id} type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} />
        <span>{f.label}</span>
      </label>
    );
  if ((f.type === "select" || f.type === "radio") && f.options?.length)
    return (
      <div>
        <label htmlFor={id}>{f.label}</label>
        <select id={id} className="input" value={typeof value === "string" ? value : ""} onChange={(e) => onChange(e.target.value)}>
          <option value="">—</option>
          {f.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    );
  return null;
}

export function LivePreview({ form }: { form: FormDefinition }) {
  const [answers, setAnswers] = useState<Record<string, unknown>>({});
  return (
    <div className="space-y-3" data-testid="xem-truoc">
      <p className="text-sm text-slate-700">{t.editor.tryHeading}</p>
      {form.title && <p className="font-semibold">{form.title}</p>}
      {form.steps.map((s, i) =>
        isStepVisible(s, answers) ? (
          <section key={`${i}-${s.id}`} className="rounded border border-slate-300 bg-white p-3">
            <h4 className="font-semibold">{t.stepLabel(i, s.title)}</h4>
            <ul>
              {s.fields
                .filter((f) => isVisible(f, answers))
                .map((f) => {
                  const required = isRequired(f, answers);
                  const trial = <Trial f={f} value={answers[f.id]} onChange={(v) => setAnswers((a) => ({ ...a, [f.id]: v }))} />;
                  return (
                    <li key={f.id} className="space-y-1 border-b border-slate-200 py-2" data-testid={`xt-${f.id}`}>
                      <p>
                        {f.type === "file" && <span className="text-sm text-slate-700">{t.editor.previewPaper}: </span>}
                        <span className="font-medium">{f.label}</span>
                        {required && <span className="text-red-800"> ({commonText.required})</span>}
                        {!required && f.requiredWhen && <span className="text-sm text-slate-700"> ({t.editor.previewConditional})</span>}
                        <span className="text-sm text-slate-700"> · {t.types[f.type] ?? f.type}</span>
                      </p>
                      {f.help && <p className="text-sm text-slate-700">{f.help}</p>}
                      {trial}
                      {f.options && f.type !== "select" && f.type !== "radio" && (
                        <p className="text-sm text-slate-700">{f.options.map((o) => o.label).join(" · ")}</p>
                      )}
                      {f.fields && (
                        <ul className="ml-4">
                          {f.fields.map((g) => (
                            <li key={g.id} className="text-sm">
                              {g.label} · {t.types[g.type] ?? g.type}
                            </li>
                          ))}
                        </ul>
                      )}
                    </li>
                  );
                })}
            </ul>
          </section>
        ) : null,
      )}
    </div>
  );
}

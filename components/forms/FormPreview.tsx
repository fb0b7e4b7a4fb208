// A read-only preview of a declaration form as the citizen meets it: its steps, each field with its label,
// whether it is required, its kind and choices, and the papers it asks for. Pure rendering of a definition.
import type { FormDefinition, FormField } from "@/lib/forms/definition";
import { commonText } from "@/lib/i18n/vi/common";
import { formsText as t } from "@/lib/i18n/vi/forms";

function FieldLine({ f }: { f: FormField }) {
  return (
    <li className="space-y-1 border-b border-slate-200 py-2">
      <p>
        <span className="font-medium">{f.label}</span>
        {f.required && <span className="text-red-800"> ({commonText.required})</span>}
        <span className="text-sm text-slate-700"> · {t.types[f.type] ?? f.type}</span>
      </p>
      {f.help && <p className="text-sm text-slate-700">{f.help}</p>}
      {f.options && <p className="text-sm text-slate-700">{f.options.map((o) => o.label).join(" · ")}</p>}
      {f.fields && (
        <ul className="ml-4">
          {f.fields.map((g) => (
            <FieldLine key={g.id} f={g} />
          ))}
        </ul>
      )}
    </li>
  );
}

export function FormPreview({ form, headingLevel = 3 }: { form: FormDefinition; headingLevel?: 3 | 4 }) {
  const H = headingLevel === 3 ? "h3" : "h4";
  return (
    <div className="space-y-3" data-testid="xem-truoc">
      {form.title && <p className="font-semibold">{form.title}</p>}
      {form.steps.map((s, i) => (
        <section key={s.id} className="rounded border border-slate-300 bg-white p-3">
          <H className="font-semibold">{t.stepLabel(i, s.title)}</H>
          <ul>
            {s.fields.map((f) => (
              <FieldLine key={f.id} f={f} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

// Two versions of a form side by side, with the list of differences above.
import type { FormDefinition } from "@/lib/forms/definition";
import { diffDefinitions } from "@/lib/forms/compare";
import { formsText as t } from "@/lib/i18n/vi/forms";
import { FormDiffList } from "./FormDiffList";
import { FormPreview } from "./FormPreview";

export function FormCompare({
  left,
  right,
}: {
  left: { version: number; form: FormDefinition };
  right: { version: number; form: FormDefinition };
}) {
  return (
    <div className="space-y-4">
      <p>{t.compareLead(left.version, right.version)}</p>
      <section aria-labelledby="khac-biet" className="card space-y-2">
        <h2 id="khac-biet" className="text-xl font-semibold">
          {t.diffHeading}
        </h2>
        <FormDiffList diff={diffDefinitions(left.form, right.form)} />
      </section>
      <div className="grid gap-4 lg:grid-cols-2">
        {[left, right].map((side, i) => (
          <section key={i} aria-labelledby={`ben-${i}`} className="space-y-2">
            <h2 id={`ben-${i}`} className="text-xl font-semibold">
              {t.version(side.version)}
            </h2>
            <FormPreview form={side.form} />
          </section>
        ))}
      </div>
    </div>
  );
}

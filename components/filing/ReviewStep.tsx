// The filing form's last step: every visible answer as the agency will read it, each step with a link back to
// change it, the fee, the declaration, and the submit button.
import type { Ref } from "react";
import type { FormDefinition, FormField } from "@/lib/forms/definition";
import { isVisible, type AddressValue } from "@/lib/filing/answers-schema";
import { filingText as t } from "@/lib/i18n/vi/filing";
import type { UploadedFile } from "./FieldInput";

function displayValue(field: FormField, value: unknown, files: Record<string, UploadedFile>, names: Map<string, string>): string {
  if (value === undefined || value === "" || value === null) return "—";
  if (field.type === "checkbox") return value ? "Có" : "Không";
  if (field.type === "file") return files[field.id]?.fileName ?? "—";
  if (field.type === "select" || field.type === "radio") return field.options?.find((o) => o.value === value)?.label ?? String(value);
  if (field.type === "address") {
    const a = value as AddressValue;
    return [a.street, names.get(a.ward) ?? a.ward, names.get(a.district) ?? a.district, names.get(a.province) ?? a.province]
      .filter(Boolean)
      .join(", ");
  }
  if (field.type === "date" && typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value.split("-").reverse().join("/");
  return String(value);
}

export interface ReviewStepProps {
  form: FormDefinition;
  answers: Record<string, unknown>;
  files: Record<string, UploadedFile>;
  unitNames: Map<string, string>;
  feeText: string;
  headingRef: Ref<HTMLHeadingElement>;
  declared: boolean;
  onDeclared: (declared: boolean) => void;
  declarationError?: string;
  submitting: boolean;
  onChangeStep: (step: number) => void;
  onSubmit: () => void;
}

export function ReviewStep({ headingRef, ...p }: ReviewStepProps) {
  const total = p.form.steps.length + 1;
  return (
    <section aria-labelledby="tieu-de-buoc" className="card space-y-4">
      <h2 id="tieu-de-buoc" ref={headingRef} tabIndex={-1} className="text-lg font-semibold">
        {t.stepOf(total, total)}: {t.reviewTitle}
      </h2>
      {p.form.steps.map((s, i) => (
        <div key={s.id}>
          <div className="flex items-center justify-between">
            <h3 className="font-semibold">{s.title}</h3>
            <button
              type="button"
              className="text-blue-800 underline"
              onClick={() => p.onChangeStep(i)}
              aria-label={`${t.change}: ${s.title}`}
            >
              {t.change}
            </button>
          </div>
          <dl className="grid gap-1 sm:grid-cols-[16rem_1fr]">
            {s.fields
              .filter((f) => isVisible(f, p.answers))
              .map((f) => (
                <div key={f.id} className="contents">
                  <dt className="text-slate-700">{f.label}</dt>
                  <dd data-testid={`xem-${f.id}`}>{displayValue(f, p.answers[f.id], p.files, p.unitNames)}</dd>
                </div>
              ))}
          </dl>
        </div>
      ))}
      <p className="rounded bg-slate-100 p-2 text-sm">{p.feeText}</p>
      <label htmlFor="truong-camDoan" className="flex items-start gap-2">
        <input
          id="truong-camDoan"
          type="checkbox"
          className="mt-1 h-5 w-5"
          checked={p.declared}
          onChange={(e) => p.onDeclared(e.target.checked)}
          aria-invalid={p.declarationError ? true : undefined}
        />
        <span>{t.declaration}</span>
      </label>
      <div className="flex gap-2">
        <button type="button" className="btn btn-secondary" onClick={() => p.onChangeStep(total - 2)}>
          {t.back}
        </button>
        <button type="button" className="btn btn-primary" disabled={p.submitting} onClick={p.onSubmit}>
          {p.submitting ? t.submitting : t.submit}
        </button>
      </div>
    </section>
  );
}

"use client";

// One action on a dossier (receive, request papers, finish with a result, transfer…) as a small form:
// it posts to its server action, shows errors beside the fields, and keeps what was typed.
import { ErrorSummary } from "@/components/forms/ErrorSummary";
import { useActionForm } from "@/components/forms/useActionForm";
import type { FormAction } from "@/lib/forms/action-state";

export interface ActionField {
  name: string;
  label: string;
  type: "text" | "textarea" | "number" | "date" | "select";
  required?: boolean;
  help?: string;
  options?: { value: string; label: string }[];
  defaultValue?: string;
}

export function OfficerActionForm({
  id,
  title,
  submitLabel,
  action,
  hidden,
  fields = [],
}: {
  id: string;
  title: string;
  submitLabel: string;
  action: FormAction;
  hidden: Record<string, string>;
  fields?: ActionField[];
}) {
  const { state, formAction, pending, formKey, value, error: errorOf } = useActionForm(action);
  const labels = Object.fromEntries(fields.map((f) => [f.name, f.label]));
  const fieldId = (name: string) => `${id}-${name}`;
  return (
    <form action={formAction} className="space-y-2 rounded border border-slate-200 p-3" aria-labelledby={`${id}-tieu-de`} key={formKey}>
      <h3 id={`${id}-tieu-de`} className="font-semibold">
        {title}
      </h3>
      {state.ok ? (
        <p role="status" className="text-green-900">
          {state.message}
        </p>
      ) : (
        <ErrorSummary message={state.message} fieldErrors={state.fieldErrors} labels={labels} anchorFor={fieldId} />
      )}
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      {fields.map((f) => {
        const error = errorOf(f.name);
        const common = {
          id: fieldId(f.name),
          name: f.name,
          className: "input",
          defaultValue: value(f.name, f.defaultValue),
          "aria-invalid": error ? true : undefined,
          "aria-describedby": error ? `${fieldId(f.name)}-loi` : undefined,
        } as const;
        return (
          <div key={f.name} className="space-y-1">
            <label htmlFor={fieldId(f.name)} className="block text-sm font-medium">
              {f.label}
              {f.required && <span className="text-red-800"> (bắt buộc)</span>}
            </label>
            {f.help && <p className="text-sm text-slate-700">{f.help}</p>}
            {error && (
              <p id={`${fieldId(f.name)}-loi`} className="text-sm font-semibold text-red-800">
                {error}
              </p>
            )}
            {f.type === "textarea" ? (
              <textarea {...common} rows={3} />
            ) : f.type === "select" ? (
              <select {...common}>
                {f.options?.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            ) : (
              <input {...common} type={f.type} inputMode={f.type === "number" ? "numeric" : undefined} />
            )}
          </div>
        );
      })}
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {submitLabel}
      </button>
    </form>
  );
}

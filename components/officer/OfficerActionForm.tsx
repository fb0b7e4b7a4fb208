"use client";

// One action on a dossier (receive, request papers, finish with a result, transfer…) as a small form:
// it posts to its server action, shows errors beside the fields, and keeps what was typed. An action that ends
// or hands over the dossier says what it will do and asks for a ticked confirmation (checked on the server,
// so it works without JavaScript); only destructive actions look destructive.
import { ErrorSummary } from "@/components/forms/ErrorSummary";
import { useActionForm } from "@/components/forms/useActionForm";
import type { FormAction } from "@/lib/forms/action-state";

const BUTTON = {
  primary: "btn-primary",
  secondary: "btn-secondary",
  danger: "border-2 border-red-800 bg-white text-red-800 hover:bg-red-50",
} as const;

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
  confirm,
  tone = "primary",
}: {
  id: string;
  title: string;
  submitLabel: string;
  action: FormAction;
  hidden: Record<string, string>;
  fields?: ActionField[];
  /** Asks for confirmation: what the action will do, and the checkbox's words. */
  confirm?: { warning: string; label: string };
  /** The submit button's look: the page's primary action, another one, or one that ends the dossier. */
  tone?: "primary" | "secondary" | "danger";
}) {
  const { state, formAction, pending, formKey, value, error: errorOf } = useActionForm(action);
  const labels: Record<string, string> = Object.fromEntries(fields.map((f) => [f.name, f.label]));
  if (confirm) labels.confirm = confirm.label;
  const confirmError = errorOf("confirm");
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
          "aria-describedby":
            [f.help ? `${fieldId(f.name)}-huong-dan` : "", error ? `${fieldId(f.name)}-loi` : ""].filter(Boolean).join(" ") || undefined,
        } as const;
        return (
          <div key={f.name} className="space-y-1">
            <label htmlFor={fieldId(f.name)} className="block text-sm font-medium">
              {f.label}
              {f.required && <span className="text-red-800"> (bắt buộc)</span>}
            </label>
            {f.help && (
              <p id={`${fieldId(f.name)}-huong-dan`} className="text-sm text-slate-700">
                {f.help}
              </p>
            )}
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
      {confirm && (
        <div className="space-y-1 rounded border border-amber-700 bg-amber-50 p-2">
          <p id={`${id}-canh-bao`} className="text-amber-950">
            {confirm.warning}
          </p>
          {confirmError && (
            <p id={`${fieldId("confirm")}-loi`} className="text-sm font-semibold text-red-800">
              {confirmError}
            </p>
          )}
          <label htmlFor={fieldId("confirm")} className="flex items-start gap-2 font-medium">
            <input
              id={fieldId("confirm")}
              name="confirm"
              type="checkbox"
              className="mt-1 size-5 shrink-0"
              defaultChecked={value("confirm") === "on"}
              aria-invalid={confirmError ? true : undefined}
              aria-describedby={[`${id}-canh-bao`, confirmError ? `${fieldId("confirm")}-loi` : ""].filter(Boolean).join(" ")}
            />
            <span>{confirm.label}</span>
          </label>
        </div>
      )}
      <button type="submit" className={`btn ${BUTTON[tone]}`} disabled={pending}>
        {submitLabel}
      </button>
    </form>
  );
}

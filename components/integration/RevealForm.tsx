"use client";

// A small form whose success may carry a secret to show once (a new API key, an endpoint's signing secret):
// the secret appears in a status box with its own label, never in a URL, and is gone on the next visit.
// Errors are listed on top and beside each field; what was typed stays.
import { ErrorSummary } from "@/components/forms/ErrorSummary";
import { useActionForm } from "@/components/forms/useActionForm";
import type { FormAction, Secret } from "@/lib/forms/action-state";

export interface RevealField {
  name: string;
  label: string;
  help?: string;
  defaultValue?: string;
  type?: "text" | "url";
}

export function RevealForm({
  id,
  action,
  hidden = {},
  fields = [],
  submitLabel,
  pendingLabel,
  srLabel,
  variant = "primary",
}: {
  id: string;
  action: FormAction<Secret>;
  hidden?: Record<string, string>;
  fields?: RevealField[];
  submitLabel: string;
  pendingLabel: string;
  /** Read after the label by screen readers only, so that a column of buttons says which row each acts on. */
  srLabel?: string;
  variant?: "primary" | "secondary";
}) {
  const { state, formAction, pending, formKey, value, error: errorOf } = useActionForm(action);
  const fieldId = (name: string) => `${id}-${name}`;
  const labels = Object.fromEntries(fields.map((f) => [f.name, f.label]));
  return (
    <form action={formAction} noValidate className="space-y-2" key={formKey}>
      {state.ok ? (
        <div role="status" className="space-y-1 rounded border border-green-700 bg-green-50 p-3 text-green-900">
          <p>{state.message}</p>
          {state.data && (
            <p>
              <span className="font-semibold">{state.data.secretLabel}: </span>
              <code className="break-all rounded bg-white px-1">{state.data.secret}</code>
            </p>
          )}
        </div>
      ) : fields.length > 0 ? (
        <ErrorSummary message={state.message} fieldErrors={state.fieldErrors} labels={labels} anchorFor={fieldId} />
      ) : (
        state.message && (
          <p role="alert" className="text-sm font-semibold text-red-800">
            {state.message}
          </p>
        )
      )}
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      {fields.map((f) => {
        const error = errorOf(f.name);
        const describedBy =
          [f.help && `${fieldId(f.name)}-goi-y`, error && `${fieldId(f.name)}-loi`].filter(Boolean).join(" ") || undefined;
        return (
          <div key={f.name} className="space-y-1">
            <label htmlFor={fieldId(f.name)} className="block font-medium">
              {f.label}
            </label>
            {f.help && (
              <p id={`${fieldId(f.name)}-goi-y`} className="text-sm text-slate-700">
                {f.help}
              </p>
            )}
            {error && (
              <p id={`${fieldId(f.name)}-loi`} className="text-sm font-semibold text-red-800">
                {error}
              </p>
            )}
            <input
              id={fieldId(f.name)}
              name={f.name}
              type={f.type ?? "text"}
              className="input"
              defaultValue={value(f.name, f.defaultValue)}
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy}
            />
          </div>
        );
      })}
      <button type="submit" className={`btn ${variant === "primary" ? "btn-primary" : "btn-secondary"} px-3 py-1`} disabled={pending}>
        {pending ? pendingLabel : submitLabel}
        {srLabel && <span className="sr-only"> {srLabel}</span>}
      </button>
    </form>
  );
}

// A small admin form driven by a list of fields: text, date, long text or a choice. Refused input comes back as
// typed, each error beside its field and all of them in a summary that takes the focus. Several of these may
// share a page: every id is prefixed with `id`.
"use client";

import type { FormAction } from "@/lib/forms/action-state";
import { useActionForm } from "@/components/forms/useActionForm";
import { commonText } from "@/lib/i18n/vi/common";

export interface FormFieldSpec {
  name: string;
  label: string;
  type?: "text" | "date" | "textarea" | "select" | "number";
  required?: boolean;
  help?: string;
  options?: { value: string; label: string }[];
  defaultValue?: string;
  maxLength?: number;
}

export function ActionForm({
  id,
  action,
  fields,
  hidden = {},
  submitLabel,
  pendingLabel,
  variant = "primary",
}: {
  id: string;
  action: FormAction;
  fields: FormFieldSpec[];
  hidden?: Record<string, string>;
  submitLabel: string;
  pendingLabel: string;
  variant?: "primary" | "secondary";
}) {
  const { state, formAction, pending, summaryRef, formKey, value } = useActionForm(action);
  const e = state.fieldErrors;
  const known = fields.filter((f) => e[f.name]);
  const lead = state.message && !known.some((f) => e[f.name] === state.message) ? state.message : undefined;
  const hasErrors = !!lead || known.length > 0;
  const fid = (name: string) => `${id}-${name}`;
  return (
    <form action={formAction} noValidate className="space-y-3" key={formKey} aria-label={submitLabel}>
      {hasErrors && (
        <div
          ref={summaryRef}
          id={`${id}-tom-tat-loi`}
          role="alert"
          tabIndex={-1}
          className="rounded-md border-2 border-red-700 bg-red-50 p-4 text-red-900"
        >
          <h3 className="font-semibold">{commonText.errorSummaryTitle}</h3>
          {lead && <p>{lead}</p>}
          {known.length > 0 && (
            <ul className="mt-2 list-disc pl-5">
              {known.map((f) => (
                <li key={f.name}>
                  <a href={`#${fid(f.name)}`} className="text-red-900 underline">
                    {e[f.name]}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      {fields.map((f) => {
        const typed = value(f.name, f.defaultValue) ?? "";
        const err = e[f.name];
        const describedBy = [f.help && `${fid(f.name)}-goi-y`, err && `${fid(f.name)}-loi`].filter(Boolean).join(" ") || undefined;
        const common = {
          id: fid(f.name),
          name: f.name,
          defaultValue: typed,
          "aria-invalid": err ? true : undefined,
          "aria-describedby": describedBy,
          className: "input",
        };
        return (
          <div key={f.name} className="space-y-1">
            <label htmlFor={fid(f.name)} className="block font-medium">
              {f.label}
              {f.required && <span className="text-red-800"> ({commonText.required})</span>}
            </label>
            {f.help && (
              <p id={`${fid(f.name)}-goi-y`} className="text-sm text-slate-700">
                {f.help}
              </p>
            )}
            {err && (
              <p id={`${fid(f.name)}-loi`} className="text-sm font-semibold text-red-800">
                {err}
              </p>
            )}
            {f.type === "textarea" ? (
              <textarea {...common} rows={3} maxLength={f.maxLength} />
            ) : f.type === "select" ? (
              <select {...common}>
                {(f.options ?? []).map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            ) : (
              <input {...common} type={f.type ?? "text"} maxLength={f.maxLength} />
            )}
          </div>
        );
      })}
      <button type="submit" className={`btn ${variant === "primary" ? "btn-primary" : "btn-secondary"}`} disabled={pending}>
        {pending ? pendingLabel : submitLabel}
      </button>
    </form>
  );
}

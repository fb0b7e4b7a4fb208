// The form to add a day to the calendar or change one: date, kind, name. Refused input comes back as typed,
// with each error beside its field and all of them in the summary above.
"use client";

import { useActionState, useEffect, useRef } from "react";
import { ErrorSummary } from "@/components/forms/ErrorSummary";
import { TextField } from "@/components/forms/TextField";
import { calendarText as t } from "@/lib/i18n/vi/calendar";
import { commonText } from "@/lib/i18n/vi/common";
import type { CalendarDayFormState } from "@/app/(admin)/quan-tri/lich-lam-viec/actions";

const LABELS = { date: t.date, kind: t.kindLegend, name: t.name };
const KINDS = ["HOLIDAY", "WORKDAY"] as const;

export function CalendarDayForm({ action }: { action: (s: CalendarDayFormState, f: FormData) => Promise<CalendarDayFormState> }) {
  const [state, formAction, pending] = useActionState(action, { values: {}, fieldErrors: {} });
  const summary = useRef<HTMLDivElement>(null);
  const hasErrors = !!state.message || Object.keys(state.fieldErrors).length > 0;
  useEffect(() => {
    if (hasErrors) summary.current?.querySelector<HTMLElement>("#tom-tat-loi")?.focus();
  }, [state, hasErrors]);
  const v = state.values;
  const e = state.fieldErrors;
  const kind = v.kind === "WORKDAY" ? "WORKDAY" : "HOLIDAY";
  return (
    // key: after a failed attempt the inputs remount with what was typed as their default values.
    <form action={formAction} noValidate className="space-y-4" key={JSON.stringify(v)}>
      <div ref={summary}>
        <ErrorSummary message={state.message} fieldErrors={e} labels={LABELS} />
      </div>
      <TextField name="date" label={t.date} type="date" defaultValue={v.date} error={e.date} help={t.dateHelp} required />
      <fieldset className="space-y-2" aria-describedby={e.kind ? "kind-loi" : undefined}>
        <legend className="font-medium">
          {t.kindLegend}
          <span className="text-red-800"> ({commonText.required})</span>
        </legend>
        {e.kind && (
          <p id="kind-loi" className="text-sm font-semibold text-red-800">
            {e.kind}
          </p>
        )}
        {KINDS.map((k, i) => (
          <div key={k} className="flex items-center gap-2">
            {/* The first radio carries the field's id, so the error summary's link lands on the group. */}
            <input
              type="radio"
              id={i === 0 ? "kind" : `kind-${k}`}
              name="kind"
              value={k}
              defaultChecked={kind === k}
              aria-invalid={e.kind ? true : undefined}
              className="h-4 w-4"
            />
            <label htmlFor={i === 0 ? "kind" : `kind-${k}`}>{t.kind[k]}</label>
          </div>
        ))}
      </fieldset>
      <TextField name="name" label={t.name} defaultValue={v.name} error={e.name} help={t.nameHelp} required maxLength={200} />
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {pending ? t.saving : t.save}
      </button>
    </form>
  );
}

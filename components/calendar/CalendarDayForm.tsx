// The form to add a day to the calendar or change one: date, kind, name. Refused input comes back as typed,
// with each error beside its field and all of them in the summary above.
"use client";

import { ErrorSummary } from "@/components/forms/ErrorSummary";
import { RadioGroupField } from "@/components/forms/RadioGroupField";
import { TextField } from "@/components/forms/TextField";
import { calendarText as t } from "@/lib/i18n/vi/calendar";
import type { FormAction } from "@/lib/forms/action-state";
import { useActionForm } from "@/components/forms/useActionForm";

const LABELS = { date: t.date, kind: t.kindLegend, name: t.name };
const KINDS = ["HOLIDAY", "WORKDAY"] as const;

export function CalendarDayForm({ action }: { action: FormAction }) {
  const { state, formAction, pending, summaryRef, formKey } = useActionForm(action);
  const v = state.values;
  const e = state.fieldErrors;
  const kind = v.kind === "WORKDAY" ? "WORKDAY" : "HOLIDAY";
  return (
    // key: after a failed attempt the inputs remount with what was typed as their default values.
    <form action={formAction} noValidate className="space-y-4" key={formKey}>
      <div ref={summaryRef}>
        <ErrorSummary message={state.message} fieldErrors={e} labels={LABELS} />
      </div>
      <TextField name="date" label={t.date} type="date" defaultValue={v.date} error={e.date} help={t.dateHelp} required />
      <RadioGroupField
        name="kind"
        legend={t.kindLegend}
        value={kind}
        error={e.kind}
        options={KINDS.map((k) => ({ value: k, label: t.kind[k] }))}
      />
      <TextField name="name" label={t.name} defaultValue={v.name} error={e.name} help={t.nameHelp} required maxLength={200} />
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {pending ? t.saving : t.save}
      </button>
    </form>
  );
}

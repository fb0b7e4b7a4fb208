// The administrator's record of an agency's connection: testing, connected (one way or both) since a date
// from before the log, or clearing earlier records. Refused input comes back as typed, errors by field.
"use client";

import type { FormAction } from "@/lib/forms/action-state";
import { useActionForm } from "@/components/forms/useActionForm";
import { ErrorSummary } from "@/components/forms/ErrorSummary";
import { RadioGroupField } from "@/components/forms/RadioGroupField";
import { TextField } from "@/components/forms/TextField";
import { integrationText } from "@/lib/i18n/vi/monitoring";

const t = integrationText.recordForm;
const KINDS = ["TESTING", "RECEIVING_ONLY", "BOTH_WAYS", "CLEARED"] as const;
const LABELS = { kind: t.kind, connectedSince: t.date, note: t.note, identifier: "Cơ quan" };

export function ConnectionRecordForm({ identifier, action }: { identifier: string; action: FormAction }) {
  const { state, formAction, pending, summaryRef, formKey } = useActionForm(action);
  const v = state.values;
  const e = state.fieldErrors;
  return (
    <form action={formAction} noValidate className="space-y-4" key={formKey}>
      <div ref={summaryRef}>
        <ErrorSummary message={state.message} fieldErrors={e} labels={LABELS} />
      </div>
      <input type="hidden" name="identifier" value={identifier} />
      <RadioGroupField
        name="kind"
        legend={t.kind}
        value={v.kind}
        error={e.kind}
        options={KINDS.map((k) => ({ value: k, label: t.kinds[k] }))}
      />
      <TextField
        name="connectedSince"
        label={t.date}
        type="date"
        defaultValue={v.connectedSince}
        error={e.connectedSince}
        help={t.dateHint}
      />
      <TextField name="note" label={t.note} defaultValue={v.note} error={e.note} maxLength={500} />
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {t.submit}
      </button>
    </form>
  );
}

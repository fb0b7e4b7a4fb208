// The edit form of one of the agency's services: published, online level, the online channel's processing days
// and standard fee. Refused input comes back as typed, each error beside its field and all in the summary.
"use client";

import { ErrorSummary } from "@/components/forms/ErrorSummary";
import { RadioGroupField } from "@/components/forms/RadioGroupField";
import { TextField } from "@/components/forms/TextField";
import { agencyAdminText } from "@/lib/i18n/vi/agency-admin";
import type { FormAction } from "@/lib/forms/action-state";
import { useActionForm } from "@/components/forms/useActionForm";

const t = agencyAdminText.services;
const LABELS = { published: t.publishedLabel, onlineLevel: t.levelLegend, processingDays: t.processingDays, feeAmount: t.feeAmount };
const LEVELS = ["3", "4"] as const;

export interface ServiceFormProps {
  action: FormAction;
  code: string;
  settingsVersion: number;
  /** The service's current settings, as the form's strings. */
  initial: { published: string; onlineLevel: string; processingDays: string; feeAmount: string };
  feeHelp: string;
}

export function ServiceForm({ action, code, settingsVersion, initial, feeHelp }: ServiceFormProps) {
  const { state, formAction, pending, summaryRef, formKey } = useActionForm(action, { values: initial });
  const v = state.values;
  const e = state.fieldErrors;
  return (
    // key: after a failed attempt the inputs remount with what was typed as their default values.
    <form action={formAction} noValidate className="space-y-4" key={formKey}>
      <input type="hidden" name="code" value={code} />
      <input type="hidden" name="settingsVersion" value={settingsVersion} />
      <div ref={summaryRef}>
        <ErrorSummary message={state.message} fieldErrors={e} labels={LABELS} />
      </div>
      <div className="space-y-1">
        <div className="flex items-center gap-2">
          <input
            type="checkbox"
            id="published"
            name="published"
            value="true"
            defaultChecked={v.published === "true"}
            aria-invalid={e.published ? true : undefined}
            aria-describedby={["published-goi-y", e.published && "published-loi"].filter(Boolean).join(" ")}
            className="h-4 w-4"
          />
          <label htmlFor="published" className="font-medium">
            {t.publishedLabel}
          </label>
        </div>
        <p id="published-goi-y" className="text-sm text-slate-700">
          {t.publishedHelp}
        </p>
        {e.published && (
          <p id="published-loi" className="text-sm font-semibold text-red-800">
            {e.published}
          </p>
        )}
      </div>
      <RadioGroupField
        name="onlineLevel"
        legend={t.levelLegend}
        value={v.onlineLevel}
        error={e.onlineLevel}
        options={LEVELS.map((l) => ({ value: l, label: t.level[Number(l) as 3 | 4] }))}
      />
      <TextField
        name="processingDays"
        label={t.processingDays}
        defaultValue={v.processingDays}
        error={e.processingDays}
        help={t.processingDaysHelp}
        required
        inputMode="numeric"
        maxLength={3}
      />
      <TextField
        name="feeAmount"
        label={t.feeAmount}
        defaultValue={v.feeAmount}
        error={e.feeAmount}
        help={feeHelp}
        required
        inputMode="numeric"
        maxLength={16}
      />
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {pending ? t.saving : t.save}
      </button>
    </form>
  );
}

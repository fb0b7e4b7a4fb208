// Issue 17 (sync-out): where a service's online dossiers are processed — the portal's officer pages, or the agency's
// own one-stop system — version-checked like the service's other settings. A refusal keeps the choice made.
"use client";

import { ErrorSummary } from "@/components/forms/ErrorSummary";
import { RadioGroupField } from "@/components/forms/RadioGroupField";
import { useActionForm } from "@/components/forms/useActionForm";
import type { FormAction } from "@/lib/forms/action-state";
import { agencyAdminText } from "@/lib/i18n/vi/agency-admin";
import { syncOutText } from "@/lib/i18n/vi/sync-out";

const t = syncOutText.intake;

export function IntakeModeForm({
  action,
  code,
  settingsVersion,
  intakeMode,
}: {
  action: FormAction;
  code: string;
  settingsVersion: number;
  intakeMode: string;
}) {
  const { state, formAction, pending, summaryRef, formKey } = useActionForm(action, { values: { intakeMode } });
  return (
    <form action={formAction} noValidate className="space-y-3" key={formKey}>
      <input type="hidden" name="code" value={code} />
      <input type="hidden" name="settingsVersion" value={settingsVersion} />
      <div ref={summaryRef}>
        <ErrorSummary message={state.message} fieldErrors={state.fieldErrors} labels={{ intakeMode: t.legend }} />
      </div>
      <RadioGroupField
        name="intakeMode"
        legend={t.legend}
        value={state.values.intakeMode}
        error={state.fieldErrors.intakeMode}
        options={[
          { value: "PORTAL", label: t.portal },
          { value: "SYNC", label: t.sync, help: t.syncHelp },
        ]}
      />
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {pending ? agencyAdminText.services.saving : t.save}
      </button>
    </form>
  );
}

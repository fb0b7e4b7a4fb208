// The form an agency administrator fills to create an officer account: name, e-mail, role, initial password.
// Refused input comes back as typed (never the passwords), each error beside its field and all in the summary.
"use client";

import { ErrorSummary } from "@/components/forms/ErrorSummary";
import { RadioGroupField } from "@/components/forms/RadioGroupField";
import { TextField } from "@/components/forms/TextField";
import { agencyAdminText } from "@/lib/i18n/vi/agency-admin";
import type { FormAction } from "@/lib/forms/action-state";
import { useActionForm } from "@/components/forms/useActionForm";

const t = agencyAdminText.officers;
const LABELS = { fullName: t.fullName, email: t.email, role: t.roleLegend, password: t.password, passwordConfirm: t.passwordConfirm };
const ROLES = ["OFFICER", "AGENCY_ADMIN"] as const;

export function OfficerForm({ action }: { action: FormAction }) {
  const { state, formAction, pending, summaryRef, formKey } = useActionForm(action);
  const v = state.values;
  const e = state.fieldErrors;
  const role = v.role === "AGENCY_ADMIN" ? "AGENCY_ADMIN" : "OFFICER";
  return (
    // key: after a failed attempt the inputs remount with what was typed as their default values.
    <form action={formAction} noValidate className="space-y-4" key={formKey}>
      <div ref={summaryRef}>
        <ErrorSummary message={state.message} fieldErrors={e} labels={LABELS} />
      </div>
      <TextField
        name="fullName"
        label={t.fullName}
        defaultValue={v.fullName}
        error={e.fullName}
        required
        autoComplete="off"
        maxLength={100}
      />
      <TextField
        name="email"
        label={t.email}
        type="email"
        defaultValue={v.email}
        error={e.email}
        help={t.emailHelp}
        required
        autoComplete="off"
      />
      <RadioGroupField
        name="role"
        legend={t.roleLegend}
        value={role}
        error={e.role}
        options={ROLES.map((r) => ({ value: r, label: t.role[r], help: t.roleHelp[r] }))}
      />
      <TextField
        name="password"
        label={t.password}
        type="password"
        error={e.password}
        help={t.passwordHelp}
        required
        autoComplete="new-password"
      />
      <TextField
        name="passwordConfirm"
        label={t.passwordConfirm}
        type="password"
        error={e.passwordConfirm}
        required
        autoComplete="new-password"
      />
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {pending ? t.submitting : t.submit}
      </button>
    </form>
  );
}

// The form an agency administrator fills to create an officer account: name, e-mail, role, initial password.
// Refused input comes back as typed (never the passwords), each error beside its field and all in the summary.
"use client";

import { useActionState, useEffect, useRef } from "react";
import { ErrorSummary } from "@/components/forms/ErrorSummary";
import { TextField } from "@/components/forms/TextField";
import { agencyAdminText } from "@/lib/i18n/vi/agency-admin";
import { commonText } from "@/lib/i18n/vi/common";
import type { AdminFormState } from "@/app/(officer)/can-bo/quan-tri-co-quan/actions";

const t = agencyAdminText.officers;
const LABELS = { fullName: t.fullName, email: t.email, role: t.roleLegend, password: t.password, passwordConfirm: t.passwordConfirm };
const ROLES = ["OFFICER", "AGENCY_ADMIN"] as const;

export function OfficerForm({ action }: { action: (s: AdminFormState, f: FormData) => Promise<AdminFormState> }) {
  const [state, formAction, pending] = useActionState(action, { values: {}, fieldErrors: {} });
  const summary = useRef<HTMLDivElement>(null);
  const hasErrors = !!state.message || Object.keys(state.fieldErrors).length > 0;
  useEffect(() => {
    if (hasErrors) summary.current?.querySelector<HTMLElement>("#tom-tat-loi")?.focus();
  }, [state, hasErrors]);
  const v = state.values;
  const e = state.fieldErrors;
  const role = v.role === "AGENCY_ADMIN" ? "AGENCY_ADMIN" : "OFFICER";
  return (
    // key: after a failed attempt the inputs remount with what was typed as their default values.
    <form action={formAction} noValidate className="space-y-4" key={JSON.stringify(v)}>
      <div ref={summary}>
        <ErrorSummary message={state.message} fieldErrors={e} labels={LABELS} />
      </div>
      <TextField name="fullName" label={t.fullName} defaultValue={v.fullName} error={e.fullName} required autoComplete="off" maxLength={100} />
      <TextField name="email" label={t.email} type="email" defaultValue={v.email} error={e.email} help={t.emailHelp} required autoComplete="off" />
      <fieldset className="space-y-2" aria-describedby={e.role ? "role-loi" : undefined}>
        <legend className="font-medium">
          {t.roleLegend}
          <span className="text-red-800"> ({commonText.required})</span>
        </legend>
        {e.role && (
          <p id="role-loi" className="text-sm font-semibold text-red-800">
            {e.role}
          </p>
        )}
        {ROLES.map((r, i) => (
          <div key={r} className="flex items-start gap-2">
            {/* The first radio carries the field's id, so the error summary's link lands on the group. */}
            <input
              type="radio"
              id={i === 0 ? "role" : `role-${r}`}
              name="role"
              value={r}
              defaultChecked={role === r}
              aria-invalid={e.role ? true : undefined}
              aria-describedby={`role-${r}-goi-y`}
              className="mt-1 h-4 w-4"
            />
            <div>
              <label htmlFor={i === 0 ? "role" : `role-${r}`}>{t.role[r]}</label>
              <p id={`role-${r}-goi-y`} className="text-sm text-slate-700">
                {t.roleHelp[r]}
              </p>
            </div>
          </div>
        ))}
      </fieldset>
      <TextField name="password" label={t.password} type="password" error={e.password} help={t.passwordHelp} required autoComplete="new-password" />
      <TextField name="passwordConfirm" label={t.passwordConfirm} type="password" error={e.passwordConfirm} required autoComplete="new-password" />
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {pending ? t.submitting : t.submit}
      </button>
    </form>
  );
}

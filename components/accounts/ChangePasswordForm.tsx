"use client";

import { ErrorSummary } from "@/components/forms/ErrorSummary";
import { TextField } from "@/components/forms/TextField";
import { useActionForm } from "@/components/forms/useActionForm";
import type { FormAction } from "@/lib/forms/action-state";
import { accountText } from "@/lib/i18n/vi/accounts";
import { NewPasswordFields } from "./NewPasswordFields";

const t = accountText.change;
const LABELS = {
  currentPassword: t.currentPassword,
  password: accountText.reset.newPassword,
  passwordConfirm: accountText.reset.newPasswordConfirm,
};

export function ChangePasswordForm({ action }: { action: FormAction }) {
  const { state, formAction, pending, summaryRef, formKey } = useActionForm(action);
  return (
    <form action={formAction} noValidate className="space-y-4" key={formKey}>
      <div ref={summaryRef}>
        <ErrorSummary message={state.ok ? undefined : state.message} fieldErrors={state.fieldErrors} labels={LABELS} />
      </div>
      {state.ok && state.message && (
        <p role="status" className="rounded border border-green-700 bg-green-50 p-3 text-green-900">
          {state.message}
        </p>
      )}
      <TextField
        name="currentPassword"
        label={t.currentPassword}
        type="password"
        error={state.fieldErrors.currentPassword}
        required
        autoComplete="current-password"
      />
      <NewPasswordFields errors={state.fieldErrors} />
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {pending ? t.submitting : t.submit}
      </button>
    </form>
  );
}

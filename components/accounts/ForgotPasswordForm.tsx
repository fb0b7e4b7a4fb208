"use client";

import { ErrorSummary } from "@/components/forms/ErrorSummary";
import { TextField } from "@/components/forms/TextField";
import { useActionForm } from "@/components/forms/useActionForm";
import type { FormAction } from "@/lib/forms/action-state";
import { accountText } from "@/lib/i18n/vi/accounts";

const t = accountText.forgot;

export function ForgotPasswordForm({ action }: { action: FormAction }) {
  const { state, formAction, pending, summaryRef, formKey } = useActionForm(action);
  return (
    <form action={formAction} noValidate className="space-y-4" key={formKey}>
      <div ref={summaryRef}>
        <ErrorSummary message={state.message} fieldErrors={state.fieldErrors} labels={{ email: accountText.email }} />
      </div>
      <TextField
        name="email"
        label={accountText.email}
        type="email"
        defaultValue={state.values.email}
        error={state.fieldErrors.email}
        required
        autoComplete="email"
        maxLength={254}
      />
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {pending ? t.submitting : t.submit}
      </button>
    </form>
  );
}

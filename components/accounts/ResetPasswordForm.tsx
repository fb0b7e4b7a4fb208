"use client";

import { ErrorSummary } from "@/components/forms/ErrorSummary";
import { useActionForm } from "@/components/forms/useActionForm";
import type { FormAction } from "@/lib/forms/action-state";
import { accountText } from "@/lib/i18n/vi/accounts";
import { NewPasswordFields } from "./NewPasswordFields";

const t = accountText.reset;
const LABELS = { password: t.newPassword, passwordConfirm: t.newPasswordConfirm };

export function ResetPasswordForm({ action, token }: { action: FormAction; token: string }) {
  const { state, formAction, pending, summaryRef, formKey } = useActionForm(action);
  return (
    <form action={formAction} noValidate className="space-y-4" key={formKey}>
      <div ref={summaryRef}>
        <ErrorSummary message={state.message} fieldErrors={state.fieldErrors} labels={LABELS} />
      </div>
      <input type="hidden" name="token" value={token} />
      <NewPasswordFields errors={state.fieldErrors} />
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {pending ? t.submitting : t.submit}
      </button>
    </form>
  );
}

"use client";

import { ErrorSummary } from "@/components/forms/ErrorSummary";
import { useActionForm } from "@/components/forms/useActionForm";
import type { FormAction } from "@/lib/forms/action-state";
import { accountText } from "@/lib/i18n/vi/accounts";

const t = accountText.verify;

/** One button: the link's token goes back in a hidden field (opening the link alone changes nothing). */
export function VerifyEmailForm({ action, token }: { action: FormAction; token: string }) {
  const { state, formAction, pending, summaryRef } = useActionForm(action);
  return (
    <form action={formAction} className="space-y-4">
      <div ref={summaryRef}>
        <ErrorSummary message={state.message} fieldErrors={{}} labels={{}} />
      </div>
      <input type="hidden" name="token" value={token} />
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {pending ? t.submitting : t.submit}
      </button>
    </form>
  );
}

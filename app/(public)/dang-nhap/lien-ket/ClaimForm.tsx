"use client";

import { useActionState } from "react";
import { EidSignInButton } from "@/components/auth/EidSignInButton";
import { eidText } from "@/lib/i18n/vi/eid";
import { claimCccdAction, type ClaimState } from "./actions";

const t = eidText.claim;

/** The link page's other choice: the account holding the number is not the citizen's. */
export function ClaimForm({ token, next, eidOn }: { token: string; next: string; eidOn: boolean }) {
  const [state, action, pending] = useActionState<ClaimState, FormData>(claimCccdAction, {});
  if (state.done)
    return (
      <div className="space-y-3">
        <p role="status" className="rounded-md border-2 border-green-700 bg-green-50 p-3 text-green-900">
          {t.done}
        </p>
        {eidOn && <EidSignInButton next={next} label={t.signIn} />}
      </div>
    );
  return (
    <form action={action} className="space-y-3">
      {state.error && (
        <p role="alert" className="rounded-md border-2 border-red-700 bg-red-50 p-3 text-red-900">
          {state.error}
        </p>
      )}
      <input type="hidden" name="token" value={token} />
      <button type="submit" className="btn btn-secondary" disabled={pending}>
        {pending ? t.submitting : t.submit}
      </button>
    </form>
  );
}

"use client";
// The second factor's forms: the code asked after the password, the first code that confirms an enrolment,
// new recovery codes, and the recovery codes shown once with the "I saved them" step.
import { signOut } from "next-auth/react";
import { useState } from "react";
import { ErrorSummary } from "@/components/forms/ErrorSummary";
import { TextField } from "@/components/forms/TextField";
import { useActionForm } from "@/components/forms/useActionForm";
import type { FormAction } from "@/lib/forms/action-state";
import { secondFactorText as t } from "@/lib/i18n/vi/second-factor";

const LABELS = { code: t.verify.code };

/** The code step after the password: a TOTP code or a recovery code. Success is a redirect. */
export function SecondFactorCodeForm({ action, next }: { action: FormAction; next: string }) {
  const { state, formAction, pending, summaryRef, formKey } = useActionForm(action);
  return (
    <form action={formAction} noValidate className="space-y-4" key={formKey}>
      <div ref={summaryRef}>
        <ErrorSummary message={state.ok ? undefined : state.message} fieldErrors={state.fieldErrors} labels={LABELS} />
      </div>
      <input type="hidden" name="next" value={next} />
      <TextField
        name="code"
        label={t.verify.code}
        help={t.verify.codeHelp}
        error={state.fieldErrors.code}
        required
        autoComplete="one-time-code"
        maxLength={40}
      />
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {pending ? t.verify.submitting : t.verify.submit}
      </button>
    </form>
  );
}

/** The first code of a new authenticator; on success the recovery codes, shown once. */
export function EnrolConfirmForm({ action, next }: { action: FormAction<{ recoveryCodes: string[] }>; next: string }) {
  const { state, formAction, pending, summaryRef, formKey } = useActionForm(action);
  if (state.ok && state.data) return <RecoveryCodesShown codes={state.data.recoveryCodes} next={next} intro={t.codes.enabled} />;
  return (
    <form action={formAction} noValidate className="space-y-4" key={formKey}>
      <div ref={summaryRef}>
        <ErrorSummary message={state.ok ? undefined : state.message} fieldErrors={state.fieldErrors} labels={LABELS} />
      </div>
      <TextField
        name="code"
        label={t.verify.code}
        help={t.enrol.step2}
        error={state.fieldErrors.code}
        required
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={10}
      />
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {pending ? t.enrol.confirming : t.enrol.confirm}
      </button>
    </form>
  );
}

/** A new set of recovery codes (replacing the old ones), shown once. */
export function RegenerateCodesForm({ action, next }: { action: FormAction<{ recoveryCodes: string[] }>; next: string }) {
  const { state, formAction, pending } = useActionForm(action);
  if (state.ok && state.data) return <RecoveryCodesShown codes={state.data.recoveryCodes} next={next} />;
  return (
    <form action={formAction} className="space-y-2">
      <p className="text-sm text-slate-700">{t.manage.regenerateHelp}</p>
      <button type="submit" className="btn btn-secondary" disabled={pending} aria-describedby={state.message ? "ma-moi-loi" : undefined}>
        {pending ? t.manage.regenerating : t.manage.regenerate}
      </button>
      {state.message && (
        <p id="ma-moi-loi" role="alert" className="text-sm font-semibold text-red-800">
          {state.message}
        </p>
      )}
    </form>
  );
}

/** The recovery codes, once, then "I saved them" before going on. */
function RecoveryCodesShown({ codes, next, intro }: { codes: string[]; next: string; intro?: string }) {
  const [error, setError] = useState<string>();
  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!new FormData(e.currentTarget).get("saved")) {
      setError(t.codes.savedRequired);
      return;
    }
    window.location.assign(next);
  }
  return (
    <section aria-labelledby="ma-khoi-phuc" className="space-y-3">
      {intro && (
        <p role="status" className="rounded border border-green-700 bg-green-50 p-3 text-green-900">
          {intro}
        </p>
      )}
      <h2 id="ma-khoi-phuc" className="text-lg font-semibold">
        {t.codes.title}
      </h2>
      <p className="text-slate-700">{t.codes.lead}</p>
      <ul aria-label={t.codes.listLabel} className="grid grid-cols-2 gap-2 font-mono text-lg">
        {codes.map((c) => (
          <li key={c} className="rounded border border-slate-300 bg-slate-50 px-2 py-1">
            {c}
          </li>
        ))}
      </ul>
      <form onSubmit={onSubmit} noValidate className="space-y-3">
        {error && (
          <p id="da-luu-loi" role="alert" className="text-sm font-semibold text-red-800">
            {error}
          </p>
        )}
        <div className="flex items-start gap-2">
          <input id="da-luu" name="saved" type="checkbox" value="1" className="mt-1" aria-describedby={error ? "da-luu-loi" : undefined} />
          <label htmlFor="da-luu">{t.codes.saved}</label>
        </div>
        <button type="submit" className="btn btn-primary">
          {t.codes.continue}
        </button>
      </form>
    </section>
  );
}

/** Leaving instead of giving the code. */
export function SecondFactorSignOut() {
  return (
    <button type="button" className="btn btn-secondary" onClick={() => signOut({ callbackUrl: "/" })}>
      {t.verify.signOut}
    </button>
  );
}

"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { ErrorSummary } from "@/components/forms/ErrorSummary";
import { TextField } from "@/components/forms/TextField";
import { eidText } from "@/lib/i18n/vi/eid";

const t = eidText.link;

/** The link page's form: the account's password proves it is the citizen's; the e-ID is then linked and they are signed in. */
export function EidLinkForm({ token, next }: { token: string; next: string }) {
  const [error, setError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const password = String(new FormData(e.currentTarget).get("password") ?? "");
    if (!password) {
      setFieldErrors({ password: t.passwordRequired });
      setError(undefined);
      return;
    }
    setFieldErrors({});
    setPending(true);
    const res = await signIn("eid-link", { token, password, redirect: false });
    if (res?.ok && !res.error) {
      window.location.assign(next);
      return;
    }
    setPending(false);
    setError(res?.error && res.error !== "CredentialsSignin" ? res.error : t.badPassword);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" key={error ?? "form"}>
      <ErrorSummary message={error} fieldErrors={fieldErrors} labels={{ password: t.password }} />
      <TextField name="password" label={t.password} type="password" error={fieldErrors.password} required autoComplete="current-password" />
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {pending ? t.submitting : t.submit}
      </button>
    </form>
  );
}

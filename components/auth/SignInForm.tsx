"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { ErrorSummary } from "@/components/forms/ErrorSummary";
import { TextField } from "@/components/forms/TextField";

/** The words of the form in the page's language (the sign-in page reads them from the catalog). */
export interface SignInFormText {
  email: string;
  password: string;
  submit: string;
  submitting: string;
  emailRequired: string;
  passwordRequired: string;
  badCredentials: string;
  errorSummaryTitle: string;
  required: string;
  /**
   * Set in English: the server's refusals (too many attempts, a locked account) are in Vietnamese, so this
   * general one is said instead.
   */
  failed?: string;
}

export function SignInForm({ next, text: t }: { next: string; text: SignInFormText }) {
  const [error, setError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [email, setEmail] = useState("");
  const [pending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const values = { email: String(form.get("email") ?? "").trim(), password: String(form.get("password") ?? "") };
    setEmail(values.email);
    const missing: Record<string, string> = {};
    if (!values.email) missing.email = t.emailRequired;
    if (!values.password) missing.password = t.passwordRequired;
    setFieldErrors(missing);
    if (Object.keys(missing).length) {
      setError(undefined);
      return;
    }
    setPending(true);
    const res = await signIn("credentials", { ...values, redirect: false });
    if (res?.ok && !res.error) {
      window.location.assign(next);
      return;
    }
    setPending(false);
    setError(res?.error && res.error !== "CredentialsSignin" ? (t.failed ?? res.error) : t.badCredentials);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" key={error ?? "form"}>
      <ErrorSummary
        message={error}
        fieldErrors={fieldErrors}
        labels={{ email: t.email, password: t.password }}
        title={t.errorSummaryTitle}
      />
      <TextField
        name="email"
        label={t.email}
        type="email"
        defaultValue={email}
        error={fieldErrors.email}
        required
        requiredText={t.required}
        autoComplete="username"
      />
      <TextField
        name="password"
        label={t.password}
        type="password"
        error={fieldErrors.password}
        required
        requiredText={t.required}
        autoComplete="current-password"
      />
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {pending ? t.submitting : t.submit}
      </button>
    </form>
  );
}

"use client";

import { ErrorSummary } from "@/components/forms/ErrorSummary";
import { TextField } from "@/components/forms/TextField";
import { accountText as t } from "@/lib/i18n/vi/accounts";
import type { FormAction } from "@/lib/forms/action-state";
import { useActionForm } from "@/components/forms/useActionForm";

const LABELS = {
  fullName: t.fullName,
  cccd: t.cccd,
  dateOfBirth: t.dateOfBirth,
  phone: t.phone,
  email: t.email,
  password: t.password,
  passwordConfirm: t.passwordConfirm,
};

export function RegisterForm({ action }: { action: FormAction }) {
  const { state, formAction, pending, summaryRef, formKey } = useActionForm(action);
  const v = state.values;
  const e = state.fieldErrors;
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
        autoComplete="name"
        maxLength={100}
      />
      <TextField
        name="cccd"
        label={t.cccd}
        defaultValue={v.cccd}
        error={e.cccd}
        help={t.cccdHelp}
        required
        inputMode="numeric"
        maxLength={12}
      />
      <TextField
        name="dateOfBirth"
        label={t.dateOfBirth}
        type="date"
        defaultValue={v.dateOfBirth}
        error={e.dateOfBirth}
        required
        autoComplete="bday"
      />
      <TextField
        name="phone"
        label={t.phone}
        type="tel"
        defaultValue={v.phone}
        error={e.phone}
        help={t.phoneHelp}
        required
        autoComplete="tel"
      />
      <TextField
        name="email"
        label={t.email}
        type="email"
        defaultValue={v.email}
        error={e.email}
        help={t.emailHelp}
        required
        autoComplete="email"
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

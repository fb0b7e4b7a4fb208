"use client";

// The representative adds a member: an existing citizen account, named by both its e-mail and its CCCD
// (both must match the one account), as member or representative.
import { ErrorSummary } from "@/components/forms/ErrorSummary";
import { TextField } from "@/components/forms/TextField";
import { useActionForm } from "@/components/forms/useActionForm";
import type { FormAction } from "@/lib/forms/action-state";
import { orgText as t } from "@/lib/i18n/vi/organisations";

export function AddMemberForm({ action, organisationId }: { action: FormAction; organisationId: string }) {
  const { state, formAction, pending, summaryRef, formKey, value, error } = useActionForm(action);
  return (
    <form action={formAction} noValidate className="space-y-4" key={formKey}>
      <div ref={summaryRef}>
        <ErrorSummary
          message={state.ok ? undefined : state.message}
          fieldErrors={state.fieldErrors}
          labels={{ email: t.addEmail, cccd: t.addCccd, role: t.addRole }}
        />
      </div>
      {state.ok && state.message && (
        <p role="status" className="rounded border border-green-700 bg-green-50 p-3 text-green-900">
          {state.message}
        </p>
      )}
      <input type="hidden" name="organisationId" value={organisationId} />
      <TextField
        name="email"
        type="email"
        label={t.addEmail}
        defaultValue={value("email")}
        error={error("email")}
        required
        autoComplete="off"
        maxLength={320}
      />
      <TextField
        name="cccd"
        label={t.addCccd}
        help={t.addCccdHelp}
        defaultValue={value("cccd")}
        error={error("cccd")}
        required
        autoComplete="off"
        inputMode="numeric"
        maxLength={20}
      />
      <div className="space-y-1">
        <label htmlFor="role" className="block font-medium">
          {t.addRole}
        </label>
        <select id="role" name="role" defaultValue={value("role", "member")} className="rounded border border-slate-500 p-2">
          <option value="member">{t.role.member}</option>
          <option value="representative">{t.role.representative}</option>
        </select>
      </div>
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {pending ? t.saving : t.add}
      </button>
    </form>
  );
}

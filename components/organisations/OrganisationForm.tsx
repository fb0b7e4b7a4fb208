"use client";

// An organisation's details: registering a new one (with its enterprise / tax code), or the representative
// editing name, address and legal representative. A refusal keeps what was typed and names each field.
import { ErrorSummary } from "@/components/forms/ErrorSummary";
import { TextField } from "@/components/forms/TextField";
import { useActionForm } from "@/components/forms/useActionForm";
import type { FormAction } from "@/lib/forms/action-state";
import { orgText as t } from "@/lib/i18n/vi/organisations";

const LABELS = { taxCode: t.taxCode, name: t.name, address: t.address, legalRepresentative: t.legalRepresentative };

export function OrganisationForm({
  action,
  initial,
  organisationId,
}: {
  action: FormAction;
  /** The organisation's details when editing; absent: registering a new one. */
  initial?: { name: string; address: string; legalRepresentative: string };
  organisationId?: string;
}) {
  const { state, formAction, pending, summaryRef, formKey, value, error } = useActionForm(action);
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
      {organisationId && <input type="hidden" name="organisationId" value={organisationId} />}
      {!initial && (
        <TextField
          name="taxCode"
          label={t.taxCode}
          help={t.taxCodeHelp}
          defaultValue={value("taxCode")}
          error={error("taxCode")}
          required
          inputMode="numeric"
          maxLength={20}
        />
      )}
      <TextField
        name="name"
        label={t.name}
        defaultValue={value("name", initial?.name)}
        error={error("name")}
        required
        maxLength={300}
        autoComplete="organization"
      />
      <TextField
        name="address"
        label={t.address}
        defaultValue={value("address", initial?.address)}
        error={error("address")}
        required
        maxLength={500}
      />
      <TextField
        name="legalRepresentative"
        label={t.legalRepresentative}
        help={t.legalRepresentativeHelp}
        defaultValue={value("legalRepresentative", initial?.legalRepresentative)}
        error={error("legalRepresentative")}
        required
        maxLength={100}
      />
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {pending ? t.saving : initial ? t.save : t.create}
      </button>
    </form>
  );
}

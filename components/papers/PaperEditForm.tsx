"use client";

// One stored paper's issuer and validity, edited in place on the store page; a refusal names the field and
// keeps what was typed.
import { useActionForm } from "@/components/forms/useActionForm";
import type { FormAction } from "@/lib/forms/action-state";
import { papersText as t } from "@/lib/i18n/vi/papers";

export function PaperEditForm(p: { action: FormAction; id: string; kind: string; issuer: string; validUntil: string }) {
  const f = useActionForm(p.action);
  const issuerId = `noi-cap-${p.id}`;
  const untilId = `hieu-luc-${p.id}`;
  const err = { issuer: f.error("issuer"), validUntil: f.error("validUntil") };
  return (
    <form key={f.formKey} action={f.formAction} className="space-y-2">
      <fieldset className="space-y-2">
        <legend className="font-medium">{t.editLegend(p.kind)}</legend>
        <input type="hidden" name="id" value={p.id} />
        <div>
          <label htmlFor={issuerId} className="block text-sm font-medium">
            {t.issuer}
          </label>
          {err.issuer && (
            <p id={`${issuerId}-loi`} className="text-sm font-semibold text-red-800">
              {err.issuer}
            </p>
          )}
          <input
            id={issuerId}
            name="issuer"
            className="input"
            maxLength={300}
            defaultValue={f.value("issuer", p.issuer)}
            aria-invalid={err.issuer ? true : undefined}
            aria-describedby={err.issuer ? `${issuerId}-loi` : undefined}
          />
        </div>
        <div>
          <label htmlFor={untilId} className="block text-sm font-medium">
            {t.validUntil}
          </label>
          <p id={`${untilId}-goi-y`} className="text-sm text-slate-700">
            {t.validUntilHint}
          </p>
          {err.validUntil && (
            <p id={`${untilId}-loi`} className="text-sm font-semibold text-red-800">
              {err.validUntil}
            </p>
          )}
          <input
            id={untilId}
            name="validUntil"
            type="date"
            className="input"
            defaultValue={f.value("validUntil", p.validUntil)}
            aria-invalid={err.validUntil ? true : undefined}
            aria-describedby={[`${untilId}-goi-y`, err.validUntil && `${untilId}-loi`].filter(Boolean).join(" ")}
          />
        </div>
      </fieldset>
      <button type="submit" className="btn btn-primary px-3 py-1" disabled={f.pending}>
        {t.save}
      </button>
      {f.state.message && (
        <p role={f.state.ok ? "status" : "alert"} className={f.state.ok ? "text-sm text-green-900" : "text-sm font-semibold text-red-800"}>
          {f.state.message}
        </p>
      )}
    </form>
  );
}

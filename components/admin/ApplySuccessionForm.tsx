// The form of "Áp dụng sáp nhập": what happens to the old agency's API keys and push endpoint, the confirmation
// (checked again on the server), and, once applied, what moved. A refusal comes back with what was chosen.
"use client";

import type { ApplySuccessionResult } from "@/lib/agencies/reorganisation";
import type { FormAction } from "@/lib/forms/action-state";
import { useActionForm } from "@/components/forms/useActionForm";
import { commonText } from "@/lib/i18n/vi/common";
import { SHOWN_COUNTS, reorganisationText as t } from "@/lib/i18n/vi/reorganisation";

export function ApplySuccessionForm({ action, identifier }: { action: FormAction<ApplySuccessionResult>; identifier?: string }) {
  const { state, formAction, pending, summaryRef, formKey, value, error } = useActionForm(action);
  const keys = value("keys", "follow");
  const fieldErrors = (["keys", "confirm"] as const).filter((k) => error(k));
  const lead = !state.ok && state.message && !fieldErrors.some((k) => error(k) === state.message) ? state.message : undefined;
  const done = state.ok ? state.data : undefined;
  return (
    <div className="space-y-4">
      {state.ok && state.message && (
        <div
          role="status"
          className="space-y-2 rounded border border-green-700 bg-green-50 p-3 text-green-900"
          data-testid="ket-qua-sap-nhap"
        >
          <p className="font-semibold">{state.message}</p>
          {done && (
            <>
              <ul className="list-disc pl-5">
                {SHOWN_COUNTS.map((k) => (
                  <li key={k} data-testid={`da-chuyen-${k}`}>
                    {t.counts[k]}: {done.moved[k]}
                  </li>
                ))}
              </ul>
              <p>{t.resultMs(done.ms)}</p>
            </>
          )}
        </div>
      )}
      <form action={formAction} noValidate className="space-y-4" key={formKey} aria-label={t.submit}>
        {(lead || fieldErrors.length > 0) && (
          <div
            ref={summaryRef}
            id="ap-dung-tom-tat-loi"
            role="alert"
            tabIndex={-1}
            className="rounded-md border-2 border-red-700 bg-red-50 p-4 text-red-900"
          >
            <h3 className="font-semibold">{commonText.errorSummaryTitle}</h3>
            {lead && <p>{lead}</p>}
            {fieldErrors.length > 0 && (
              <ul className="mt-2 list-disc pl-5">
                {fieldErrors.map((k) => (
                  <li key={k}>
                    <a href={k === "keys" ? "#ap-dung-keys-follow" : "#ap-dung-confirm"} className="text-red-900 underline">
                      {error(k)}
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        {identifier && <input type="hidden" name="identifier" value={identifier} />}
        <fieldset className="space-y-2" aria-describedby={error("keys") ? "ap-dung-keys-loi" : undefined}>
          <legend className="font-medium">{t.keysLegend}</legend>
          {error("keys") && (
            <p id="ap-dung-keys-loi" className="text-sm font-semibold text-red-800">
              {error("keys")}
            </p>
          )}
          {(["follow", "revoke"] as const).map((k) => (
            <div key={k} className="flex items-start gap-2">
              <input
                type="radio"
                id={`ap-dung-keys-${k}`}
                name="keys"
                value={k}
                defaultChecked={keys === k}
                className="mt-1 h-5 w-5 shrink-0"
              />
              <label htmlFor={`ap-dung-keys-${k}`}>{k === "follow" ? t.keysFollow : t.keysRevoke}</label>
            </div>
          ))}
        </fieldset>
        <div className="space-y-1">
          {error("confirm") && (
            <p id="ap-dung-confirm-loi" className="text-sm font-semibold text-red-800">
              {error("confirm")}
            </p>
          )}
          <div className="flex items-start gap-2">
            <input
              type="checkbox"
              id="ap-dung-confirm"
              name="confirm"
              className="mt-1 h-5 w-5 shrink-0"
              aria-invalid={error("confirm") ? true : undefined}
              aria-describedby={error("confirm") ? "ap-dung-confirm-loi" : undefined}
            />
            <label htmlFor="ap-dung-confirm">{t.confirm}</label>
          </div>
        </div>
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {pending ? t.pending : t.submit}
        </button>
      </form>
    </div>
  );
}

"use client";

// Uploading a result PDF to the verification page; the verdict shows below the form.
import { ErrorSummary } from "@/components/forms/ErrorSummary";
import { useActionForm } from "@/components/forms/useActionForm";
import type { FormAction } from "@/lib/forms/action-state";
import { signingText } from "@/lib/i18n/vi/signing";
import type { VerificationReport } from "@/lib/signing/report";
import { VerificationResult } from "./VerificationResult";

const t = signingText.upload;

export function VerifyUploadForm({ action }: { action: FormAction<VerificationReport> }) {
  const { state, formAction, pending, summaryRef, error } = useActionForm(action);
  return (
    <div className="space-y-4">
      <form action={formAction} noValidate className="space-y-3" aria-labelledby="kiem-tra-tep">
        <div ref={summaryRef}>
          <ErrorSummary message={state.message} fieldErrors={state.fieldErrors} labels={{ tep: t.fileLabel }} />
        </div>
        <div className="space-y-1">
          <label htmlFor="tep" className="block font-medium">
            {t.fileLabel}
          </label>
          {error("tep") && (
            <p id="tep-loi" className="text-sm font-semibold text-red-800">
              {error("tep")}
            </p>
          )}
          <input
            id="tep"
            name="tep"
            type="file"
            accept="application/pdf,.pdf"
            aria-describedby={error("tep") ? "tep-loi" : undefined}
            aria-invalid={error("tep") ? true : undefined}
            className="block"
          />
        </div>
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {pending ? t.pending : t.submit}
        </button>
      </form>
      {state.ok && state.data && <VerificationResult report={state.data} />}
    </div>
  );
}

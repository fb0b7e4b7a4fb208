"use client";

import { commonText } from "@/lib/i18n/vi/common";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="card mx-auto max-w-xl space-y-3 text-center" role="alert">
      <h1 className="text-2xl font-bold">{commonText.errorTitle}</h1>
      <p>{commonText.errorLead}</p>
      {error.digest && <p className="text-sm text-slate-700">Mã tham chiếu: {error.digest}</p>}
      <p className="flex justify-center gap-2">
        <button type="button" className="btn btn-primary" onClick={reset}>
          {commonText.tryAgain}
        </button>
        <a href="/" className="btn btn-secondary">
          {commonText.backHome}
        </a>
      </p>
    </div>
  );
}

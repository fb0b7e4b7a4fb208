import type { Metadata } from "next";
import { VerificationResult } from "@/components/signing/VerificationResult";
import { VerifyUploadForm } from "@/components/signing/VerifyUploadForm";
import { signingText } from "@/lib/i18n/vi/signing";
import { verifyResultCode } from "@/lib/signing/results";
import { verifyFileAction } from "./actions";

export const metadata: Metadata = { title: signingText.title };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined): string => (typeof v === "string" ? v : "");

/** Anyone may check a result: by uploading the file, or with the dossier code and the verification code printed on it (the QR code fills both). */
export default async function VerifyResultPage({ searchParams }: Props) {
  const sp = await searchParams;
  const ma = one(sp.ma).slice(0, 60);
  const xacMinh = one(sp["xac-minh"]).slice(0, 40);
  const lookup = ma || xacMinh ? await verifyResultCode({ ma, xacMinh }) : null;
  const fieldErrors = lookup && !lookup.ok ? lookup.fieldErrors : {};
  const c = signingText.code;
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">{signingText.title}</h1>
        <p className="text-slate-700">{signingText.lead}</p>
      </header>

      <section className="card space-y-3" aria-labelledby="kiem-tra-tep">
        <h2 id="kiem-tra-tep" className="text-lg font-semibold">
          {signingText.upload.heading}
        </h2>
        <p className="text-slate-700">{signingText.upload.lead}</p>
        <VerifyUploadForm action={verifyFileAction} />
      </section>

      <section className="card space-y-3" aria-labelledby="tra-cuu-ma">
        <h2 id="tra-cuu-ma" className="text-lg font-semibold">
          {c.heading}
        </h2>
        <p className="text-slate-700">{c.lead}</p>
        <form method="get" action="/xac-minh-ket-qua" className="space-y-3" aria-labelledby="tra-cuu-ma">
          {[
            { name: "ma", label: c.dossierLabel, hint: c.dossierHint, value: ma, error: fieldErrors.ma },
            { name: "xac-minh", label: c.codeLabel, hint: c.codeHint, value: xacMinh, error: fieldErrors.xacMinh },
          ].map((f) => (
            <div key={f.name} className="space-y-1">
              <label htmlFor={f.name} className="block font-medium">
                {f.label}
              </label>
              <p id={`${f.name}-goi-y`} className="text-sm text-slate-700">
                {f.hint}
              </p>
              {f.error && (
                <p id={`${f.name}-loi`} className="text-sm font-semibold text-red-800">
                  {f.error}
                </p>
              )}
              <input
                id={f.name}
                name={f.name}
                className="input w-full"
                defaultValue={f.value}
                maxLength={60}
                autoComplete="off"
                aria-invalid={f.error ? true : undefined}
                aria-describedby={[`${f.name}-goi-y`, f.error && `${f.name}-loi`].filter(Boolean).join(" ")}
              />
            </div>
          ))}
          <button type="submit" className="btn btn-primary">
            {c.submit}
          </button>
        </form>
        {lookup && !lookup.ok && lookup.code === "not_found" && (
          <p role="status" className="rounded-md border border-amber-700 bg-amber-50 p-3">
            {lookup.message}
          </p>
        )}
        {lookup?.ok && <VerificationResult report={lookup.data} />}
      </section>
    </div>
  );
}

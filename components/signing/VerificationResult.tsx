// The verdict of one verification and what an anonymous reader may know of the document.
import { formatDate, formatDateTime } from "@/lib/format";
import { signingText } from "@/lib/i18n/vi/signing";
import type { VerificationReport } from "@/lib/signing/report";

export function VerificationResult({ report }: { report: VerificationReport }) {
  const valid = report.status === "valid";
  const f = signingText.facts;
  const titleId = `ket-qua-xac-minh-${report.via}`;
  return (
    <section
      aria-labelledby={titleId}
      data-testid="ket-qua-xac-minh"
      data-status={report.status}
      className={`space-y-3 rounded-md border-2 p-4 ${valid ? "border-green-700 bg-green-50 text-green-950" : "border-red-700 bg-red-50 text-red-950"}`}
    >
      <p id={titleId} role="status" className="text-lg font-semibold">
        {signingText.verdict[report.status]}
      </p>
      {valid && <p>{report.record ? signingText.issuedByPortal : signingText.validButUnknown}</p>}
      {report.via === "code" && <p>{signingText.storedCopy}</p>}
      {(report.record || report.signer) && (
        <dl className="grid gap-1 sm:grid-cols-[14rem_1fr]" aria-label={f.heading}>
          {report.record && (
            <>
              <dt>{f.agency}</dt>
              <dd data-testid="co-quan-ban-hanh">
                <strong>{report.record.agencyName}</strong> ({report.record.agencyIdentifier})
              </dd>
              <dt>{f.documentNumber}</dt>
              <dd>{report.record.documentNumber}</dd>
              <dt>{f.issuedAt}</dt>
              <dd>{formatDate(report.record.issuedAt)}</dd>
              <dt>{f.dossierCode}</dt>
              <dd>{report.record.dossierCode}</dd>
            </>
          )}
          {report.signer && (
            <>
              <dt>{f.signer}</dt>
              <dd data-testid="nguoi-ky">
                {report.signer.name ?? "—"}
                {report.signer.identifier ? ` (${report.signer.identifier})` : ""}
              </dd>
              <dt>{f.serial}</dt>
              <dd className="break-all">{report.signer.serial}</dd>
              <dt>{f.issuer}</dt>
              <dd>{report.signer.issuer ?? "—"}</dd>
            </>
          )}
          {report.signedAt && (
            <>
              <dt>{f.signedAt}</dt>
              <dd>{formatDateTime(new Date(report.signedAt))}</dd>
            </>
          )}
        </dl>
      )}
    </section>
  );
}

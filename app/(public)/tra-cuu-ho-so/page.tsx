import type { Metadata } from "next";
import { DueDate } from "@/components/dossiers/DueDate";
import { ErrorSummary } from "@/components/forms/ErrorSummary";
import { TextField } from "@/components/forms/TextField";
import { getCurrentUser } from "@/lib/auth/current-user";
import { requestMeta } from "@/lib/auth/request-meta";
import { trackDossier, type TrackOutcome } from "@/lib/dossiers/citizen";
import { statusName } from "@/lib/dossiers/status";
import { formatDate } from "@/lib/format";
import { trackingText as t } from "@/lib/i18n/vi/tracking";

export const metadata: Metadata = { title: t.title };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const param = (v: string | string[] | undefined) => (typeof v === "string" ? v : "").slice(0, 80);

/**
 * Anyone with the code and the second value from the receipt (the tracking PIN, or the last 4 digits of
 * the applicant's phone) sees where a dossier stands; nothing about the applicant is shown. The receipt's
 * QR code carries both, so scanning it lands on the result.
 */
export default async function TrackPage({ searchParams }: Props) {
  const sp = await searchParams;
  const code = param(sp.ma);
  const pin = param(sp.pin);
  const user = await getCurrentUser();
  let outcome: TrackOutcome | null = null;
  if (code || pin) outcome = await trackDossier({ code, pin }, { ip: (await requestMeta()).ip, user });
  const fieldErrors = outcome?.kind === "invalid" ? outcome.fieldErrors : {};
  const d = outcome?.kind === "found" ? outcome.dossier : null;
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t.title}</h1>
      <p>{t.lead}</p>
      {user && <p className="text-sm text-slate-700">{t.signedInLead}</p>}
      <ErrorSummary fieldErrors={fieldErrors} labels={{ ma: t.codeLabel, pin: t.pinLabel }} />
      <form method="get" action="/tra-cuu-ho-so" className="card space-y-3" role="search" aria-label={t.title}>
        <TextField
          name="ma"
          label={t.codeLabel}
          help={t.codeHelp}
          defaultValue={code.trim()}
          error={fieldErrors.ma}
          maxLength={60}
          autoComplete="off"
        />
        <TextField
          name="pin"
          label={t.pinLabel}
          help={t.pinHelp}
          defaultValue={pin}
          error={fieldErrors.pin}
          inputMode="numeric"
          maxLength={12}
          autoComplete="off"
        />
        <button type="submit" className="btn btn-primary">
          {t.submit}
        </button>
      </form>
      {(outcome?.kind === "not_found" || outcome?.kind === "rate_limited") && (
        <p className="card" role="status" data-testid="tra-cuu-thong-bao">
          {outcome.message}
        </p>
      )}
      {d && (
        <dl className="card grid gap-1 sm:grid-cols-[14rem_1fr]" aria-label={t.resultLabel}>
          <dt className="text-slate-700">{t.fields.code}</dt>
          <dd>{d.code}</dd>
          <dt className="text-slate-700">{t.fields.service}</dt>
          <dd>{d.service.name}</dd>
          <dt className="text-slate-700">{t.fields.receivingAgency}</dt>
          <dd>{d.receivingAgency.name}</dd>
          <dt className="text-slate-700">{t.fields.holderAgency}</dt>
          <dd>{d.holderAgency.name}</dd>
          <dt className="text-slate-700">{t.fields.status}</dt>
          <dd data-testid="trang-thai">
            <strong>{statusName(d.status)}</strong>
          </dd>
          <dt className="text-slate-700">{t.fields.submittedAt}</dt>
          <dd>{formatDate(d.submittedAt)}</dd>
          <dt className="text-slate-700">{t.fields.dueAt}</dt>
          <dd>
            <DueDate dueAt={d.dueAt} legalDueAt={d.legalDueAt} testId="ngay-hen" />
          </dd>
          {d.returnedAt && (
            <>
              <dt className="text-slate-700">{t.fields.returnedAt}</dt>
              <dd>{formatDate(d.returnedAt)}</dd>
            </>
          )}
        </dl>
      )}
    </div>
  );
}

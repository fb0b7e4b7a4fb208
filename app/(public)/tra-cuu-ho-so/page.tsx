import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ErrorSummary } from "@/components/forms/ErrorSummary";
import { TextField } from "@/components/forms/TextField";
import { getCurrentUser } from "@/lib/auth/current-user";
import { requestMeta } from "@/lib/auth/request-meta";
import { trackDossier, type TrackOutcome } from "@/lib/dossiers/citizen";
import { differingLegalDue } from "@/lib/dossiers/due";
import { trackingText as vi } from "@/lib/i18n/vi/tracking";
import { localeHref } from "@/lib/i18n/href";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("tracking"))("title") };
}

// The refusals of lib/dossiers/citizen.ts (in Vietnamese) by their catalog key.
const FIELD_ERROR_KEY = new Map<string, "codeRequired" | "codeFormat" | "pinRequired" | "pinFormat">([
  [vi.codeRequired, "codeRequired"],
  [vi.codeFormat, "codeFormat"],
  [vi.pinRequired, "pinRequired"],
  [vi.pinFormat, "pinFormat"],
]);

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
  const [user, locale, t, format] = await Promise.all([getCurrentUser(), getLocale(), getTranslations("tracking"), getFormatter()]);
  const date = (d: Date) =>
    format.dateTime(d, locale === "en" ? { dateStyle: "medium" } : { day: "2-digit", month: "2-digit", year: "numeric" });
  let outcome: TrackOutcome | null = null;
  if (code || pin) outcome = await trackDossier({ code, pin }, { ip: (await requestMeta()).ip, user });
  const fieldErrors = Object.fromEntries(
    Object.entries(outcome?.kind === "invalid" ? outcome.fieldErrors : {}).map(([k, m]) => {
      const key = FIELD_ERROR_KEY.get(m);
      return [k, key ? t(key) : m];
    }),
  );
  const d = outcome?.kind === "found" ? outcome.dossier : null;
  const legal = d ? differingLegalDue({ dueAt: d.dueAt, legalDueAt: d.legalDueAt }) : null;
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p>{t("lead")}</p>
      {user && <p className="text-sm text-slate-700">{t("signedInLead")}</p>}
      <ErrorSummary fieldErrors={fieldErrors} labels={{ ma: t("codeLabel"), pin: t("pinLabel") }} title={t("errorSummaryTitle")} />
      <form method="get" action={localeHref(locale, "/tra-cuu-ho-so")} className="card space-y-3" role="search" aria-label={t("title")}>
        <TextField
          name="ma"
          label={t("codeLabel")}
          help={t("codeHelp")}
          defaultValue={code.trim()}
          error={fieldErrors.ma}
          maxLength={60}
          autoComplete="off"
        />
        <TextField
          name="pin"
          label={t("pinLabel")}
          help={t("pinHelp")}
          defaultValue={pin}
          error={fieldErrors.pin}
          inputMode="numeric"
          maxLength={12}
          autoComplete="off"
        />
        <button type="submit" className="btn btn-primary">
          {t("submit")}
        </button>
      </form>
      {(outcome?.kind === "not_found" || outcome?.kind === "rate_limited") && (
        <p className="card" role="status" data-testid="tra-cuu-thong-bao">
          {outcome.kind === "not_found" ? t("notFound") : locale === "en" ? t("tooMany") : outcome.message}
        </p>
      )}
      {d && (
        <dl className="card grid gap-1 sm:grid-cols-[14rem_1fr]" aria-label={t("resultLabel")}>
          <dt className="text-slate-700">{t("fieldCode")}</dt>
          <dd>{d.code}</dd>
          <dt className="text-slate-700">{t("fieldService")}</dt>
          <dd lang="vi">{d.service.name}</dd>
          <dt className="text-slate-700">{t("fieldReceivingAgency")}</dt>
          <dd lang="vi">{d.receivingAgency.name}</dd>
          <dt className="text-slate-700">{t("fieldHolderAgency")}</dt>
          <dd lang="vi">{d.holderAgency.name}</dd>
          <dt className="text-slate-700">{t("fieldStatus")}</dt>
          <dd data-testid="trang-thai">
            <strong>{t("status", { status: `s${d.status}` })}</strong>
          </dd>
          <dt className="text-slate-700">{t("fieldSubmittedAt")}</dt>
          <dd>{date(d.submittedAt)}</dd>
          <dt className="text-slate-700">{t("fieldDueAt")}</dt>
          <dd>
            <span data-testid="ngay-hen">{d.dueAt ? date(d.dueAt) : "—"}</span>
            {legal && (
              <span className="text-sm text-slate-700" data-testid="ngay-hen-theo-quy-dinh">
                {" "}
                ({t("legalNote", { date: date(legal) })})
              </span>
            )}
          </dd>
          {d.returnedAt && (
            <>
              <dt className="text-slate-700">{t("fieldReturnedAt")}</dt>
              <dd>{date(d.returnedAt)}</dd>
            </>
          )}
        </dl>
      )}
    </div>
  );
}

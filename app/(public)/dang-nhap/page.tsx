import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { EidSignInButton } from "@/components/auth/EidSignInButton";
import { SignInForm } from "@/components/auth/SignInForm";
import { eidConfigured } from "@/lib/auth/eid";
import { eidText } from "@/lib/i18n/vi/eid";
import { localeHref } from "@/lib/i18n/href";
import { safeNextPath } from "@/lib/auth/safe-next";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signIn"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  const [sp, locale, t] = await Promise.all([searchParams, getLocale(), getTranslations("signIn")]);
  const next = safeNextPath(typeof sp.next === "string" ? sp.next : null) ?? localeHref(locale, "/tai-khoan");
  // An e-ID sign-in refused by the portal's rules (`loi-eid`), or whose answer failed verification (`error`).
  // The reasons are said in Vietnamese (lib/i18n/vi/eid.ts); in English, one general sentence.
  const eidCode = typeof sp["loi-eid"] === "string" ? sp["loi-eid"] : null;
  const eidFailed = !!eidCode || typeof sp.error === "string";
  const eidError = !eidFailed
    ? null
    : locale === "en"
      ? t("eidFailed")
      : eidCode && Object.hasOwn(eidText.refused, eidCode)
        ? eidText.refused[eidCode as keyof typeof eidText.refused]
        : eidText.refused.failed;
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-slate-700">{t("lead")}</p>
      {sp["het-phien"] && (
        <p role="status" className="rounded border border-amber-700 bg-amber-50 p-3 text-amber-950">
          {t("sessionExpired")}
        </p>
      )}
      {eidError && (
        <p role="alert" id="loi-dinh-danh" className="rounded-md border-2 border-red-700 bg-red-50 p-3 text-red-900">
          {eidError}
        </p>
      )}
      {eidConfigured() && (
        <section className="card space-y-3" aria-labelledby="dinh-danh">
          <h2 id="dinh-danh" className="text-lg font-semibold">
            {t("eidHeading")}
          </h2>
          <p className="text-slate-700">{t("eidLead")}</p>
          <EidSignInButton next={next} label={t("eidButton")} pendingLabel={t("eidButtonPending")} />
          <p className="text-center text-slate-700">— {t("eidOr")} —</p>
        </section>
      )}
      <div className="card">
        <SignInForm
          next={next}
          text={{
            email: t("email"),
            password: t("password"),
            submit: t("submit"),
            submitting: t("submitting"),
            emailRequired: t("emailRequired"),
            passwordRequired: t("passwordRequired"),
            badCredentials: t("badCredentials"),
            errorSummaryTitle: t("errorSummaryTitle"),
            required: t("required"),
            failed: locale === "en" ? t("failed") : undefined,
          }}
        />
        <p className="mt-4">
          <Link href={localeHref(locale, "/quen-mat-khau")}>{t("forgot")}</Link>
        </p>
      </div>
      <p>
        {t("noAccount")} <Link href={localeHref(locale, "/dang-ky")}>{t("register")}</Link>
      </p>
    </div>
  );
}

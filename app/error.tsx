"use client";

import { useLocale, useTranslations } from "next-intl";
import { localeHref } from "@/lib/i18n/href";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  const locale = useLocale();
  return (
    <div className="card mx-auto max-w-xl space-y-3 text-center" role="alert">
      <h1 className="text-2xl font-bold">{t("errorTitle")}</h1>
      <p>{t("errorLead")}</p>
      {error.digest && <p className="text-sm text-slate-700">{t("reference", { digest: error.digest })}</p>}
      <p className="flex justify-center gap-2">
        <button type="button" className="btn btn-primary" onClick={reset}>
          {t("tryAgain")}
        </button>
        <a href={localeHref(locale, "/")} className="btn btn-secondary">
          {t("backHome")}
        </a>
      </p>
    </div>
  );
}

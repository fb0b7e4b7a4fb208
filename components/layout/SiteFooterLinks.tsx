// The footer's help links on every page: report a problem with this page, contact, FAQ, life events, feedback.
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { localeHref } from "@/lib/i18n/href";
import { ReportProblemLink } from "./ReportProblemLink";

export async function SiteFooterLinks() {
  const [t, locale] = await Promise.all([getTranslations("help"), getLocale()]);
  const href = (path: string) => localeHref(locale === "en" ? "en" : "vi", path);
  return (
    <nav aria-label={t("footerNav")} className="mx-auto max-w-6xl px-4 pt-4 text-sm">
      <ul className="flex flex-wrap gap-x-4 gap-y-2">
        <li>
          <ReportProblemLink label={t("reportProblem")} formHref={href("/phan-anh-kien-nghi/gui")} />
        </li>
        <li>
          <Link href={href("/lien-he")}>{t("contact")}</Link>
        </li>
        <li>
          <Link href={href("/hoi-dap")}>{t("faq")}</Link>
        </li>
        <li>
          <Link href={href("/su-kien-cuoc-song")}>{t("lifeEvents")}</Link>
        </li>
        <li>
          <Link href={href("/phan-anh-kien-nghi")}>{t("feedback")}</Link>
        </li>
      </ul>
    </nav>
  );
}

// The footer's help links on every page: report a problem with this page, contact, FAQ, life events, feedback.
import Link from "next/link";
import { footerText as t } from "@/lib/i18n/vi/help";
import { ReportProblemLink } from "./ReportProblemLink";

export function SiteFooterLinks() {
  return (
    <nav aria-label={t.nav} className="mx-auto max-w-6xl px-4 pt-4 text-sm">
      <ul className="flex flex-wrap gap-x-4 gap-y-2">
        <li>
          <ReportProblemLink label={t.reportProblem} />
        </li>
        <li>
          <Link href="/lien-he">{t.contact}</Link>
        </li>
        <li>
          <Link href="/hoi-dap">{t.faq}</Link>
        </li>
        <li>
          <Link href="/su-kien-cuoc-song">{t.lifeEvents}</Link>
        </li>
        <li>
          <Link href="/phan-anh-kien-nghi">{t.feedback}</Link>
        </li>
      </ul>
    </nav>
  );
}

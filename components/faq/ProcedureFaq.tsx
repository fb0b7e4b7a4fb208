// The frequently asked questions about one procedure, on its service page (nothing when it has none). The
// questions and answers are the catalog admins' Vietnamese text: marked lang="vi" on an English page.
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Vi } from "@/components/catalog/Vi";
import { faqsForProcedure } from "@/lib/help/faq";
import { localeHref } from "@/lib/i18n/href";

export async function ProcedureFaq({ procedureCode }: { procedureCode: string }) {
  const items = await faqsForProcedure(procedureCode);
  if (items.length === 0) return null;
  const [t, current] = await Promise.all([getTranslations("help"), getLocale()]);
  const locale = current === "en" ? "en" : "vi";
  return (
    <section aria-labelledby="hoi-dap-thu-tuc" className="card space-y-3" data-testid="hoi-dap-thu-tuc">
      <h2 id="hoi-dap-thu-tuc" className="text-lg font-semibold">
        {t("faqOnProcedure")}
      </h2>
      {items.map((f) => (
        <details key={f.id} className="border-b border-slate-200 pb-2">
          <summary className="cursor-pointer font-medium break-words">
            <Vi locale={locale}>{f.question}</Vi>
          </summary>
          <p className="mt-1 break-words whitespace-pre-line">
            <Vi locale={locale}>{f.answer}</Vi>
          </p>
        </details>
      ))}
      <p>
        <Link href={localeHref(locale, "/hoi-dap")}>{t("faqMore")}</Link>
      </p>
    </section>
  );
}

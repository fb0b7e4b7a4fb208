import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { localeHref } from "@/lib/i18n/href";

/** A short page that says one thing (not found, forbidden) and offers the way home. */
export async function MessagePage({ title, lead }: { title: string; lead: string }) {
  const [t, locale] = await Promise.all([getTranslations("errors"), getLocale()]);
  return (
    <div className="card mx-auto max-w-xl space-y-3 text-center">
      <h1 className="text-2xl font-bold">{title}</h1>
      <p>{lead}</p>
      <p>
        <Link href={localeHref(locale, "/")} className="btn btn-primary">
          {t("backHome")}
        </Link>
      </p>
    </div>
  );
}

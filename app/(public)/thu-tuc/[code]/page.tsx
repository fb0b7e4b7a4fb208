import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AssuranceNote } from "@/components/catalog/AssuranceNote";
import { BlankFormLink } from "@/components/catalog/BlankFormLink";
import { LevelBadge } from "@/components/catalog/LevelBadge";
import { ServiceDetailView } from "@/components/catalog/ServiceDetailView";
import { cachedProcedureByCode, cachedServiceByCode } from "@/lib/catalog/cached";
import { cachedProcedureForm } from "@/lib/catalog/procedure-form";
import { getLocale, getTranslations } from "next-intl/server";
import { Vi } from "@/components/catalog/Vi";
import { decodeSegment } from "@/lib/http/segment";
import { localeHref } from "@/lib/i18n/href";

type Props = { params: Promise<{ code: string }> };

// Rendered per request like every page (app/layout.tsx); the service and procedure reads are cached for 30 s.

/** A service code (`1.001193.000.00.00.H29`) shows that service; a national code (`1.001193`) lists who offers it. */
async function load(code: string) {
  const decoded = decodeSegment(code);
  if (decoded === null || !/^[0-9A-Z.]{1,40}$/.test(decoded)) return null;
  const service = await cachedServiceByCode(decoded);
  if (service) return { kind: "service", service } as const;
  const procedure = await cachedProcedureByCode(decoded);
  return procedure ? ({ kind: "procedure", procedure } as const) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [found, locale, t] = await Promise.all([load((await params).code), getLocale(), getTranslations("catalog")]);
  if (!found) return { title: t("catalogTitle") };
  const english = locale === "en" ? (found.kind === "service" ? found.service.procedure.nameEn : found.procedure.nameEn) : null;
  return { title: english ?? (found.kind === "service" ? found.service.name : found.procedure.name) };
}

export default async function ServicePage({ params }: Props) {
  const found = await load((await params).code);
  if (!found) notFound();
  const code = found.kind === "service" ? found.service.code : found.procedure.code;
  // Every procedure has a form (its own, or the default one): its blank PDF is offered on both pages.
  const form = await cachedProcedureForm(code);
  if (found.kind === "service") return <ServiceDetailView s={found.service} form={form?.definition} />;
  const p = found.procedure;
  const [t, locale] = await Promise.all([getTranslations("catalog.detail"), getLocale()]);
  const english = locale === "en" ? { name: p.nameEn, summary: p.summaryEn } : null;
  return (
    <article className="space-y-4">
      <p className="text-sm text-slate-700">
        <Vi locale={locale}>{p.field.name}</Vi>
      </p>
      <h1 className="text-2xl font-bold">{english?.name ?? <Vi locale={locale}>{p.name}</Vi>}</h1>
      {english?.name && (
        <p className="text-slate-700">
          <Vi locale={locale}>{p.name}</Vi>
        </p>
      )}
      {english?.summary && <p>{english.summary}</p>}
      {english && (
        <p className="text-sm text-slate-700" data-testid="english-note">
          {english.name ? `${t("unofficialTranslation")} ` : ""}
          {t("recordInVietnamese")}
        </p>
      )}
      <p>
        {t("code")}: {p.code} · <LevelBadge level={p.onlineLevel} />
      </p>
      {p.assuranceLevel >= 2 && <AssuranceNote />}
      {form && <BlankFormLink code={p.code} definition={form.definition} />}
      <h2 className="text-lg font-semibold">{t("offeredBy", { count: p.offers.length })}</h2>
      <ul className="grid gap-1 sm:grid-cols-2 lg:grid-cols-3">
        {p.offers.map((o) => (
          <li key={o.code}>
            <Link href={localeHref(locale, `/thu-tuc/${o.code}`)}>
              <Vi locale={locale}>{o.agency.shortName}</Vi>
            </Link>
          </li>
        ))}
      </ul>
    </article>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CursorPager } from "@/components/catalog/Pager";
import { CatalogList } from "@/components/catalog/CatalogList";
import { isAgencyIdentifier } from "@/lib/agencies/identifier";
import { getAgency } from "@/lib/agencies/queries";
import { parseCatalogParams, type SearchParams } from "@/lib/catalog/params";
import { listCatalog } from "@/lib/catalog/queries";
import { catalogText } from "@/lib/i18n/vi/catalog";
import { decodeSegment } from "@/lib/http/segment";

type Props = { params: Promise<{ identifier: string }>; searchParams: Promise<SearchParams> };

async function load(raw: string) {
  const identifier = decodeSegment(raw);
  return identifier !== null && isAgencyIdentifier(identifier) ? getAgency(identifier) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const agency = await load((await params).identifier);
  return { title: agency?.name ?? catalogText.agencyPage.listTitle };
}

export default async function AgencyPage({ params, searchParams }: Props) {
  const agency = await load((await params).identifier);
  if (!agency) notFound();
  const { page } = parseCatalogParams(await searchParams);
  const services = await listCatalog({ agency: agency.identifier }, page.kind === "page" ? { kind: "first" } : page);
  const t = catalogText.agencyPage;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{agency.name}</h1>
      <dl className="card grid gap-2 sm:grid-cols-[16rem_1fr]">
        <dt className="font-semibold">{t.identifier}</dt>
        <dd className="font-mono">
          {agency.identifier}
          {agency.sampleIdentifier && <span className="block font-sans text-sm text-slate-700">{t.sampleIdentifier}</span>}
        </dd>
        <dt className="font-semibold">{t.kind}</dt>
        <dd>{catalogText.agencyKind[agency.kind]}</dd>
        {agency.provinceCode && (
          <>
            <dt className="font-semibold">{t.provinceCode}</dt>
            <dd>{agency.provinceCode}</dd>
          </>
        )}
        {agency.successor && (
          <>
            <dt className="font-semibold">{t.successor}</dt>
            <dd>
              <Link href={`/co-quan/${agency.successor.identifier}`}>{agency.successor.name}</Link>
            </dd>
          </>
        )}
      </dl>
      <section aria-labelledby="dich-vu">
        <h2 id="dich-vu" className="mb-2 text-lg font-semibold">
          {t.services} ({services.total.toLocaleString("vi-VN")})
        </h2>
        <CatalogList items={services.items} />
        <CursorPager base={`/co-quan/${agency.identifier}`} params={{}} prev={services.prev} next={services.next} />
      </section>
    </div>
  );
}

import Link from "next/link";
import type { AgencySummary } from "@/lib/agencies/queries";
import type { CatalogFacets, CatalogFilters as Filters, FacetCount } from "@/lib/catalog/queries";
import { APPLICANT_SLUGS, catalogHref, filterParams, IMPLEMENTING_SLUGS } from "@/lib/catalog/params";
import { getLocale, getTranslations } from "next-intl/server";
import { localeHref } from "@/lib/i18n/href";
import { Vi } from "./Vi";

interface FilterProps {
  filters: Filters;
  agencies: AgencySummary[];
  fields: FacetCount[];
  /** Rows per value of each filter (the other filters kept): shown beside each choice. */
  facets?: CatalogFacets;
}

/**
 * The filter controls: agency, field, level, applicant and implementing level, each a GET parameter. Used in the
 * catalog's filter form and inside the home page's search form, so that a search and its filters go together.
 */
export async function FilterFields({
  filters,
  agencies,
  fields,
  facets,
  idPrefix = "loc",
  className,
}: FilterProps & { idPrefix?: string; className?: string }) {
  const [t, locale] = await Promise.all([getTranslations("catalog"), getLocale()]);
  const withCount = (label: string, counts: Record<string, number> | undefined, key: string) =>
    counts ? t("withCount", { label, count: counts[key] ?? 0 }) : label;
  // Fields and agencies are named in Vietnamese in the records.
  const vi = locale === "vi" ? undefined : "vi";
  const p = filterParams(filters);
  const id = (name: string) => `${idPrefix}-${name}`;
  const select = (name: string, label: string, value: string | undefined, options: React.ReactNode) => (
    <div>
      <label htmlFor={id(name)} className="block text-sm font-medium">
        {label}
      </label>
      <select id={id(name)} name={name} defaultValue={value ?? ""} className="input">
        <option value="">{t("all")}</option>
        {options}
      </select>
    </div>
  );
  return (
    <div className={className ?? "space-y-3"}>
      {select(
        "muc-do",
        t("filterLevel"),
        p["muc-do"],
        [3, 4].map((level) => (
          <option key={level} value={String(level)}>
            {withCount(t("levelName", { level: String(level) }), facets?.level, String(level))}
          </option>
        )),
      )}
      {select(
        "doi-tuong",
        t("filterApplicant"),
        p["doi-tuong"],
        Object.entries(APPLICANT_SLUGS).map(([slug, applicant]) => (
          <option key={slug} value={slug}>
            {withCount(t(`applicant.${applicant}`), facets?.applicant, applicant)}
          </option>
        )),
      )}
      {select(
        "linh-vuc",
        t("filterField"),
        p["linh-vuc"],
        fields.map((f) => (
          <option key={f.key} value={f.key} lang={vi}>
            {withCount(f.label, facets?.field, f.key)}
          </option>
        )),
      )}
      {select(
        "co-quan",
        t("filterAgency"),
        p["co-quan"],
        <>
          <optgroup label={t("centralBodies")}>
            {agencies
              .filter((a) => a.kind !== "PROVINCE")
              .map((a) => (
                <option key={a.identifier} value={a.identifier} lang={vi}>
                  {a.shortName}
                </option>
              ))}
          </optgroup>
          <optgroup label={t("provinces")}>
            {agencies
              .filter((a) => a.kind === "PROVINCE")
              .sort((a, b) => a.shortName.localeCompare(b.shortName, "vi"))
              .map((a) => (
                <option key={a.identifier} value={a.identifier} lang={vi}>
                  {a.shortName}
                </option>
              ))}
          </optgroup>
        </>,
      )}
      {select(
        "cap",
        t("filterImplementing"),
        p.cap,
        Object.entries(IMPLEMENTING_SLUGS).map(([slug, level]) => (
          <option key={slug} value={slug}>
            {withCount(t(`implementing.${level}`), facets?.implementing, level)}
          </option>
        )),
      )}
    </div>
  );
}

/** The filter form: a GET form, so filters live in the URL and work without JavaScript. */
export async function CatalogFilters(props: FilterProps) {
  const { filters } = props;
  const [t, locale] = await Promise.all([getTranslations("catalog"), getLocale()]);
  return (
    <form action={localeHref(locale, "/thu-tuc")} method="get" className="card space-y-3" aria-label={t("filters")}>
      <h2 className="font-semibold">{t("filters")}</h2>
      {filters.q && <input type="hidden" name="q" value={filters.q} />}
      <FilterFields {...props} />
      <div className="flex flex-wrap gap-2">
        <button type="submit" className="btn btn-primary">
          {t("apply")}
        </button>
        <Link href={localeHref(locale, catalogHref({ q: filters.q }))} className="btn btn-secondary">
          {t("clear")}
        </Link>
      </div>
    </form>
  );
}

/** The filters in force, each with a link that drops it (the search text stays). */
export async function ActiveFilters({ filters, agencies, fields }: Omit<FilterProps, "facets">) {
  const [t, locale] = await Promise.all([getTranslations("catalog"), getLocale()]);
  // `record`: a field's or agency's name, Vietnamese in the records.
  const active: { key: keyof Filters; label: string; record?: boolean }[] = [];
  if (filters.level) active.push({ key: "level", label: t("levelName", { level: String(filters.level) }) });
  if (filters.applicant) active.push({ key: "applicant", label: t(`applicant.${filters.applicant}`) });
  if (filters.field)
    active.push({ key: "field", label: fields.find((f) => f.key === filters.field)?.label ?? filters.field, record: true });
  if (filters.agency)
    active.push({
      key: "agency",
      label: agencies.find((a) => a.identifier === filters.agency)?.shortName ?? filters.agency,
      record: true,
    });
  if (filters.implementing) active.push({ key: "implementing", label: t(`implementing.${filters.implementing}`) });
  if (active.length === 0) return null;
  return (
    <div className="mb-3 flex flex-wrap items-center gap-2 text-sm" data-testid="active-filters">
      <span className="font-medium">{t("activeFilters")}:</span>
      <ul className="flex flex-wrap gap-2">
        {active.map((a) => (
          <li key={a.key}>
            <Link
              href={localeHref(locale, catalogHref({ ...filters, [a.key]: undefined }))}
              className="inline-flex items-center gap-1 rounded-full border border-brand-800 px-3 py-0.5 no-underline"
            >
              <span className="sr-only">{t("removeFilter")} </span>
              {a.record ? <Vi locale={locale}>{a.label}</Vi> : a.label} <span aria-hidden="true">✕</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

import Link from "next/link";
import type { AgencySummary } from "@/lib/agencies/queries";
import type { CatalogFilters as Filters, FacetCount } from "@/lib/catalog/queries";
import { IMPLEMENTING_SLUGS } from "@/lib/catalog/params";
import { catalogText } from "@/lib/i18n/vi/catalog";

const t = catalogText;

/** The filter form: a GET form, so filters live in the URL and work without JavaScript. */
export function CatalogFilters({ filters, agencies, fields }: { filters: Filters; agencies: AgencySummary[]; fields: FacetCount[] }) {
  const cap = Object.entries(IMPLEMENTING_SLUGS).find(([, v]) => v === filters.implementing)?.[0] ?? "";
  return (
    <form action="/thu-tuc" method="get" className="card space-y-3" aria-label={t.filters}>
      <h2 className="font-semibold">{t.filters}</h2>
      {filters.q && <input type="hidden" name="q" value={filters.q} />}
      <div>
        <label htmlFor="loc-co-quan" className="block text-sm font-medium">
          {t.filterAgency}
        </label>
        <select id="loc-co-quan" name="co-quan" defaultValue={filters.agency ?? ""} className="input">
          <option value="">{t.all}</option>
          <optgroup label={t.centralBodies}>
            {agencies
              .filter((a) => a.kind !== "PROVINCE")
              .map((a) => (
                <option key={a.identifier} value={a.identifier}>
                  {a.shortName}
                </option>
              ))}
          </optgroup>
          <optgroup label={t.provinces}>
            {agencies
              .filter((a) => a.kind === "PROVINCE")
              .sort((a, b) => a.shortName.localeCompare(b.shortName, "vi"))
              .map((a) => (
                <option key={a.identifier} value={a.identifier}>
                  {a.shortName}
                </option>
              ))}
          </optgroup>
        </select>
      </div>
      <div>
        <label htmlFor="loc-linh-vuc" className="block text-sm font-medium">
          {t.filterField}
        </label>
        <select id="loc-linh-vuc" name="linh-vuc" defaultValue={filters.field ?? ""} className="input">
          <option value="">{t.all}</option>
          {fields.map((f) => (
            <option key={f.key} value={f.key}>
              {f.label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="loc-muc-do" className="block text-sm font-medium">
          {t.filterLevel}
        </label>
        <select id="loc-muc-do" name="muc-do" defaultValue={filters.level ? String(filters.level) : ""} className="input">
          <option value="">{t.all}</option>
          <option value="3">{t.levelName(3)}</option>
          <option value="4">{t.levelName(4)}</option>
        </select>
      </div>
      <div>
        <label htmlFor="loc-cap" className="block text-sm font-medium">
          {t.filterImplementing}
        </label>
        <select id="loc-cap" name="cap" defaultValue={cap} className="input">
          <option value="">{t.all}</option>
          {Object.entries(IMPLEMENTING_SLUGS).map(([slug, level]) => (
            <option key={slug} value={slug}>
              {t.implementing[level]}
            </option>
          ))}
        </select>
      </div>
      <div className="flex gap-2">
        <button type="submit" className="btn btn-primary">
          {t.apply}
        </button>
        <Link href={filters.q ? `/thu-tuc?q=${encodeURIComponent(filters.q)}` : "/thu-tuc"} className="btn btn-secondary">
          {t.clear}
        </Link>
      </div>
    </form>
  );
}

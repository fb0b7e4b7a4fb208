// The catalog's URL parameters (Vietnamese slugs) to filters and a page request, and back.
import { cleanQuery } from "./fold";
import type { CatalogFilters, ImplementingLevel, PageRequest } from "./queries";
import { isAgencyIdentifier } from "@/lib/agencies/identifier";

export type SearchParams = Record<string, string | string[] | undefined>;

export const IMPLEMENTING_SLUGS: Record<string, ImplementingLevel> = {
  "trung-uong": "CENTRAL",
  tinh: "PROVINCE",
  huyen: "DISTRICT",
  xa: "COMMUNE",
};

const one = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v) || undefined;

export function parseCatalogParams(sp: SearchParams): {
  filters: CatalogFilters;
  page: PageRequest;
  params: Record<string, string | undefined>;
} {
  const q = cleanQuery(one(sp.q));
  const agency = one(sp["co-quan"]);
  const field = one(sp["linh-vuc"]);
  const level = one(sp["muc-do"]);
  const cap = one(sp.cap);
  const filters: CatalogFilters = {
    q: q || undefined,
    agency: agency && isAgencyIdentifier(agency) ? agency : undefined,
    field: field && /^[a-z0-9-]{1,80}$/.test(field) ? field : undefined,
    level: level === "3" ? 3 : level === "4" ? 4 : undefined,
    implementing: cap ? IMPLEMENTING_SLUGS[cap] : undefined,
  };
  const after = one(sp.sau);
  const before = one(sp.truoc);
  const trang = Number(one(sp.trang));
  const page: PageRequest = one(sp.cuoi)
    ? { kind: "last" }
    : after
      ? { kind: "after", cursor: after }
      : before
        ? { kind: "before", cursor: before }
        : Number.isInteger(trang) && trang > 1
          ? { kind: "page", page: trang }
          : { kind: "first" };
  const params = {
    q: filters.q,
    "co-quan": filters.agency,
    "linh-vuc": filters.field,
    "muc-do": filters.level ? String(filters.level) : undefined,
    cap: filters.implementing ? cap : undefined,
  };
  return { filters, page, params };
}

// The catalog's URL parameters (Vietnamese slugs) to filters and a page request, and back. Every filter is a
// GET parameter, so a filtered listing is a link; a parameter that is not understood is dropped, never an error.
import { cleanQuery } from "./fold";
import type { Applicant, CatalogFilters, ImplementingLevel, PageRequest } from "./queries";
import { isAgencyIdentifier } from "@/lib/agencies/identifier";

export type SearchParams = Record<string, string | string[] | undefined>;

export const IMPLEMENTING_SLUGS: Record<string, ImplementingLevel> = {
  "trung-uong": "CENTRAL",
  tinh: "PROVINCE",
  huyen: "DISTRICT",
  xa: "COMMUNE",
};

/** `doi-tuong`: who files (the procedure record's applicants). */
export const APPLICANT_SLUGS: Record<string, Applicant> = {
  "cong-dan": "individual",
  "doanh-nghiep": "business",
};

/** The filter parameters, in the order a canonical URL writes them. */
export type FilterParam = "q" | "muc-do" | "doi-tuong" | "linh-vuc" | "co-quan" | "cap";

/** Search results stop at this page (lib/catalog/queries.ts MAX_SEARCH_PAGES). */
const MAX_PAGE = 50;
/** A keyset cursor is base64url of a short JSON pair; anything else is not one. */
const CURSOR_RE = /^[A-Za-z0-9_-]{1,1000}$/;
const FIELD_SLUG_RE = /^[a-z0-9-]{1,80}$/;

const one = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v) || undefined;
const slugOf = <T extends string>(map: Record<string, T>, value: T | undefined): string | undefined =>
  value ? Object.entries(map).find(([, v]) => v === value)?.[0] : undefined;

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
  const applicant = one(sp["doi-tuong"]);
  const filters: CatalogFilters = {
    q: q || undefined,
    agency: agency && isAgencyIdentifier(agency) ? agency : undefined,
    field: field && FIELD_SLUG_RE.test(field) ? field : undefined,
    level: level === "3" ? 3 : level === "4" ? 4 : undefined,
    applicant: applicant && Object.hasOwn(APPLICANT_SLUGS, applicant) ? APPLICANT_SLUGS[applicant] : undefined,
    implementing: cap && Object.hasOwn(IMPLEMENTING_SLUGS, cap) ? IMPLEMENTING_SLUGS[cap] : undefined,
  };
  const after = one(sp.sau);
  const before = one(sp.truoc);
  const trang = Number(one(sp.trang));
  const page: PageRequest = one(sp.cuoi)
    ? { kind: "last" }
    : after && CURSOR_RE.test(after)
      ? { kind: "after", cursor: after }
      : before && CURSOR_RE.test(before)
        ? { kind: "before", cursor: before }
        : Number.isInteger(trang) && trang > 1
          ? { kind: "page", page: Math.min(trang, MAX_PAGE) }
          : { kind: "first" };
  return { filters, page, params: filterParams(filters) };
}

/** The filters as URL parameters (undefined where unset), in canonical order. */
export function filterParams(filters: CatalogFilters): Record<FilterParam, string | undefined> {
  return {
    q: filters.q,
    "muc-do": filters.level ? String(filters.level) : undefined,
    "doi-tuong": slugOf(APPLICANT_SLUGS, filters.applicant),
    "linh-vuc": filters.field,
    "co-quan": filters.agency,
    cap: slugOf(IMPLEMENTING_SLUGS, filters.implementing),
  };
}

/** The paging parameter of a page request (a page number only means something for a search). */
function pageParams(page: PageRequest, searching: boolean): [string, string][] {
  switch (page.kind) {
    case "last":
      return [["cuoi", "1"]];
    case "after":
      return [["sau", page.cursor]];
    case "before":
      return [["truoc", page.cursor]];
    case "page":
      return searching ? [["trang", String(page.page)]] : [];
    default:
      return [];
  }
}

/** `/thu-tuc?…` for filters and a page: the one URL of that listing. */
export function catalogHref(filters: CatalogFilters, page: PageRequest = { kind: "first" }): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(filterParams(filters))) if (v) qs.append(k, v);
  for (const [k, v] of pageParams(page, !!filters.q)) qs.append(k, v);
  const s = qs.toString();
  return s ? `/thu-tuc?${s}` : "/thu-tuc";
}

/**
 * Whether the request's parameters are exactly the canonical ones, in their order: no empty, repeated, unknown or
 * invalid parameter. When not, the listing redirects to `catalogHref`, so that what a GET form without JavaScript
 * submits (`?q=&muc-do=4&linh-vuc=`) becomes the one clean link of that listing, to share or to cache.
 */
export function isCanonical(sp: SearchParams, filters: CatalogFilters, page: PageRequest): boolean {
  const canonical = catalogHref(filters, page).split("?")[1] ?? "";
  const given: [string, string][] = [];
  for (const [k, v] of Object.entries(sp)) {
    if (v === undefined) continue;
    if (typeof v !== "string") return false;
    given.push([k, v]);
  }
  return new URLSearchParams(given).toString() === canonical;
}

// Reading the catalog: listing, diacritic-insensitive and typo-tolerant search, detail pages.
// All filtering, ranking and paging happen in PostgreSQL (trigram indexes on the folded name).
import "server-only";
import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { Channel, Component, LegalBasis } from "./records";
import { inForceSql } from "@/lib/agencies/succession";
import { expandQuery, variantMarkersFor, words } from "./query-expansion";
import { searchSynonyms } from "./synonyms";

export const PAGE_SIZE = 20;
/** Search results are ranked, not keyed: deep pages of a search are of no use to anyone. */
const MAX_SEARCH_PAGES = 50;

export type ImplementingLevel = "CENTRAL" | "PROVINCE" | "DISTRICT" | "COMMUNE";
/** Who may file a procedure (procedure.applicants): a citizen, a business or organisation. */
export type Applicant = "individual" | "business";

export interface CatalogFilters {
  q?: string;
  agency?: string;
  field?: string;
  level?: 3 | 4;
  applicant?: Applicant;
  implementing?: ImplementingLevel;
}

export type PageRequest =
  | { kind: "first" }
  | { kind: "last" }
  | { kind: "after"; cursor: string }
  | { kind: "before"; cursor: string }
  | { kind: "page"; page: number };

/**
 * One row of the catalog. Without an agency filter a row is a national procedure (offered by one or
 * many agencies: the citizen chooses where to file on its page); with one, a service of that agency.
 */
export interface CatalogItem {
  id: number;
  /** Where the row links: the service page, or the procedure page listing who offers it. */
  code: string;
  name: string;
  /** The procedure's English name (priority procedures only: the portal's own unofficial translation). */
  nameEn: string | null;
  onlineLevel: number;
  fieldName: string;
  implementingLevel: ImplementingLevel;
  sample: boolean;
  /** The agency's name, when the row is one agency's service (or a procedure only one agency offers). */
  agencyName: string | null;
  agencyIdentifier: string | null;
  /** How many agencies offer the procedure. */
  offers: number;
}

export interface CatalogPage {
  items: CatalogItem[];
  total: number;
  mode: "browse" | "search";
  /** Browse mode: cursors for the neighbouring pages (absent at the ends). */
  next?: string;
  prev?: string;
  /** Search mode: the page number and the number of pages. */
  page?: number;
  pages?: number;
  /** When asked for: how many rows each choice of a filter would give, the other filters kept. */
  facets?: CatalogFacets;
}

/** Per filter, the number of rows for each of its values (values without rows are absent). */
export interface CatalogFacets {
  level: Record<string, number>;
  field: Record<string, number>;
  applicant: Record<string, number>;
  implementing: Record<string, number>;
}

interface Row extends CatalogItem {
  sortKey: string;
}

function encodeCursor(sortKey: string, id: number): string {
  return Buffer.from(JSON.stringify([sortKey, id])).toString("base64url");
}

function decodeCursor(cursor: string): [string, number] | null {
  try {
    const v = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(v) && typeof v[0] === "string" && v[0].length <= 500 && Number.isSafeInteger(v[1]) && v[1] >= 0) return [v[0], v[1]];
  } catch {
    // a malformed cursor reads as the first page
  }
  return null;
}

/** A listable source: its rows, its search column (`k.search_text`) and key (`k.id`), and its filters. */
interface Source {
  select: Prisma.Sql;
  from: Prisma.Sql;
  where(f: CatalogFilters): Prisma.Sql[];
  /** The alias of the procedure table (implementing level, applicants). */
  procedure: Prisma.Sql;
}

// One agency's services.
const SERVICES: Source = {
  select: Prisma.sql`
    SELECT k.id, k.code, k.name, p.name_en AS "nameEn", k.online_level AS "onlineLevel", k.search_text AS "sortKey",
           a.identifier AS "agencyIdentifier", a.name AS "agencyName", 1 AS offers,
           fl.name AS "fieldName", p.implementing_level::text AS "implementingLevel", p.sample`,
  from: Prisma.sql`FROM service k JOIN agency a ON a.id = k.agency_id JOIN procedure p ON p.id = k.procedure_id JOIN field fl ON fl.id = p.field_id`,
  where: (f) => [
    Prisma.sql`k.published`,
    ...(f.agency ? [Prisma.sql`a.identifier = ${f.agency}`] : []),
    ...(f.level ? [Prisma.sql`k.online_level = ${f.level}`] : []),
  ],
  procedure: Prisma.sql`p`,
};

// National procedures that at least one agency offers.
const PROCEDURES: Source = {
  select: Prisma.sql`
    SELECT k.id, k.name, k.name_en AS "nameEn", k.online_level AS "onlineLevel", k.search_text AS "sortKey",
           fl.name AS "fieldName", k.implementing_level::text AS "implementingLevel", k.sample,
           o.offers::int AS offers,
           CASE WHEN o.offers = 1 THEN o.service_code ELSE k.code END AS code,
           CASE WHEN o.offers = 1 THEN a.name END AS "agencyName",
           CASE WHEN o.offers = 1 THEN a.identifier END AS "agencyIdentifier"`,
  from: Prisma.sql`FROM procedure k JOIN field fl ON fl.id = k.field_id
    CROSS JOIN LATERAL (SELECT count(*) AS offers, min(s.code) AS service_code, min(s.agency_id) AS agency_id
                        FROM service s WHERE s.procedure_id = k.id AND s.published) o
    LEFT JOIN agency a ON a.id = o.agency_id`,
  where: (f) => [Prisma.sql`o.offers > 0`, ...(f.level ? [Prisma.sql`k.online_level = ${f.level}`] : [])],
  procedure: Prisma.sql`k`,
};

/**
 * How a search matches, tried in this order until one finds something: a phrase of the query (as typed,
 * or in official words through a synonym) inside the name; every word of one of them in the name, in any
 * order; or, for typos, by trigrams.
 */
type Match = "contains" | "words" | "similar";

/** The query's alternatives (lib/catalog/query-expansion.ts: folded, words single-spaced), as SQL. */
function searchCondition(alts: readonly string[], match: Match): Prisma.Sql {
  const each = alts.map((alt) => {
    switch (match) {
      case "contains":
        return Prisma.sql`k.search_text LIKE ${`%${alt}%`}`;
      case "words":
        return Prisma.join(
          words(alt).map((w) => Prisma.sql`k.search_text ~ ${`\\m${w}\\M`}`),
          " AND ",
        );
      case "similar":
        return Prisma.sql`(${alt} <% k.search_text OR k.search_text % ${alt})`;
    }
  });
  return Prisma.sql`(${Prisma.join(each, " OR ")})`;
}

function whereClause(source: Source, f: CatalogFilters, alts: readonly string[] | null, match: Match = "contains"): Prisma.Sql {
  const parts = source.where(f);
  if (f.field) parts.push(Prisma.sql`fl.slug = ${f.field}`);
  if (f.implementing) parts.push(Prisma.sql`${source.procedure}.implementing_level = ${f.implementing}::"ImplementingLevel"`);
  if (f.applicant) parts.push(Prisma.sql`${source.procedure}.applicants @> ARRAY[${f.applicant}]::text[]`);
  if (alts?.length) parts.push(searchCondition(alts, match));
  return Prisma.join(parts, " AND ");
}

async function count(source: Source, where: Prisma.Sql): Promise<number> {
  const [row] = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n ${source.from} WHERE ${where}`;
  return Number(row?.n ?? 0);
}

/**
 * For each filter, the rows each of its values would give with the other filters (and the search) kept:
 * the numbers beside the filter's choices. One grouped count per filter, over the same joins and indexes
 * as the listing.
 */
async function facetCounts(source: Source, filters: CatalogFilters, alts: readonly string[] | null, match: Match): Promise<CatalogFacets> {
  const count = async (omit: keyof CatalogFilters, key: Prisma.Sql, join: Prisma.Sql = Prisma.empty) => {
    const where = whereClause(source, { ...filters, [omit]: undefined }, alts, match);
    const rows = await db.$queryRaw<{ key: string; n: bigint }[]>`
      SELECT ${key} AS key, count(*) AS n ${source.from} ${join} WHERE ${where} GROUP BY 1`;
    return Object.fromEntries(rows.map((r) => [String(r.key), Number(r.n)]));
  };
  const [level, field, applicant, implementing] = await Promise.all([
    count("level", Prisma.sql`k.online_level::text`),
    count("field", Prisma.sql`fl.slug`),
    count("applicant", Prisma.sql`x.applicant`, Prisma.sql`CROSS JOIN LATERAL unnest(${source.procedure}.applicants) AS x(applicant)`),
    count("implementing", Prisma.sql`${source.procedure}.implementing_level::text`),
  ]);
  return { level, field, applicant, implementing };
}

export interface ListOptions {
  /** Also count, per filter, the rows of each of its values (CatalogPage.facets). */
  facets?: boolean;
}

export async function listCatalog(
  filters: CatalogFilters,
  req: PageRequest = { kind: "first" },
  opts: ListOptions = {},
): Promise<CatalogPage> {
  const source = filters.agency ? SERVICES : PROCEDURES;
  const q = filters.q?.trim();
  if (q) return searchCatalog(source, filters, q, req.kind === "page" ? req.page : 1, opts);
  const where = whereClause(source, filters, null);

  // Keyset paging on (search_text, id): the last page costs what the first does.
  let rows: Row[];
  let atStart = false;
  let atEnd = false;
  const cursor = req.kind === "after" || req.kind === "before" ? decodeCursor(req.cursor) : null;
  if (req.kind === "last" || (req.kind === "before" && cursor)) {
    const bound = cursor ? Prisma.sql`AND (k.search_text, k.id) < (${cursor[0]}, ${cursor[1]})` : Prisma.empty;
    const back = await db.$queryRaw<Row[]>`${source.select} ${source.from} WHERE ${where} ${bound}
      ORDER BY k.search_text DESC, k.id DESC LIMIT ${PAGE_SIZE + 1}`;
    atStart = back.length <= PAGE_SIZE;
    atEnd = req.kind === "last";
    rows = back.slice(0, PAGE_SIZE).reverse();
  } else {
    const bound = req.kind === "after" && cursor ? Prisma.sql`AND (k.search_text, k.id) > (${cursor[0]}, ${cursor[1]})` : Prisma.empty;
    const fwd = await db.$queryRaw<Row[]>`${source.select} ${source.from} WHERE ${where} ${bound}
      ORDER BY k.search_text, k.id LIMIT ${PAGE_SIZE + 1}`;
    atStart = !(req.kind === "after" && cursor);
    atEnd = fwd.length <= PAGE_SIZE;
    rows = fwd.slice(0, PAGE_SIZE);
  }
  const first = rows[0];
  const last = rows[rows.length - 1];
  return {
    items: rows.map(toItem),
    total: await count(source, where),
    mode: "browse",
    prev: !atStart && first ? encodeCursor(first.sortKey, first.id) : undefined,
    next: !atEnd && last ? encodeCursor(last.sortKey, last.id) : undefined,
    facets: opts.facets ? await facetCounts(source, filters, null, "contains") : undefined,
  };
}

async function searchCatalog(source: Source, filters: CatalogFilters, q: string, page: number, opts: ListOptions): Promise<CatalogPage> {
  // The query as typed and, through the synonyms, in the official names' words.
  const alts = expandQuery(q, await searchSynonyms());
  if (alts.length === 0) return { items: [], total: 0, mode: "search", page: 1, pages: 1 };
  // Names containing a phrase (a trigram index lookup, cheap even over 100,000 entries); only when none
  // does, names holding every word in any order; then the typo-tolerant trigram match (costlier: it
  // compares the phrase with many names).
  let match: Match = "contains";
  let where = whereClause(source, filters, alts, match);
  let total = await count(source, where);
  for (const next of ["words", "similar"] as const) {
    if (total > 0) break;
    match = next;
    where = whereClause(source, filters, alts, match);
    total = await count(source, where);
  }
  const pages = Math.max(1, Math.min(MAX_SEARCH_PAGES, Math.ceil(total / PAGE_SIZE)));
  const current = Math.min(Math.max(1, Math.trunc(page) || 1), pages);
  const typed = alts[0]!;
  // What the citizen meant, when a synonym rewrote the query: names in those words come first.
  const meant = alts[alts.length - 1]!;
  // Best match first: the exact name, then names in the words a synonym gave, then names that are not a
  // variant the query did not ask for (lib/catalog/query-expansion.ts), then names starting with the query. Among names containing the phrase, the shortest (the closest to the query: the base
  // procedure before its variants, "Đăng ký khai tử" before "Đăng ký lại khai tử" or "… lưu động");
  // among similar names, by trigram closeness of the query to the best-matching words (word_similarity)
  // and to the whole name (similarity), so that with a typo the short exact name still beats a long name
  // that merely contains the phrase.
  const markers = variantMarkersFor(alts);
  const variant = markers.length ? Prisma.sql`k.search_text ~ ${`\\m(${markers.join("|")})\\M`}` : Prisma.sql`FALSE`;
  const closeness =
    match === "similar" ? Prisma.sql`word_similarity(${typed}, k.search_text) + similarity(${typed}, k.search_text) DESC,` : Prisma.empty;
  const rows = await db.$queryRaw<Row[]>`
    ${source.select} ${source.from}
    WHERE ${where}
    ORDER BY (k.search_text = ${typed} OR k.search_text = ${meant}) DESC,
             (k.search_text LIKE ${`%${meant}%`}) DESC,
             (${variant}) ASC,
             (k.search_text LIKE ${`${typed}%`} OR k.search_text LIKE ${`${meant}%`}) DESC,
             ${closeness}
             length(k.search_text), k.id
    LIMIT ${PAGE_SIZE} OFFSET ${(current - 1) * PAGE_SIZE}`;
  const facets = opts.facets ? await facetCounts(source, filters, alts, match) : undefined;
  return { items: rows.map(toItem), total, mode: "search", page: current, pages, facets };
}

function toItem(r: Row): CatalogItem {
  const { sortKey: _sortKey, ...item } = r;
  return { ...item, offers: Number(item.offers) };
}

export interface ServiceDetail {
  id: number;
  code: string;
  name: string;
  onlineLevel: number;
  channels: Channel[];
  published: boolean;
  priorityYear: number | null;
  agency: { identifier: string; name: string; shortName: string };
  procedure: {
    code: string;
    name: string;
    /** English name and summary (priority procedures only: the portal's own unofficial translation). */
    nameEn: string | null;
    summaryEn: string | null;
    field: { name: string; slug: string };
    implementingLevel: ImplementingLevel;
    applicants: string[];
    implementingAgencyName: string;
    competentAgencyName: string;
    components: Component[];
    steps: string[];
    legalBasis: LegalBasis[];
    result: string;
    conditions: string;
    sample: boolean;
    /** The e-ID assurance level filing needs (1, or 2: a citizen below it steps up first). */
    assuranceLevel: number;
  };
}

export async function getServiceByCode(code: string): Promise<ServiceDetail | null> {
  const s = await db.service.findUnique({
    where: { code },
    include: { agency: true, procedure: { include: { field: true } } },
  });
  if (!s || !s.published) return null;
  const p = s.procedure;
  return {
    id: s.id,
    code: s.code,
    name: s.name,
    onlineLevel: s.onlineLevel,
    channels: z.array(Channel).parse(s.channels),
    published: s.published,
    priorityYear: s.priorityYear,
    agency: { identifier: s.agency.identifier, name: s.agency.name, shortName: s.agency.shortName },
    procedure: {
      code: p.code,
      name: p.name,
      nameEn: p.nameEn,
      summaryEn: p.summaryEn,
      field: { name: p.field.name, slug: p.field.slug },
      implementingLevel: p.implementingLevel,
      applicants: p.applicants,
      implementingAgencyName: p.implementingAgencyName,
      competentAgencyName: p.competentAgencyName,
      components: z.array(Component).parse(p.components),
      steps: z.array(z.string()).parse(p.steps),
      legalBasis: z.array(LegalBasis).parse(p.legalBasis),
      result: p.result,
      conditions: p.conditions,
      sample: p.sample,
      assuranceLevel: p.assuranceLevel,
    },
  };
}

/** A national procedure and the agencies that offer it (for "choose where to file"). */
export async function getProcedureByCode(code: string) {
  const p = await db.procedure.findUnique({ where: { code }, include: { field: true } });
  if (!p) return null;
  const offers = await db.service.findMany({
    where: { procedureId: p.id, published: true },
    select: { code: true, onlineLevel: true, agency: { select: { identifier: true, name: true, shortName: true } } },
    orderBy: { agency: { shortName: "asc" } },
  });
  return {
    code: p.code,
    name: p.name,
    nameEn: p.nameEn,
    summaryEn: p.summaryEn,
    field: p.field,
    implementingLevel: p.implementingLevel,
    onlineLevel: p.onlineLevel,
    sample: p.sample,
    assuranceLevel: p.assuranceLevel,
    offers,
  };
}

export interface FacetCount {
  key: string;
  label: string;
  count: number;
}

export async function fieldCounts(): Promise<FacetCount[]> {
  const rows = await db.$queryRaw<{ slug: string; name: string; n: bigint }[]>`
    SELECT fl.slug, fl.name, count(DISTINCT p.id) AS n FROM field fl JOIN procedure p ON p.field_id = fl.id
    GROUP BY fl.slug, fl.name ORDER BY fl.name`;
  return rows.map((r) => ({ key: r.slug, label: r.name, count: Number(r.n) }));
}

export async function levelCounts(): Promise<{ level: number; services: number; procedures: number }[]> {
  const rows = await db.$queryRaw<{ level: number; services: bigint; procedures: bigint }[]>`
    SELECT s.online_level AS level, count(*) AS services, count(DISTINCT s.procedure_id) AS procedures
    FROM service s WHERE s.published GROUP BY s.online_level ORDER BY s.online_level`;
  return rows.map((r) => ({ level: Number(r.level), services: Number(r.services), procedures: Number(r.procedures) }));
}

export async function catalogTotals(): Promise<{ procedures: number; services: number; agencies: number }> {
  const [row] = await db.$queryRaw<{ procedures: bigint; services: bigint; agencies: bigint }[]>`
    SELECT (SELECT count(*) FROM procedure) AS procedures, (SELECT count(*) FROM service WHERE published) AS services,
           (SELECT count(*) FROM agency a WHERE ${inForceSql("a")}) AS agencies`;
  return { procedures: Number(row?.procedures ?? 0), services: Number(row?.services ?? 0), agencies: Number(row?.agencies ?? 0) };
}

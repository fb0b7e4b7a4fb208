// Paging the document registers by keyset: newest first on (time, id), where time is the arrival (incoming
// register) or the sending (sent register). A page link carries the boundary row as an opaque cursor
// (`?sau=` the next page, `?truoc=` the previous one, `?cuoi=1` the last) beside the filters, so every page
// of a filtered register is a link. A cursor that is not one (tampered, truncated, from an old link) reads
// as the first page: never an error. Pure: the page and the queries share it.

/** Rows per page: a clerk's screenful, not the 9,400 px the whole register made. */

export interface RegisterFilters {
  q?: string;
  from?: string;
  to?: string;
  typeCode?: string;
  priority?: number;
  status?: string;
  /** The other side: the sender (incoming register) or a recipient (sent register), by QCVN 102 identifier. */
  agency?: string;
}

export const REGISTER_PAGE_SIZE = 25;

/** The boundary row of a page: its time and id. */
export interface RegisterKey {
  at: Date;
  id: string;
}

export type RegisterPageRequest =
  { kind: "first" } | { kind: "last" } | ({ kind: "after" } & RegisterKey) | ({ kind: "before" } & RegisterKey);

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CURSOR_RE = /^[A-Za-z0-9_-]{1,200}$/;

export function encodeRegisterCursor(key: RegisterKey): string {
  return Buffer.from(JSON.stringify([key.at.toISOString(), key.id])).toString("base64url");
}

/** The row a cursor names, or null when it is not a cursor this portal wrote. */
export function decodeRegisterCursor(cursor: string): RegisterKey | null {
  if (!CURSOR_RE.test(cursor)) return null;
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (!Array.isArray(v) || v.length !== 2 || typeof v[0] !== "string" || typeof v[1] !== "string") return null;
    const at = new Date(v[0]);
    // Only the portal's own form of an instant, within what PostgreSQL's timestamptz holds comfortably.
    if (Number.isNaN(at.getTime()) || at.toISOString() !== v[0] || at.getUTCFullYear() < 1970 || at.getUTCFullYear() > 9999) return null;
    if (!UUID_RE.test(v[1])) return null;
    return { at, id: v[1].toLowerCase() };
  } catch {
    return null;
  }
}

type SP = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

/** The page asked for, and whether a cursor was given that is not one (the page then says it shows the first). */
export function parseRegisterPage(sp: SP): { page: RegisterPageRequest; badCursor: boolean } {
  if (one(sp.cuoi) === "1") return { page: { kind: "last" }, badCursor: false };
  for (const [param, kind] of [
    ["sau", "after"],
    ["truoc", "before"],
  ] as const) {
    const raw = one(sp[param]);
    if (raw === undefined) continue;
    const key = decodeRegisterCursor(raw);
    return key ? { page: { kind, ...key }, badCursor: false } : { page: { kind: "first" }, badCursor: true };
  }
  return { page: { kind: "first" }, badCursor: false };
}

/** The filters as the register form writes them in the URL (unset ones absent), to carry across pages. */
export function registerFilterParams(f: RegisterFilters): Record<string, string> {
  const p: Record<string, string | undefined> = {
    q: f.q,
    "tu-ngay": f.from,
    "den-ngay": f.to,
    loai: f.typeCode,
    "do-khan": f.priority != null ? String(f.priority) : undefined,
    "trang-thai": f.status,
    "co-quan": f.agency,
  };
  return Object.fromEntries(Object.entries(p).filter((e): e is [string, string] => !!e[1]));
}

/** One page of a register: its rows in order, how many rows the filters match, the neighbours' cursors. */
export interface RegisterPage<T> {
  rows: T[];
  total: number;
  /** Absent on the first page. */
  prev?: string;
  /** Absent on the last page. */
  next?: string;
}

/**
 * Turns what a keyset query fetched (one row more than a page, in the query's direction) into the page: for
 * "before" and "last" the query ran oldest-first and is reversed back to newest-first.
 */
export function pageOf<T>(req: RegisterPageRequest, fetched: T[], keyOf: (row: T) => RegisterKey, total: number): RegisterPage<T> {
  const more = fetched.length > REGISTER_PAGE_SIZE;
  const backwards = req.kind === "before" || req.kind === "last";
  const rows = backwards ? fetched.slice(0, REGISTER_PAGE_SIZE).reverse() : fetched.slice(0, REGISTER_PAGE_SIZE);
  const atStart = req.kind === "first" || (backwards && !more);
  const atEnd = req.kind === "last" || (!backwards && !more);
  const first = rows[0];
  const last = rows[rows.length - 1];
  return {
    rows,
    total,
    prev: !atStart && first ? encodeRegisterCursor(keyOf(first)) : undefined,
    next: !atEnd && last ? encodeRegisterCursor(keyOf(last)) : undefined,
  };
}

// An agency's dossier statistics per month (and for the current year), computed by one SQL aggregate
// in Asia/Ho_Chi_Minh time, plus the month range an officer asks for and the CSV export.
//
// Definitions (the page shows them to officers too, lib/i18n/vi/statistics.ts):
// - received: dossiers whose receiving agency is this one, submitted in the period (refused and
//   withdrawn ones included: they were received all the same);
// - processed: dossiers this agency holds whose finished_at falls in the period, split by comparing the
//   local date of finished_at with the local date of the legal deadline (legal_due_at, or due_at for rows
//   without one): early (before), on time (same day), late (after); a dossier without a due date cannot be
//   late, so it counts as on time. The legal deadline, not the date in force: an apology's new appointment
//   does not make a late dossier on time (our reading of Decision 61/2018, unconfirmed; lib/dossiers/due.ts);
// - carriedOver / inProgress: dossiers this agency holds that are open at the period's start / end (for
//   the current period: now). Open = submitted before that instant and not yet finished, withdrawn,
//   refused or stopped by then;
// - paused: the part of inProgress whose status is now 5 or 6 (waiting on the applicant's papers or
//   fees). The schema records no pause timestamps, so for a past month this is "open then and still
//   waiting now", exact only for the current month;
// - withdrawn / refused: dossiers this agency holds withdrawn (withdrawn_at) or refused in the period;
// - averageProcessingDays: mean of finished_at − coalesce(received_at, submitted_at) of the processed
//   dossiers, in calendar days, one decimal;
// - satisfaction: average and count of the ratings given in the period (rated_at).
// "This agency holds" is the holder now: a dossier transferred away counts for its new holder.
// Refusal and stop have no column of their own: their instant is the history event that made the
// status (the record of truth), or updated_at for rows without one, since a final status never changes.
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { localDate, TIME_ZONE } from "@/lib/calendar/time";
import { db } from "@/lib/db/client";
import { toCsv } from "@/lib/files/csv";
import { statisticsText } from "@/lib/i18n/vi/statistics";

/** The longest range one query may cover, so a typed URL cannot ask for centuries of months. */
const MAX_MONTHS = 36;
/** The default range: this month and the eleven before it. */
const DEFAULT_MONTHS = 12;

export interface PeriodFigures {
  received: number;
  carriedOver: number;
  processed: number;
  early: number;
  onTime: number;
  late: number;
  inProgress: number;
  paused: number;
  withdrawn: number;
  refused: number;
  /** Null when nothing was processed in the period. */
  averageProcessingDays: number | null;
  satisfaction: { average: number | null; count: number };
}

export interface MonthRow extends PeriodFigures {
  /** yyyy-mm, a month in Vietnam time. */
  month: string;
}

export interface YearTotals extends PeriodFigures {
  year: number;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

function isMonth(value: string): boolean {
  return MONTH.test(value);
}

/** The month `n` months after `month` (negative: before). */
export function addMonths(month: string, n: number): string {
  const m = MONTH.exec(month);
  if (!m) throw new RangeError(`Not a month (yyyy-mm): ${JSON.stringify(month)}`);
  const index = Number(m[1]) * 12 + Number(m[2]) - 1 + n;
  return `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** Months from `from` to `to`, both included (negative when `to` is earlier). */
function monthSpan(from: string, to: string): number {
  const [fy, fm] = from.split("-").map(Number);
  const [ty, tm] = to.split("-").map(Number);
  return (ty! - fy!) * 12 + (tm! - fm!) + 1;
}

export function currentMonth(now: Date = new Date()): string {
  return localDate(now).slice(0, 7);
}

export type MonthRangeError = keyof typeof statisticsText.rangeErrors;

export interface MonthRange {
  from: string;
  to: string;
  /** Why the requested range was not used (the default range is returned instead). */
  error?: MonthRangeError;
}

/** The range asked for by `?tu=yyyy-mm&den=yyyy-mm`, or the last twelve months; anyone can type a URL, so every value is checked. */
export function parseMonthRange(params: { tu?: string | string[]; den?: string | string[] }, now: Date = new Date()): MonthRange {
  const to0 = currentMonth(now);
  const fallback = { from: addMonths(to0, -(DEFAULT_MONTHS - 1)), to: to0 };
  const one = (v: string | string[] | undefined) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined);
  const tu = one(params.tu);
  const den = one(params.den);
  if (tu === undefined && den === undefined) return fallback;
  if ((tu !== undefined && !isMonth(tu)) || (den !== undefined && !isMonth(den))) return { ...fallback, error: "format" };
  // One end alone keeps a year-long window on the side that was not given.
  const from = tu ?? addMonths(den!, -(DEFAULT_MONTHS - 1));
  const to = den ?? [addMonths(tu!, DEFAULT_MONTHS - 1), to0].sort()[0]!;
  if (from > to0 || to > to0) return { ...fallback, error: "future" };
  if (from > to) return { ...fallback, error: "order" };
  if (monthSpan(from, to) > MAX_MONTHS) return { ...fallback, error: "tooLong" };
  return { from, to };
}

/** What is wrong with a requested range, in Vietnamese. */
export function monthRangeMessage(error: MonthRangeError): string {
  const e = statisticsText.rangeErrors;
  return error === "tooLong" ? e.tooLong(MAX_MONTHS) : e[error];
}

/** The agency whose statistics an officer may see: their own, and only theirs (null: none). */
export async function officerStatisticsAgency(user: CurrentUser): Promise<{ id: number; identifier: string; name: string } | null> {
  if (!can(user, "workspace.read") || user.agencyId == null) return null;
  return db.agency.findUnique({ where: { id: user.agencyId }, select: { id: true, identifier: true, name: true } });
}

interface FiguresRow {
  label: string;
  /** The agency a row is for when figures are split per agency; 0 otherwise. */
  agency_id: number;
  received: number;
  carried_over: number;
  processed: number;
  early: number;
  on_time: number;
  late: number;
  in_progress: number;
  paused: number;
  withdrawn: number;
  refused: number;
  average_days: number | null;
  average_rating: number | null;
  ratings: number;
}

/**
 * Which dossiers count: one agency's (`agencyId`), or every agency's (`agencyId` null: national figures);
 * `perAgency` splits the figures by agency (received by the receiving agency, the rest by the holder),
 * with a row for every agency in `agencies` (a SELECT of ids) even when it has nothing.
 */
export interface FiguresScope {
  agencyId: number | null;
  perAgency?: { agencies: Prisma.Sql };
}

/**
 * One statement over the given periods (label, starts, ends as timestamptz): each figure is an
 * aggregate joined to the periods by its own timestamp, LEFT JOINed back so that empty periods give zeros.
 * The definitions are the module's (top of file), for one agency, for all, or split per agency.
 */
export async function scopedFigures(scope: FiguresScope, periods: Prisma.Sql, now: Date): Promise<FiguresRow[]> {
  const a = scope.agencyId;
  const tz = Prisma.sql`${TIME_ZONE}::text`;
  const local = (col: Prisma.Sql) => Prisma.sql`(${col} AT TIME ZONE ${tz})::date`;
  const receivingHere = a == null ? Prisma.sql`TRUE` : Prisma.sql`d.receiving_agency_id = ${a}`;
  const heldHere = a == null ? Prisma.sql`TRUE` : Prisma.sql`d.holder_agency_id = ${a}`;
  const mineHere = a == null ? Prisma.sql`TRUE` : Prisma.sql`(d.holder_agency_id = ${a} OR d.receiving_agency_id = ${a})`;
  const recvKey = scope.perAgency ? Prisma.sql`d.receiving_agency_id` : Prisma.sql`0`;
  const holdKey = scope.perAgency ? Prisma.sql`d.holder_agency_id` : Prisma.sql`0`;
  const keys = scope.perAgency ? Prisma.sql`SELECT k.id AS k FROM (${scope.perAgency.agencies}) AS k` : Prisma.sql`SELECT 0 AS k`;
  return db.$queryRaw<FiguresRow[]>`
    WITH p AS (
      SELECT raw.label, raw.starts, raw.ends, least(raw.ends, ${now}::timestamptz) AS as_of FROM (${periods}) AS raw
    ),
    keys AS (${keys}),
    mine AS (
      SELECT d.id, d.status, d.receiving_agency_id, d.holder_agency_id, d.submitted_at, d.received_at,
             coalesce(d.legal_due_at, d.due_at) AS legal_due_at,
             d.finished_at, d.withdrawn_at, d.rating, d.rated_at,
             CASE WHEN d.status IN (3, 8)
                  THEN coalesce((SELECT max(e.at) FROM dossier_event e WHERE e.dossier_id = d.id AND e.to_status = d.status), d.updated_at)
                  ELSE coalesce(d.finished_at, d.withdrawn_at)
             END AS closed_at
      FROM dossier d
      WHERE ${mineHere} AND d.submitted_at < (SELECT max(ends) FROM p)
    ),
    received AS (
      SELECT p.label, ${recvKey} AS k, count(*)::int AS received
      FROM p JOIN mine d ON ${receivingHere} AND d.submitted_at >= p.starts AND d.submitted_at < p.ends
      GROUP BY 1, 2
    ),
    finished AS (
      SELECT p.label, ${holdKey} AS k,
             count(*)::int AS processed,
             (count(*) FILTER (WHERE ${local(Prisma.sql`d.finished_at`)} < ${local(Prisma.sql`d.legal_due_at`)}))::int AS early,
             (count(*) FILTER (WHERE d.legal_due_at IS NULL OR ${local(Prisma.sql`d.finished_at`)} = ${local(Prisma.sql`d.legal_due_at`)}))::int AS on_time,
             (count(*) FILTER (WHERE ${local(Prisma.sql`d.finished_at`)} > ${local(Prisma.sql`d.legal_due_at`)}))::int AS late,
             round(avg(extract(epoch FROM d.finished_at - coalesce(d.received_at, d.submitted_at))::numeric) / 86400, 1)::float8 AS average_days
      FROM p JOIN mine d ON ${heldHere} AND d.finished_at >= p.starts AND d.finished_at < p.ends
      GROUP BY 1, 2
    ),
    ended AS (
      SELECT p.label, ${holdKey} AS k,
             (count(*) FILTER (WHERE d.status = 7))::int AS withdrawn,
             (count(*) FILTER (WHERE d.status = 3))::int AS refused
      FROM p JOIN mine d ON ${heldHere} AND d.status IN (3, 7) AND d.closed_at >= p.starts AND d.closed_at < p.ends
      GROUP BY 1, 2
    ),
    open AS (
      SELECT p.label, ${holdKey} AS k,
             (count(*) FILTER (WHERE d.submitted_at < p.starts AND (d.closed_at IS NULL OR d.closed_at >= p.starts)))::int AS carried_over,
             (count(*) FILTER (WHERE d.closed_at IS NULL OR d.closed_at >= p.as_of))::int AS in_progress,
             (count(*) FILTER (WHERE (d.closed_at IS NULL OR d.closed_at >= p.as_of) AND d.status IN (5, 6)))::int AS paused
      FROM p JOIN mine d ON ${heldHere} AND d.submitted_at < p.as_of AND (d.closed_at IS NULL OR d.closed_at >= p.starts)
      GROUP BY 1, 2
    ),
    rated AS (
      SELECT p.label, ${holdKey} AS k, round(avg(d.rating), 1)::float8 AS average_rating, count(*)::int AS ratings
      FROM p JOIN mine d ON ${heldHere} AND d.rating IS NOT NULL AND d.rated_at >= p.starts AND d.rated_at < p.ends
      GROUP BY 1, 2
    )
    SELECT p.label,
           keys.k AS agency_id,
           coalesce(r.received, 0) AS received,
           coalesce(o.carried_over, 0) AS carried_over,
           coalesce(f.processed, 0) AS processed,
           coalesce(f.early, 0) AS early,
           coalesce(f.on_time, 0) AS on_time,
           coalesce(f.late, 0) AS late,
           coalesce(o.in_progress, 0) AS in_progress,
           coalesce(o.paused, 0) AS paused,
           coalesce(e.withdrawn, 0) AS withdrawn,
           coalesce(e.refused, 0) AS refused,
           f.average_days,
           s.average_rating,
           coalesce(s.ratings, 0) AS ratings
    FROM p CROSS JOIN keys
    LEFT JOIN received r ON r.label = p.label AND r.k = keys.k
    LEFT JOIN finished f ON f.label = p.label AND f.k = keys.k
    LEFT JOIN ended e ON e.label = p.label AND e.k = keys.k
    LEFT JOIN open o ON o.label = p.label AND o.k = keys.k
    LEFT JOIN rated s ON s.label = p.label AND s.k = keys.k
    ORDER BY p.starts, keys.k`;
}

async function periodFigures(agencyId: number, periods: Prisma.Sql, now: Date): Promise<FiguresRow[]> {
  return scopedFigures({ agencyId }, periods, now);
}

export function figures(r: FiguresRow): PeriodFigures {
  return {
    received: r.received,
    carriedOver: r.carried_over,
    processed: r.processed,
    early: r.early,
    onTime: r.on_time,
    late: r.late,
    inProgress: r.in_progress,
    paused: r.paused,
    withdrawn: r.withdrawn,
    refused: r.refused,
    averageProcessingDays: r.average_days,
    satisfaction: { average: r.average_rating, count: r.ratings },
  };
}

/** The months from `from` to `to` as periods: local midnights of the first of each month, read as instants in Vietnam time. */
export function monthPeriods(from: string, to: string): Prisma.Sql {
  const tz = Prisma.sql`${TIME_ZONE}::text`;
  return Prisma.sql`
    SELECT to_char(g, 'YYYY-MM') AS label, g AT TIME ZONE ${tz} AS starts, (g + interval '1 month') AT TIME ZONE ${tz} AS ends
    FROM generate_series(${`${from}-01`}::timestamp, ${`${to}-01`}::timestamp, interval '1 month') AS g`;
}

/** One calendar year (Vietnam time) as a period. */
export function yearPeriod(year: number): Prisma.Sql {
  const tz = Prisma.sql`${TIME_ZONE}::text`;
  return Prisma.sql`
    SELECT ${String(year)}::text AS label,
           make_timestamp(${year}::int, 1, 1, 0, 0, 0) AT TIME ZONE ${tz} AS starts,
           make_timestamp(${year + 1}::int, 1, 1, 0, 0, 0) AT TIME ZONE ${tz} AS ends`;
}

/** One row per month from `from` to `to` (yyyy-mm, both included), months in Vietnam time. */
export async function agencyMonthlyStatistics(
  agencyId: number,
  from: string,
  to: string,
  options: { now?: Date } = {},
): Promise<MonthRow[]> {
  if (!isMonth(from) || !isMonth(to)) throw new RangeError(`Months must be yyyy-mm: ${JSON.stringify(from)}, ${JSON.stringify(to)}`);
  const span = monthSpan(from, to);
  if (span < 1 || span > MAX_MONTHS) throw new RangeError(`A range of 1 to ${MAX_MONTHS} months is needed: ${from} to ${to}`);
  const rows = await periodFigures(agencyId, monthPeriods(from, to), options.now ?? new Date());
  return rows.map((r) => ({ month: r.label, ...figures(r) }));
}

/** The current year (Vietnam time) up to now, as one period: open dossiers are those open now. */
export async function agencyTotals(agencyId: number, options: { now?: Date } = {}): Promise<YearTotals> {
  const now = options.now ?? new Date();
  const year = Number(localDate(now).slice(0, 4));
  const [row] = await periodFigures(agencyId, yearPeriod(year), now);
  return { year, ...figures(row!) };
}

/** RFC 4180 CSV of the monthly rows: Vietnamese header, months as yyyy-mm, plain numbers (dot decimals, empty when none); no BOM. */
export function statisticsCsv(rows: readonly MonthRow[]): string {
  return toCsv([
    statisticsText.csvHeader,
    ...rows.map((r) => [
      r.month,
      r.received,
      r.carriedOver,
      r.processed,
      r.early,
      r.onTime,
      r.late,
      r.inProgress,
      r.paused,
      r.withdrawn,
      r.refused,
      r.averageProcessingDays,
      r.satisfaction.average,
      r.satisfaction.count,
    ]),
  ]);
}

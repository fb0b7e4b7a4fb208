// Local-date arithmetic in Asia/Ho_Chi_Minh, so deadlines never depend on the server's own time zone.
export const TIME_ZONE = "Asia/Ho_Chi_Minh";

// Vietnam has kept UTC+7 without daylight saving since 1975, so a fixed offset is exact for every date we handle.
const OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Milliseconds of the UTC midnight that carries the same calendar label as `isoDate`; throws on malformed or impossible dates. */
export function isoDateToUtcMs(isoDate: string): number {
  const m = ISO_DATE.exec(isoDate);
  if (!m) throw new RangeError(`Not an ISO date (yyyy-mm-dd): ${JSON.stringify(isoDate)}`);
  const ms = Date.parse(`${isoDate}T00:00:00Z`);
  // Date.parse rolls 2025-02-30 over to March instead of failing, so check the round trip.
  if (Number.isNaN(ms) || utcMsToIsoDate(ms) !== isoDate) throw new RangeError(`Not a calendar date: ${isoDate}`);
  return ms;
}

export function utcMsToIsoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** A calendar date PostgreSQL can store too: JavaScript accepts the year 0000, PostgreSQL (no year 0) refuses it. */
export function isIsoDate(value: string): boolean {
  try {
    isoDateToUtcMs(value);
    return !value.startsWith("0000-");
  } catch {
    return false;
  }
}

export function localDate(instant: Date): string {
  return utcMsToIsoDate(instant.getTime() + OFFSET_MS);
}

export function localMinutes(instant: Date): number {
  const msOfDay = mod(instant.getTime() + OFFSET_MS, DAY_MS);
  return Math.floor(msOfDay / 60_000);
}

/** Milliseconds since local midnight; the cut-off needs sub-minute precision (15:00:30 is after 15:00). */
export function localMillisOfDay(instant: Date): number {
  return mod(instant.getTime() + OFFSET_MS, DAY_MS);
}

export function atLocalTime(isoDate: string, hh: number, mm: number): Date {
  if (!Number.isInteger(hh) || hh < 0 || hh > 23) throw new RangeError(`Hour out of range: ${hh}`);
  if (!Number.isInteger(mm) || mm < 0 || mm > 59) throw new RangeError(`Minute out of range: ${mm}`);
  return new Date(isoDateToUtcMs(isoDate) + (hh * 60 + mm) * 60_000 - OFFSET_MS);
}

export function addDays(isoDate: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`Day count must be an integer: ${n}`);
  return utcMsToIsoDate(isoDateToUtcMs(isoDate) + n * DAY_MS);
}

/** 0 Sunday .. 6 Saturday, like Date#getDay. */
export function weekday(isoDate: string): number {
  return new Date(isoDateToUtcMs(isoDate)).getUTCDay();
}

/** Whole days from `fromIso` to `toIso` (negative when `toIso` is earlier). */
export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((isoDateToUtcMs(toIso) - isoDateToUtcMs(fromIso)) / DAY_MS);
}

function mod(a: number, n: number): number {
  return ((a % n) + n) % n;
}

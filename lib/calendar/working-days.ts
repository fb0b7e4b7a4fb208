// Working-day rules for processing deadlines: weekends, holidays and swapped Saturdays from the admin's calendar table.
import { addDays, atLocalTime, daysBetween, isoDateToUtcMs, localDate, localMillisOfDay, weekday } from "@/lib/calendar/time";

/** ISO local dates; `workdays` = Saturdays/Sundays that are worked (swap days). */
export interface CalendarDays {
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
}

export type CalendarKind = "HOLIDAY" | "WORKDAY";

/** A dossier received after 15:00 counts from the next working day (one-stop-shop practice). */
export const CUTOFF_MINUTES = 15 * 60;
export const OFFICE_CLOSE = { hh: 17, mm: 0 } as const;

// A run of non-working days longer than this means the calendar table is broken, not that the office is closed.
const MAX_GAP_DAYS = 366;

export function isWorkingDay(isoDate: string, cal: CalendarDays): boolean {
  if (cal.workdays.has(isoDate)) return true;
  const wd = weekday(isoDate);
  return wd >= 1 && wd <= 5 && !cal.holidays.has(isoDate);
}

function step(isoDate: string, direction: 1 | -1, cal: CalendarDays): string {
  let d = isoDate;
  for (let i = 0; i < MAX_GAP_DAYS; i++) {
    d = addDays(d, direction);
    if (isWorkingDay(d, cal)) return d;
  }
  throw new RangeError(`No working day within ${MAX_GAP_DAYS} days of ${isoDate}; check the holiday calendar`);
}

/** First working day strictly after `isoDate`. */
export function nextWorkingDay(isoDate: string, cal: CalendarDays): string {
  return step(isoDate, 1, cal);
}

/** The n-th working day strictly after `isoDate` (strictly before it when n < 0); n = 0 returns `isoDate` itself. */
export function addWorkingDays(isoDate: string, n: number, cal: CalendarDays): string {
  if (!Number.isInteger(n)) throw new RangeError(`Working-day count must be an integer: ${n}`);
  const direction = n < 0 ? -1 : 1;
  isoDateToUtcMs(isoDate); // so n = 0 still rejects a malformed date
  let d = isoDate;
  for (let i = 0; i < Math.abs(n); i++) d = step(d, direction, cal);
  return d;
}

/** The local date from which a deadline counts: the receipt date if it is a working day and receipt was at or before 15:00:00.000. */
export function countingStart(receivedAt: Date, cal: CalendarDays): string {
  const day = localDate(receivedAt);
  const inTime = localMillisOfDay(receivedAt) <= CUTOFF_MINUTES * 60_000;
  return isWorkingDay(day, cal) && inTime ? day : nextWorkingDay(day, cal);
}

export function dueDate(receivedAt: Date, workingDays: number, cal: CalendarDays): { date: string; dueAt: Date } {
  if (!Number.isInteger(workingDays) || workingDays < 0) {
    throw new RangeError(`Processing time must be a non-negative whole number of working days: ${workingDays}`);
  }
  const date = addWorkingDays(countingStart(receivedAt, cal), workingDays, cal);
  return { date, dueAt: atLocalTime(date, OFFICE_CLOSE.hh, OFFICE_CLOSE.mm) };
}

/** Working days d with from < d <= to; negative (and mirrored) when `toIso` is before `fromIso`. */
export function workingDaysBetween(fromIso: string, toIso: string, cal: CalendarDays): number {
  const span = daysBetween(fromIso, toIso);
  if (span < 0) return -workingDaysBetween(toIso, fromIso, cal);
  let count = 0;
  for (let i = 1; i <= span; i++) if (isWorkingDay(addDays(fromIso, i), cal)) count++;
  return count;
}

/** Builds the lookup sets from calendar table rows; a date listed as both kinds is a data error, so it throws. */
export function calendarFrom(rows: readonly { date: string; kind: CalendarKind }[]): CalendarDays {
  const holidays = new Set<string>();
  const workdays = new Set<string>();
  for (const { date, kind } of rows) {
    isoDateToUtcMs(date); // a malformed date would otherwise silently never match
    const [mine, other] = kind === "HOLIDAY" ? [holidays, workdays] : [workdays, holidays];
    if (other.has(date)) throw new RangeError(`${date} is listed both as a holiday and as a working day`);
    mine.add(date);
  }
  return { holidays, workdays };
}

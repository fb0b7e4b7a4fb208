// The VPCP administrators' upkeep of the working-day calendar (calendar_day): reading a year, saving or deleting
// a day, and adding the computed holiday suggestions. Deadlines of every dossier count on these rows.
import "server-only";
import { z } from "zod";
import { defineUseCase, AppError } from "@/lib/auth/door";
import { db } from "@/lib/db/client";
import { formatDate } from "@/lib/format";
import { calendarText } from "@/lib/i18n/vi/calendar";
import { suggestHolidays } from "./suggest";
import { isIsoDate, localDate, weekday } from "./time";
import { calendarFrom, workingDaysBetween, type CalendarKind } from "./working-days";

const e = calendarText.errors;

/** The years an administrator may edit: the holiday rules start in 2013 (Labour Code 2012), and 2100 is far enough. */
export const CALENDAR_YEARS = { min: 2013, max: 2100 } as const;

export interface CalendarDayRow {
  date: string;
  kind: CalendarKind;
  name: string;
  source: string | null;
}

export interface CalendarYear {
  year: number;
  days: CalendarDayRow[];
  workingDays: number;
  /** Holidays that take a working day away (Monday to Friday). */
  weekdayHolidays: number;
  /** Saturdays and Sundays that are worked. */
  workedWeekendDays: number;
}

const isWeekend = (iso: string) => {
  const wd = weekday(iso);
  return wd === 0 || wd === 6;
};
const toDbDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
const toIso = (d: Date) => d.toISOString().slice(0, 10);
const always = () => true;

const CalendarDate = z
  .string()
  .trim()
  .superRefine((v, ctx) => {
    if (!isIsoDate(v)) ctx.addIssue({ code: "custom", message: e.date });
    else if (Number(v.slice(0, 4)) < CALENDAR_YEARS.min || Number(v.slice(0, 4)) > CALENDAR_YEARS.max) {
      ctx.addIssue({ code: "custom", message: e.dateRange(CALENDAR_YEARS.min, CALENDAR_YEARS.max) });
    }
  });

/** One row of the calendar as an administrator enters it. */
const CalendarDayEntry = z
  .object({
    date: CalendarDate,
    kind: z.enum(["HOLIDAY", "WORKDAY"], { error: e.kind }),
    name: z.string({ error: e.name }).trim().min(1, e.name).max(200, e.name),
  })
  // A weekday holiday and a worked weekend day are the only rows that change anything; the other two combinations
  // would be silently ignored by the working-day rules, so they are refused with the reason. Runs even when the
  // name is missing, so both errors show at once.
  .superRefine(
    (v, ctx) => {
      if (typeof v.date !== "string" || !isIsoDate(v.date) || (v.kind !== "HOLIDAY" && v.kind !== "WORKDAY")) return;
      const weekend = isWeekend(v.date);
      const day = calendarText.weekday[weekday(v.date)] ?? "";
      if (v.kind === "HOLIDAY" && weekend) {
        ctx.addIssue({ code: "custom", path: ["date"], message: e.holidayOnWeekend(formatDate(v.date), day) });
      } else if (v.kind === "WORKDAY" && !weekend) {
        ctx.addIssue({ code: "custom", path: ["date"], message: e.workdayOnWeekday(formatDate(v.date), day) });
      }
    },
    { when: always },
  );

const CalendarYearInput = z.object({
  year: z.coerce
    .number({ error: e.year(CALENDAR_YEARS.min, CALENDAR_YEARS.max) })
    .int(e.year(CALENDAR_YEARS.min, CALENDAR_YEARS.max))
    .min(CALENDAR_YEARS.min, e.year(CALENDAR_YEARS.min, CALENDAR_YEARS.max))
    .max(CALENDAR_YEARS.max, e.year(CALENDAR_YEARS.min, CALENDAR_YEARS.max)),
});

export const saveCalendarDay = defineUseCase({
  name: "calendar.saveDay",
  permission: "calendar.manage",
  schema: CalendarDayEntry,
  entityType: "calendar_day",
  async run(input, { tx }) {
    const date = toDbDate(input.date);
    const before = await tx.calendarDay.findUnique({ where: { date } });
    // The row becomes the administrator's statement; what it replaces is kept in the audit trail.
    const data = { kind: input.kind, name: input.name, source: calendarText.manualSource };
    await tx.calendarDay.upsert({ where: { date }, create: { date, ...data }, update: data });
    return {
      result: { date: input.date, created: !before },
      entityId: input.date,
      details: {
        kind: input.kind,
        name: input.name,
        ...(before ? { before: { kind: before.kind, name: before.name, source: before.source } } : {}),
      },
    };
  },
});

export const deleteCalendarDay = defineUseCase({
  name: "calendar.deleteDay",
  permission: "calendar.manage",
  schema: z.object({ date: CalendarDate }),
  entityType: "calendar_day",
  async run(input, { tx }) {
    const date = toDbDate(input.date);
    const before = await tx.calendarDay.findUnique({ where: { date } });
    if (!before) throw new AppError("not_found", e.notFound(formatDate(input.date)), "date");
    await tx.calendarDay.delete({ where: { date } });
    return {
      result: { date: input.date },
      entityId: input.date,
      details: { before: { kind: before.kind, name: before.name, source: before.source } },
    };
  },
});

export const addSuggestedHolidays = defineUseCase({
  name: "calendar.addSuggested",
  permission: "calendar.manage",
  schema: CalendarYearInput,
  entityType: "calendar_year",
  async run({ year }, { tx }) {
    // A holiday on a weekend changes nothing by itself (its make-up day is suggested separately); two rules on one
    // date (Giỗ Tổ can fall on 30/4) become one row naming both.
    const names = new Map<string, string>();
    for (const d of suggestHolidays(year)) {
      if (d.kind !== "HOLIDAY" || isWeekend(d.date)) continue;
      const prev = names.get(d.date);
      names.set(d.date, prev && prev !== d.name ? `${prev}; ${d.name}` : d.name);
    }
    // Rows already present win: they may be the official notice or an administrator's correction.
    const added = await tx.calendarDay.createManyAndReturn({
      data: [...names].map(([date, name]) => ({
        date: toDbDate(date),
        kind: "HOLIDAY" as const,
        name,
        source: calendarText.suggestedSource,
      })),
      skipDuplicates: true,
      select: { date: true },
    });
    const dates = added.map((r) => toIso(r.date)).sort();
    return { result: { year, added: dates.length }, entityId: String(year), details: { added: dates } };
  },
});

/** The rows of one year, in date order, and the working days they leave. */
export async function calendarYear(year: number): Promise<CalendarYear> {
  const rows = await db.calendarDay.findMany({
    where: { date: { gte: new Date(Date.UTC(year, 0, 1)), lt: new Date(Date.UTC(year + 1, 0, 1)) } },
    orderBy: { date: "asc" },
    select: { date: true, kind: true, name: true, source: true },
  });
  const days = rows.map((r) => ({ ...r, date: toIso(r.date) }));
  const cal = calendarFrom(days);
  return {
    year,
    days,
    workingDays: workingDaysBetween(`${year - 1}-12-31`, `${year}-12-31`, cal),
    weekdayHolidays: days.filter((d) => d.kind === "HOLIDAY" && !isWeekend(d.date)).length,
    workedWeekendDays: days.filter((d) => d.kind === "WORKDAY" && isWeekend(d.date)).length,
  };
}

/** Years that have at least one row, for the year switcher. */
export async function calendarYearsWithRows(): Promise<number[]> {
  const rows = await db.$queryRaw<{ year: number }[]>`SELECT DISTINCT EXTRACT(YEAR FROM date)::int AS year FROM calendar_day ORDER BY year`;
  return rows.map((r) => Number(r.year));
}

/** The year a page asks for (`?nam=`), or this year in Việt Nam when it is missing or out of range. */
export function calendarYearParam(raw: string | string[] | undefined): number {
  const n = typeof raw === "string" && /^\d{4}$/.test(raw) ? Number(raw) : NaN;
  if (n >= CALENDAR_YEARS.min && n <= CALENDAR_YEARS.max) return n;
  return Number(localDate(new Date()).slice(0, 4));
}

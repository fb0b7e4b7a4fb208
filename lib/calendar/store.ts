// The working-day calendar as stored (calendar_day, kept by VPCP administrators), for lib/calendar's rules.
import "server-only";
import type { Db, Tx } from "@/lib/db/client";
import { calendarFrom, type CalendarDays } from "./working-days";

/** Every holiday and worked weekend day from a year before to two years after `around`. */
export async function loadCalendar(client: Db | Tx, around = new Date()): Promise<CalendarDays> {
  const year = around.getUTCFullYear();
  const rows = await client.calendarDay.findMany({
    where: { date: { gte: new Date(Date.UTC(year - 1, 0, 1)), lt: new Date(Date.UTC(year + 3, 0, 1)) } },
    select: { date: true, kind: true },
  });
  return calendarFrom(rows.map((r) => ({ date: r.date.toISOString().slice(0, 10), kind: r.kind })));
}

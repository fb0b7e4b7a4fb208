// Where a dossier stands against its due date. Derived from dates every time, never stored as a status.
import { localDate } from "@/lib/calendar/time";
import { workingDaysBetween, type CalendarDays } from "@/lib/calendar/working-days";

export type DueState = "on_time" | "due_soon" | "overdue" | "early" | "finished_on_time" | "late";

/** Within this many working days of the due date an open dossier is "due soon". */
const DUE_SOON_WORKING_DAYS = 2;

export function dueState(d: { dueAt: Date | null; finishedAt: Date | null }, now: Date, cal: CalendarDays): DueState | null {
  if (!d.dueAt) return null;
  const due = localDate(d.dueAt);
  if (d.finishedAt) {
    const done = localDate(d.finishedAt);
    return done < due ? "early" : done === due ? "finished_on_time" : "late";
  }
  if (now.getTime() > d.dueAt.getTime()) return "overdue";
  return workingDaysBetween(localDate(now), due, cal) <= DUE_SOON_WORKING_DAYS ? "due_soon" : "on_time";
}

export const DUE_LABEL: Record<DueState, string> = {
  on_time: "Trong hạn",
  due_soon: "Sắp đến hạn",
  overdue: "Quá hạn",
  early: "Hoàn thành trước hạn",
  finished_on_time: "Hoàn thành đúng hạn",
  late: "Hoàn thành quá hạn",
};

// Where a dossier stands against its due date. Derived from dates every time, never stored as a status.
//
// A dossier has two due dates (prisma/schema.prisma, docs/dossiers.md "Due dates"):
// - `dueAt`, the date in force: what the applicant was last told. An apology (form 04) moves it to the new
//   appointment; the arrival of missing papers restarts it. The header, the queue, the citizen's pages,
//   public tracking and the due/overdue badge of an open dossier read it.
// - `legalDueAt`, the legal deadline: set at filing and receipt, restarted with the papers, never moved by an
//   apology. Whether a finished dossier was early, on time or late is measured against it (the statistics and
//   the finished badges), so an apology does not launder lateness (our reading of Decision 61/2018, unconfirmed).
import { isIsoDate, localDate } from "@/lib/calendar/time";
import { workingDaysBetween, type CalendarDays } from "@/lib/calendar/working-days";

export type DueState = "on_time" | "due_soon" | "overdue" | "early" | "finished_on_time" | "late";

/** Within this many working days of the due date an open dossier is "due soon". */
const DUE_SOON_WORKING_DAYS = 2;

export interface DueDates {
  dueAt: Date | null;
  /** Absent or null: no separate legal deadline known (the date in force is the legal one). */
  legalDueAt?: Date | null;
}

/** The legal deadline: its own column, or the date in force for rows without one. */
export function legalDue(d: DueDates): Date | null {
  return d.legalDueAt ?? d.dueAt;
}

/** The legal deadline when it falls on another day than the date in force (pages show it beside), else null. */
export function differingLegalDue(d: DueDates): Date | null {
  if (!d.dueAt || !d.legalDueAt) return null;
  return localDate(d.legalDueAt) === localDate(d.dueAt) ? null : d.legalDueAt;
}

/**
 * An open dossier against its date in force (due soon, overdue); a finished one against its legal deadline
 * (early, on time, late), as the statistics count it.
 */
export function dueState(d: DueDates & { finishedAt: Date | null }, now: Date, cal: CalendarDays): DueState | null {
  if (d.finishedAt) {
    const legal = legalDue(d);
    if (!legal) return null;
    const due = localDate(legal);
    const done = localDate(d.finishedAt);
    return done < due ? "early" : done === due ? "finished_on_time" : "late";
  }
  if (!d.dueAt) return null;
  if (now.getTime() > d.dueAt.getTime()) return "overdue";
  return workingDaysBetween(localDate(now), localDate(d.dueAt), cal) <= DUE_SOON_WORKING_DAYS ? "due_soon" : "on_time";
}

/**
 * How an event moved the date in force, from its recorded data (an apology, supplied papers): the previous
 * and the new date as ISO local dates; null when the event records no new date. Older apologies recorded only
 * `newDate`: `from` is then null.
 */
export function dueChangeOf(data: unknown): { from: string | null; to: string } | null {
  if (typeof data !== "object" || data === null || Array.isArray(data)) return null;
  const { previousDate, newDate } = data as Record<string, unknown>;
  if (typeof newDate !== "string" || !isIsoDate(newDate)) return null;
  return { from: typeof previousDate === "string" && isIsoDate(previousDate) ? previousDate : null, to: newDate };
}

export const DUE_LABEL: Record<DueState, string> = {
  on_time: "Trong hạn",
  due_soon: "Sắp đến hạn",
  overdue: "Quá hạn",
  early: "Hoàn thành trước hạn",
  finished_on_time: "Hoàn thành đúng hạn",
  late: "Hoàn thành quá hạn",
};

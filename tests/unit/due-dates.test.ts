// lib/dossiers/due.ts: the date in force and the legal deadline (issue 19).
import { describe, expect, it } from "vitest";
import { differingLegalDue, dueChangeOf, dueState, legalDue } from "@/lib/dossiers/due";
import { calendarFrom } from "@/lib/calendar/working-days";

const cal = calendarFrom([]);
const at = (iso: string) => new Date(iso);

describe("due dates", () => {
  it("show the legal deadline beside the date in force only when it falls on another day (Vietnam time)", () => {
    expect(differingLegalDue({ dueAt: at("2026-12-15T10:00:00Z"), legalDueAt: at("2026-12-10T10:00:00Z") })).toEqual(
      at("2026-12-10T10:00:00Z"),
    );
    // 10:00Z and 16:59Z are the same day in Vietnam (17:00 and 23:59).
    expect(differingLegalDue({ dueAt: at("2026-12-10T16:59:00Z"), legalDueAt: at("2026-12-10T10:00:00Z") })).toBeNull();
    expect(differingLegalDue({ dueAt: at("2026-12-10T10:00:00Z"), legalDueAt: null })).toBeNull();
    expect(legalDue({ dueAt: at("2026-12-10T10:00:00Z") })).toEqual(at("2026-12-10T10:00:00Z"));
  });

  it("measure an open dossier against the date in force, a finished one against the legal deadline", () => {
    const d = { dueAt: at("2026-12-15T10:00:00Z"), legalDueAt: at("2026-12-08T10:00:00Z") };
    // Open on 11 December: past the legal deadline, but the apology's date is in force.
    expect(dueState({ ...d, finishedAt: null }, at("2026-12-11T03:00:00Z"), cal)).toBe("due_soon");
    expect(dueState({ ...d, finishedAt: null }, at("2026-12-16T03:00:00Z"), cal)).toBe("overdue");
    // Finished on 11 December: late against the legal deadline, whatever the apology promised.
    expect(dueState({ ...d, finishedAt: at("2026-12-11T03:00:00Z") }, at("2026-12-11T03:00:00Z"), cal)).toBe("late");
    expect(dueState({ dueAt: d.dueAt, finishedAt: at("2026-12-11T03:00:00Z") }, at("2026-12-11T03:00:00Z"), cal)).toBe("early");
  });

  it("read how an event moved the date in force, old apologies (new date only) included, and nothing else", () => {
    expect(dueChangeOf({ previousDate: "2026-12-08", newDate: "2026-12-15" })).toEqual({ from: "2026-12-08", to: "2026-12-15" });
    expect(dueChangeOf({ newDate: "2026-12-15" })).toEqual({ from: null, to: "2026-12-15" });
    expect(dueChangeOf({ previousDate: null, newDate: "2026-12-15", files: [] })).toEqual({ from: null, to: "2026-12-15" });
    for (const bad of [null, "2026-12-15", [], {}, { newDate: "2026-99-99" }, { newDate: 20261215 }]) expect(dueChangeOf(bad)).toBeNull();
  });
});

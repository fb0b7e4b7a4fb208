// Unit tests for the Asia/Ho_Chi_Minh calendar: local time, lunar dates, working-day deadlines and holiday suggestions.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lunarToSolar, solarToLunar } from "@/lib/calendar/lunar";
import { HOLIDAY_RULE_SETS, suggestHolidays } from "@/lib/calendar/suggest";
import { TIME_ZONE, addDays, atLocalTime, isIsoDate, localDate, localMinutes, weekday } from "@/lib/calendar/time";
import {
  CUTOFF_MINUTES,
  OFFICE_CLOSE,
  addWorkingDays,
  calendarFrom,
  countingStart,
  dueDate,
  isWorkingDay,
  nextWorkingDay,
  workingDaysBetween,
  type CalendarDays,
} from "@/lib/calendar/working-days";

interface HolidayRow {
  date: string;
  kind: "HOLIDAY" | "WORKDAY";
  name: string;
  source: string;
}

const rows: HolidayRow[] = JSON.parse(fs.readFileSync(path.join(process.cwd(), "prisma/data/holidays.json"), "utf8"));
const rowsOf = (year: number) => rows.filter((r) => r.date.startsWith(`${year}-`));
const cal2016 = calendarFrom(rowsOf(2016));
const cal2024 = calendarFrom(rowsOf(2024));
const cal2025 = calendarFrom(rowsOf(2025));
const cal2026 = calendarFrom(rowsOf(2026));
const calAll = calendarFrom(rows);
const noHolidays: CalendarDays = { holidays: new Set(), workdays: new Set() };

/** An instant given as local wall time in Asia/Ho_Chi_Minh. */
const local = (isoDate: string, hhmmss: string) => new Date(`${isoDate}T${hhmmss}+07:00`);

describe("local time in Asia/Ho_Chi_Minh", () => {
  it("is UTC+7", () => {
    expect(TIME_ZONE).toBe("Asia/Ho_Chi_Minh");
    expect(atLocalTime("2016-05-11", 17, 0).toISOString()).toBe("2016-05-11T10:00:00.000Z");
    expect(atLocalTime("2016-01-01", 0, 0).toISOString()).toBe("2015-12-31T17:00:00.000Z");
    expect(atLocalTime("2025-04-26", 7, 30).toISOString()).toBe("2025-04-26T00:30:00.000Z");
  });
  it("takes the local date, which runs 7 hours ahead of UTC", () => {
    expect(localDate(new Date("2016-04-29T16:59:59.999Z"))).toBe("2016-04-29");
    expect(localDate(new Date("2016-04-29T17:00:00.000Z"))).toBe("2016-04-30");
    expect(localDate(new Date("2024-12-31T17:00:00.000Z"))).toBe("2025-01-01");
  });
  it("counts minutes since local midnight", () => {
    expect(localMinutes(new Date("2016-04-29T09:00:00Z"))).toBe(16 * 60);
    expect(localMinutes(new Date("2016-04-29T17:00:00Z"))).toBe(0);
    expect(localMinutes(local("2025-04-25", "14:59:59"))).toBe(14 * 60 + 59);
    expect(localMinutes(new Date("1960-01-01T16:59:00Z"))).toBe(23 * 60 + 59);
  });
  it("adds days across months, leap days and years", () => {
    expect(addDays("2016-02-28", 1)).toBe("2016-02-29");
    expect(addDays("2016-02-29", 1)).toBe("2016-03-01");
    expect(addDays("2025-02-28", 1)).toBe("2025-03-01");
    expect(addDays("2015-12-31", 1)).toBe("2016-01-01");
    expect(addDays("2016-01-01", -1)).toBe("2015-12-31");
    expect(addDays("2016-04-29", 0)).toBe("2016-04-29");
  });
  it("gives the weekday, 0 = Sunday", () => {
    expect(weekday("2016-04-29")).toBe(5);
    expect(weekday("2016-05-01")).toBe(0);
    expect(weekday("2025-04-26")).toBe(6);
    expect(weekday("2026-02-17")).toBe(2);
  });
  it.each(["2025-02-29", "2025-13-01", "2025-4-1", "20250401", "", "2025-04-01T00:00"])("rejects %j as a date", (bad) => {
    expect(isIsoDate(bad)).toBe(false);
    expect(() => addDays(bad, 1)).toThrow(RangeError);
  });
  it("rejects the year 0000, which JavaScript parses and PostgreSQL refuses", () => {
    expect(isIsoDate("0000-01-01")).toBe(false);
    expect(isIsoDate("0001-01-01")).toBe(true);
  });
  it("rejects impossible wall times", () => {
    expect(() => atLocalTime("2025-01-01", 24, 0)).toThrow(RangeError);
    expect(() => atLocalTime("2025-01-01", 10, 60)).toThrow(RangeError);
  });
});

describe("Vietnamese lunar calendar (UTC+7)", () => {
  it.each([
    [2016, "2016-02-08"],
    [2020, "2020-01-25"],
    [2024, "2024-02-10"],
    [2025, "2025-01-29"],
    [2026, "2026-02-17"],
  ])("Tết (1/1 lunar) %i is %s", (year, iso) => {
    expect(lunarToSolar(1, 1, year)).toBe(iso);
    expect(solarToLunar(iso)).toEqual({ day: 1, month: 1, year, leap: false });
  });
  it.each([
    [2016, "2016-04-16"],
    [2024, "2024-04-18"],
    [2025, "2025-04-07"],
    [2026, "2026-04-26"],
  ])("Giỗ Tổ Hùng Vương (10/3 lunar) %i is %s", (year, iso) => {
    expect(lunarToSolar(10, 3, year)).toBe(iso);
    expect(solarToLunar(iso)).toEqual({ day: 10, month: 3, year, leap: false });
  });
  it("uses Vietnam's time zone, not China's: Tết 1985 and 2007 differ from the Chinese New Year", () => {
    expect(lunarToSolar(1, 1, 1985)).toBe("1985-01-21");
    expect(lunarToSolar(1, 1, 2007)).toBe("2007-02-17");
  });
  it("puts the last day of the lunar year (29 or 30 tháng Chạp) just before Tết", () => {
    expect(solarToLunar("2016-02-07")).toEqual({ day: 29, month: 12, year: 2015, leap: false });
    expect(solarToLunar("2025-01-28")).toEqual({ day: 29, month: 12, year: 2024, leap: false });
    expect(solarToLunar("2026-02-16")).toEqual({ day: 29, month: 12, year: 2025, leap: false });
    expect(solarToLunar("2020-01-24")).toEqual({ day: 30, month: 12, year: 2019, leap: false });
  });
  it("handles leap months: 2/2023, 4/2020 and 6/2025", () => {
    expect(lunarToSolar(1, 2, 2023, true)).toBe("2023-03-22");
    expect(solarToLunar("2023-03-22")).toEqual({ day: 1, month: 2, year: 2023, leap: true });
    expect(lunarToSolar(1, 2, 2023)).toBe("2023-02-20");
    expect(lunarToSolar(1, 4, 2020, true)).toBe("2020-05-23");
    expect(lunarToSolar(1, 6, 2025, true)).toBe("2025-07-25");
    expect(lunarToSolar(1, 3, 2023)).toBe("2023-04-20");
  });
  it("rejects lunar dates that do not exist", () => {
    expect(() => lunarToSolar(1, 3, 2025, true)).toThrow(RangeError);
    expect(() => lunarToSolar(1, 1, 2024, true)).toThrow(RangeError);
    expect(() => lunarToSolar(30, 12, 2024)).toThrow(RangeError); // tháng Chạp Giáp Thìn had 29 days
    expect(() => lunarToSolar(0, 1, 2025)).toThrow(RangeError);
    expect(() => lunarToSolar(1, 13, 2025)).toThrow(RangeError);
    expect(() => lunarToSolar(1, 1, 1800)).toThrow(RangeError);
  });
  it("round-trips every day from 2013 to 2026", () => {
    let day = "2013-01-01";
    while (day <= "2026-12-31") {
      const l = solarToLunar(day);
      expect(lunarToSolar(l.day, l.month, l.year, l.leap)).toBe(day);
      day = addDays(day, 1);
    }
  });
});

describe("holidays.json", () => {
  it("lists only weekdays as HOLIDAY and only weekend days as WORKDAY, each date once, in order", () => {
    for (const r of rows) {
      const wd = weekday(r.date);
      expect(r.kind === "HOLIDAY" ? wd >= 1 && wd <= 5 : wd === 0 || wd === 6, `${r.date} ${r.kind}`).toBe(true);
      expect(r.name.length).toBeGreaterThan(0);
      expect(r.source.length).toBeGreaterThan(0);
    }
    const dates = rows.map((r) => r.date);
    expect(new Set(dates).size).toBe(dates.length);
    expect([...dates].sort()).toEqual(dates);
  });
  it("covers 2016, 2024, 2025 and 2026", () => {
    for (const y of [2016, 2024, 2025, 2026]) expect(rowsOf(y).length).toBeGreaterThan(5);
  });
  it("has the working-day dates of Tết as holidays", () => {
    for (const d of ["2016-02-08", "2016-02-12", "2024-02-08", "2024-02-14", "2025-01-27", "2025-01-31", "2026-02-16", "2026-02-20"]) {
      expect(calAll.holidays.has(d), d).toBe(true);
    }
    expect(isWorkingDay("2016-02-15", calAll)).toBe(true);
    expect(isWorkingDay("2024-02-15", calAll)).toBe(true);
    expect(isWorkingDay("2025-02-03", calAll)).toBe(true);
    expect(isWorkingDay("2026-02-23", calAll)).toBe(true);
  });
  it("has the swapped Saturdays as working days", () => {
    expect([...calAll.workdays].sort()).toEqual(["2024-05-04", "2025-04-26", "2026-01-10"]);
  });
});

describe("isWorkingDay / nextWorkingDay / addWorkingDays", () => {
  it("treats Monday–Friday as working and weekends as not, by default", () => {
    expect(isWorkingDay("2016-04-29", noHolidays)).toBe(true);
    expect(isWorkingDay("2016-04-30", noHolidays)).toBe(false);
    expect(isWorkingDay("2016-05-01", noHolidays)).toBe(false);
    expect(isWorkingDay("2016-05-02", noHolidays)).toBe(true);
  });
  it("applies holidays and swapped Saturdays", () => {
    expect(isWorkingDay("2016-05-02", cal2016)).toBe(false);
    expect(isWorkingDay("2025-04-26", cal2025)).toBe(true);
    expect(isWorkingDay("2025-05-02", cal2025)).toBe(false);
    expect(isWorkingDay("2025-04-27", cal2025)).toBe(false);
  });
  it("moves strictly forward to the next working day", () => {
    expect(nextWorkingDay("2016-04-28", cal2016)).toBe("2016-04-29");
    expect(nextWorkingDay("2016-04-29", cal2016)).toBe("2016-05-04");
    expect(nextWorkingDay("2016-04-29", noHolidays)).toBe("2016-05-02");
    expect(nextWorkingDay("2025-04-25", cal2025)).toBe("2025-04-26");
    expect(nextWorkingDay("2025-04-29", cal2025)).toBe("2025-05-05");
    expect(nextWorkingDay("2025-01-24", cal2025)).toBe("2025-02-03");
    expect(nextWorkingDay("2026-02-13", cal2026)).toBe("2026-02-23");
  });
  it("adds working days strictly after the start, and n = 0 is the start itself", () => {
    expect(addWorkingDays("2016-04-29", 5, noHolidays)).toBe("2016-05-06");
    expect(addWorkingDays("2016-05-04", 5, cal2016)).toBe("2016-05-11");
    expect(addWorkingDays("2016-04-30", 0, cal2016)).toBe("2016-04-30");
    expect(addWorkingDays("2016-02-05", 1, cal2016)).toBe("2016-02-15");
    expect(addWorkingDays("2024-04-26", 2, cal2024)).toBe("2024-05-03"); // 29/4 swapped, 30/4, 1/5 off
    expect(addWorkingDays("2024-05-03", 1, cal2024)).toBe("2024-05-04");
  });
  it("counts backwards for negative n", () => {
    expect(addWorkingDays("2016-05-04", -1, cal2016)).toBe("2016-04-29");
    expect(addWorkingDays("2025-02-03", -2, cal2025)).toBe("2025-01-23");
  });
  it("rejects fractional counts and gives up on a calendar with no working days", () => {
    expect(() => addWorkingDays("2016-05-04", 1.5, cal2016)).toThrow(RangeError);
    const everyDay = new Set<string>();
    for (let d = "2030-01-01"; d <= "2031-12-31"; d = addDays(d, 1)) everyDay.add(d);
    expect(() => nextWorkingDay("2030-01-01", { holidays: everyDay, workdays: new Set() })).toThrow(RangeError);
  });
});

describe("countingStart: the 15:00 cut-off", () => {
  it("exposes the cut-off and office hours", () => {
    expect(CUTOFF_MINUTES).toBe(900);
    expect(OFFICE_CLOSE).toEqual({ hh: 17, mm: 0 });
  });
  it("counts from the same day when received at 14:59 on Tuesday 2016-05-10", () => {
    expect(countingStart(local("2016-05-10", "14:59:00"), cal2016)).toBe("2016-05-10");
  });
  it("counts from the same day when received at exactly 15:00:00 on Tuesday 2016-05-10", () => {
    expect(countingStart(local("2016-05-10", "15:00:00"), cal2016)).toBe("2016-05-10");
  });
  it("counts from the next day, Wednesday 2016-05-11, when received at 15:01 on Tuesday 2016-05-10", () => {
    expect(countingStart(local("2016-05-10", "15:01:00"), cal2016)).toBe("2016-05-11");
    expect(countingStart(local("2016-05-10", "15:00:01"), cal2016)).toBe("2016-05-11");
    expect(countingStart(local("2016-05-10", "23:59:59"), cal2016)).toBe("2016-05-11");
  });
  it("counts from the receipt day at 00:00 local, which is still the previous day in UTC", () => {
    expect(countingStart(new Date("2016-05-09T17:00:00Z"), cal2016)).toBe("2016-05-10");
  });
  it("counts a dossier received on Saturday 2016-05-07 from Monday 2016-05-09", () => {
    expect(countingStart(local("2016-05-07", "09:00:00"), cal2016)).toBe("2016-05-09");
  });
  it("counts a dossier received on the make-up holiday Monday 2016-05-02 from Wednesday 2016-05-04", () => {
    expect(countingStart(local("2016-05-02", "09:00:00"), cal2016)).toBe("2016-05-04");
  });
  it("counts a dossier received on the worked Saturday 2025-04-26 at 10:00 from that Saturday", () => {
    expect(countingStart(local("2025-04-26", "10:00:00"), cal2025)).toBe("2025-04-26");
  });
});

describe("dueDate", () => {
  it("filing at 16:00 on Friday 2016-04-29 with 5 working days starts Wednesday 2016-05-04 and is due Wednesday 2016-05-11 at 17:00 (2016-05-11T10:00:00.000Z)", () => {
    const receivedAt = atLocalTime("2016-04-29", 16, 0);
    expect(receivedAt.toISOString()).toBe("2016-04-29T09:00:00.000Z");
    // after 15:00 → next working day; 30/4–1/5 weekend; 2/5 and 3/5 make-up days
    expect(countingStart(receivedAt, cal2016)).toBe("2016-05-04");
    const due = dueDate(receivedAt, 5, cal2016);
    expect(due.date).toBe("2016-05-11");
    expect(weekday(due.date)).toBe(3);
    expect(due.dueAt.toISOString()).toBe("2016-05-11T10:00:00.000Z");
  });
  it("filing at 14:00 on Friday 2016-04-29 with 5 working days is due Tuesday 2016-05-10", () => {
    expect(dueDate(local("2016-04-29", "14:00:00"), 5, cal2016).date).toBe("2016-05-10");
  });
  it("filing at 10:00 on Friday 2025-04-25 with 1 working day is due on the worked Saturday 2025-04-26", () => {
    const due = dueDate(local("2025-04-25", "10:00:00"), 1, cal2025);
    expect(due.date).toBe("2025-04-26");
    expect(due.dueAt.toISOString()).toBe("2025-04-26T10:00:00.000Z");
  });
  it("filing at 10:00 on Tuesday 2025-04-29 with 1 working day skips 30/4, 1/5, the swapped Friday 2/5 and the weekend: due Monday 2025-05-05", () => {
    expect(dueDate(local("2025-04-29", "10:00:00"), 1, cal2025).date).toBe("2025-05-05");
  });
  it("filing at 09:00 on Friday 2025-01-24 with 1 working day spans Tết 2025: due Monday 2025-02-03", () => {
    expect(dueDate(local("2025-01-24", "09:00:00"), 1, cal2025).date).toBe("2025-02-03");
  });
  it("filing at 16:00 on Friday 2025-01-24 with 3 working days counts from Monday 2025-02-03 and is due Thursday 2025-02-06", () => {
    expect(countingStart(local("2025-01-24", "16:00:00"), cal2025)).toBe("2025-02-03");
    expect(dueDate(local("2025-01-24", "16:00:00"), 3, cal2025).date).toBe("2025-02-06");
  });
  it("filing at 16:00 on Wednesday 2024-02-07 with 1 working day counts from Thursday 2024-02-15 and is due Friday 2024-02-16", () => {
    expect(dueDate(local("2024-02-07", "16:00:00"), 1, cal2024).date).toBe("2024-02-16");
  });
  it("filing at 11:00 on Wednesday 2025-12-31 with 2 working days is due Tuesday 2026-01-06 (1/1 and the swapped 2/1 off)", () => {
    expect(dueDate(local("2025-12-31", "11:00:00"), 2, calAll).date).toBe("2026-01-06");
  });
  it("0 working days means the counting-start date itself", () => {
    expect(dueDate(local("2016-04-29", "16:00:00"), 0, cal2016).date).toBe("2016-05-04");
    expect(dueDate(local("2016-05-10", "09:00:00"), 0, cal2016).date).toBe("2016-05-10");
  });
  it("rejects negative or fractional processing times", () => {
    expect(() => dueDate(local("2016-05-10", "09:00:00"), -1, cal2016)).toThrow(RangeError);
    expect(() => dueDate(local("2016-05-10", "09:00:00"), 2.5, cal2016)).toThrow(RangeError);
  });
});

describe("workingDaysBetween", () => {
  it("counts working days d with from < d <= to", () => {
    expect(workingDaysBetween("2016-04-29", "2016-05-11", cal2016)).toBe(6);
    expect(workingDaysBetween("2016-05-04", "2016-05-11", cal2016)).toBe(5);
    expect(workingDaysBetween("2016-04-29", "2016-05-03", cal2016)).toBe(0);
    expect(workingDaysBetween("2016-05-10", "2016-05-10", cal2016)).toBe(0);
    expect(workingDaysBetween("2025-01-24", "2025-02-03", cal2025)).toBe(1);
    expect(workingDaysBetween("2025-04-25", "2025-05-05", cal2025)).toBe(4); // 26/4, 28/4, 29/4, 5/5
  });
  it("is negative when to is before from", () => {
    expect(workingDaysBetween("2016-05-11", "2016-04-29", cal2016)).toBe(-6);
    expect(workingDaysBetween("2025-02-03", "2025-01-24", cal2025)).toBe(-1);
  });
  it("counts a whole year: 2025 has 365 days less weekends and holidays plus the swapped Saturday", () => {
    let weekdays = 0;
    for (let d = "2025-01-01"; d <= "2025-12-31"; d = addDays(d, 1)) if (weekday(d) >= 1 && weekday(d) <= 5) weekdays++;
    const holidays = rowsOf(2025).filter((r) => r.kind === "HOLIDAY").length;
    expect(workingDaysBetween("2024-12-31", "2025-12-31", cal2025)).toBe(weekdays - holidays + 1);
  });
  it("agrees with addWorkingDays", () => {
    for (const start of ["2016-04-29", "2016-02-05", "2025-04-24", "2025-01-20"]) {
      for (const n of [0, 1, 3, 7, 20]) {
        expect(workingDaysBetween(start, addWorkingDays(start, n, calAll), calAll)).toBe(n);
      }
    }
  });
});

describe("calendarFrom", () => {
  it("splits rows by kind", () => {
    const cal = calendarFrom([
      { date: "2025-05-02", kind: "HOLIDAY" },
      { date: "2025-04-26", kind: "WORKDAY" },
    ]);
    expect([...cal.holidays]).toEqual(["2025-05-02"]);
    expect([...cal.workdays]).toEqual(["2025-04-26"]);
  });
  it("rejects a date listed as both kinds, and malformed dates", () => {
    expect(() =>
      calendarFrom([
        { date: "2025-04-26", kind: "WORKDAY" },
        { date: "2025-04-26", kind: "HOLIDAY" },
      ]),
    ).toThrow(RangeError);
    expect(() => calendarFrom([{ date: "26/04/2025", kind: "WORKDAY" }])).toThrow(RangeError);
  });
});

describe("suggestHolidays", () => {
  const datesNamed = (list: ReturnType<typeof suggestHolidays>, name: string) => list.filter((d) => d.name === name).map((d) => d.date);

  it("2016 (Labour Code 2012): Tết Bính Thân 2016-02-07..2016-02-11 with the Sunday made up on Friday 2016-02-12", () => {
    const s = suggestHolidays(2016);
    expect(datesNamed(s, "Tết Nguyên đán")).toEqual(["2016-02-07", "2016-02-08", "2016-02-09", "2016-02-10", "2016-02-11"]);
    expect(datesNamed(s, "Nghỉ bù Tết Nguyên đán")).toEqual(["2016-02-12"]);
    expect(s.find((d) => d.date === "2016-02-08")?.note).toContain("1/1 âm lịch");
  });
  it("2016: Giỗ Tổ Hùng Vương on Saturday 2016-04-16, made up on Monday 2016-04-18", () => {
    const s = suggestHolidays(2016);
    expect(datesNamed(s, "Giỗ Tổ Hùng Vương")).toEqual(["2016-04-16"]);
    expect(datesNamed(s, "Nghỉ bù Giỗ Tổ Hùng Vương")).toEqual(["2016-04-18"]);
  });
  it("2016: 30/4 (Saturday) and 1/5 (Sunday) made up on Monday 2016-05-02 and Tuesday 2016-05-03", () => {
    const s = suggestHolidays(2016);
    expect(datesNamed(s, "Nghỉ bù Ngày Chiến thắng")).toEqual(["2016-05-02"]);
    expect(datesNamed(s, "Nghỉ bù Ngày Quốc tế Lao động")).toEqual(["2016-05-03"]);
  });
  it("2016: Quốc khánh is one day, Friday 2016-09-02", () => {
    expect(datesNamed(suggestHolidays(2016), "Quốc khánh")).toEqual(["2016-09-02"]);
  });
  it("2016: the suggested weekday holidays are exactly the official 2016 rows", () => {
    const suggested = suggestHolidays(2016)
      .filter((d) => weekday(d.date) >= 1 && weekday(d.date) <= 5)
      .map((d) => d.date);
    expect(suggested).toEqual(
      rowsOf(2016)
        .filter((r) => r.kind === "HOLIDAY")
        .map((r) => r.date),
    );
  });
  it("2025 (Labour Code 2019): Tết Ất Tỵ 2025-01-28..2025-02-01, Saturday made up on Monday 2025-02-03; Hùng Kings Monday 2025-04-07", () => {
    const s = suggestHolidays(2025);
    expect(datesNamed(s, "Tết Nguyên đán")).toEqual(["2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31", "2025-02-01"]);
    expect(datesNamed(s, "Nghỉ bù Tết Nguyên đán")).toEqual(["2025-02-03"]);
    expect(datesNamed(s, "Giỗ Tổ Hùng Vương")).toEqual(["2025-04-07"]);
    expect(datesNamed(s, "Ngày Chiến thắng")).toEqual(["2025-04-30"]);
    expect(datesNamed(s, "Ngày Quốc tế Lao động")).toEqual(["2025-05-01"]);
  });
  it.each([
    [2021, ["2021-09-02", "2021-09-03"]], // Thursday → Friday
    [2022, ["2022-09-01", "2022-09-02"]], // Friday → Thursday
    [2023, ["2023-09-01", "2023-09-02"]], // Saturday → Friday, plus make-up Monday
    [2024, ["2024-09-02", "2024-09-03"]], // Monday → Tuesday
    [2025, ["2025-09-01", "2025-09-02"]], // Tuesday → Monday
    [2026, ["2026-09-01", "2026-09-02"]], // Wednesday → Tuesday
  ])("Quốc khánh %i gets 2/9 plus the adjacent day joining a weekend: %j", (year, expected) => {
    expect(datesNamed(suggestHolidays(year), "Quốc khánh")).toEqual(expected);
  });
  it("2023: Quốc khánh on Saturday is made up on Monday 2023-09-04", () => {
    expect(datesNamed(suggestHolidays(2023), "Nghỉ bù Quốc khánh")).toEqual(["2023-09-04"]);
  });
  it("2020 (still Labour Code 2012) has no adjacent day and a 5-day Tết from 2020-01-24", () => {
    const s = suggestHolidays(2020);
    expect(datesNamed(s, "Quốc khánh")).toEqual(["2020-09-02"]);
    expect(datesNamed(s, "Tết Nguyên đán")[0]).toBe("2020-01-24");
  });
  it("2026: Hùng Kings on Sunday 2026-04-26 is made up on Monday 2026-04-27, as officially announced", () => {
    const s = suggestHolidays(2026);
    expect(datesNamed(s, "Nghỉ bù Giỗ Tổ Hùng Vương")).toEqual(["2026-04-27"]);
    expect(datesNamed(s, "Tết Nguyên đán")).toEqual(["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"]);
  });
  it("uses the Vietnamese names and only suggests holidays, sorted by date", () => {
    const s = suggestHolidays(2024);
    const names = new Set(s.map((d) => d.name));
    for (const n of ["Tết Dương lịch", "Tết Nguyên đán", "Giỗ Tổ Hùng Vương", "Ngày Chiến thắng", "Ngày Quốc tế Lao động", "Quốc khánh"]) {
      expect(names.has(n), n).toBe(true);
    }
    expect(s.every((d) => d.kind === "HOLIDAY")).toBe(true);
    const dates = s.map((d) => d.date);
    expect([...dates].sort()).toEqual(dates);
    expect(() => calendarFrom(s)).not.toThrow();
  });
  it("keeps the rules as dated data and refuses years before them", () => {
    expect(HOLIDAY_RULE_SETS.map((r) => [r.from, r.until])).toEqual([
      ["2013-05-01", "2020-12-31"],
      ["2021-01-01", undefined],
    ]);
    expect(() => suggestHolidays(2012)).toThrow(RangeError);
    // The 2012 code took effect on 1 May 2013, so 2013 only gets the holidays from then on.
    expect(suggestHolidays(2013).every((d) => d.date >= "2013-05-01")).toBe(true);
  });
});

// Default holiday rows for a year, computed from the Labour Code, for an admin to confirm or edit before they count.
// The Prime Minister fixes the actual Tết days and any swapped Saturdays each year, so nothing here is authoritative.
import { lunarToSolar, solarToLunar } from "@/lib/calendar/lunar";
import { addDays, weekday } from "@/lib/calendar/time";

export interface SuggestedDay {
  date: string;
  name: string;
  kind: "HOLIDAY" | "WORKDAY";
  note?: string;
}

type Side = -1 | 1;

type DaySpec =
  | { calendar: "solar"; month: number; day: number }
  /** `offset` counts solar days from the lunar date, so the last day of the old year is 1/1 with offset −1 whatever its length. */
  | { calendar: "lunar"; month: number; day: number; offset?: number }
  /** The day before or after a solar anchor; `sideByWeekday[w]` is the side when the anchor falls on weekday w (0 = Sunday). */
  | { calendar: "adjacent"; month: number; day: number; sideByWeekday: readonly [Side, Side, Side, Side, Side, Side, Side] };

interface HolidayRule {
  name: string;
  on: DaySpec;
  note?: string;
}

export interface HolidayRuleSet {
  basis: string;
  /** ISO dates, inclusive: a holiday is suggested only if its own date lies in this range. */
  from: string;
  until?: string;
  rules: readonly HolidayRule[];
}

const TET: readonly HolidayRule[] = [-1, 0, 1, 2, 3].map((offset) => ({
  name: "Tết Nguyên đán",
  on: { calendar: "lunar", month: 1, day: 1, offset },
}));

const COMMON: readonly HolidayRule[] = [
  { name: "Tết Dương lịch", on: { calendar: "solar", month: 1, day: 1 } },
  ...TET,
  { name: "Giỗ Tổ Hùng Vương", on: { calendar: "lunar", month: 3, day: 10 } },
  { name: "Ngày Chiến thắng", on: { calendar: "solar", month: 4, day: 30 } },
  { name: "Ngày Quốc tế Lao động", on: { calendar: "solar", month: 5, day: 1 } },
  { name: "Quốc khánh", on: { calendar: "solar", month: 9, day: 2 } },
];

// The 2019 code leaves the choice of the day next to 2/9 open. We take the side that joins a weekend, which is
// what the notices of 2021–2025 did: Thursday 2/9 (2021) → 3/9; Friday (2022) and Saturday (2023) → 1/9;
// Monday (2024) → 3/9; Tuesday (2025) → 1/9. Wednesday joins nothing either way, so we follow the 2026 proposal (1/9);
// Sunday takes Monday 3/9, and the Sunday itself is made up on Tuesday.
const NATIONAL_DAY_SIDE = [1, 1, -1, -1, 1, -1, -1] as const;

export const HOLIDAY_RULE_SETS: readonly HolidayRuleSet[] = [
  {
    basis: "Bộ luật Lao động 2012, Điều 115",
    from: "2013-05-01",
    until: "2020-12-31",
    rules: COMMON,
  },
  {
    basis: "Bộ luật Lao động 2019, Điều 112",
    from: "2021-01-01",
    rules: [
      ...COMMON,
      {
        name: "Quốc khánh",
        on: { calendar: "adjacent", month: 9, day: 2, sideByWeekday: NATIONAL_DAY_SIDE },
        note: "Ngày liền kề Quốc khánh",
      },
    ],
  },
];

const WEEKDAY_NAMES = ["Chủ nhật", "thứ Bảy"] as const;

function solarIso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function resolve(spec: DaySpec, year: number): string {
  switch (spec.calendar) {
    case "solar":
      return solarIso(year, spec.month, spec.day);
    case "lunar":
      return addDays(lunarToSolar(spec.day, spec.month, year), spec.offset ?? 0);
    case "adjacent": {
      const anchor = solarIso(year, spec.month, spec.day);
      return addDays(anchor, spec.sideByWeekday[weekday(anchor)] ?? 1);
    }
  }
}

function lunarNote(isoDate: string): string {
  const l = solarToLunar(isoDate);
  return `${l.day}/${l.month}${l.leap ? " nhuận" : ""} âm lịch`;
}

function isWeekend(isoDate: string): boolean {
  const wd = weekday(isoDate);
  return wd === 0 || wd === 6;
}

export function suggestHolidays(year: number): SuggestedDay[] {
  const first = HOLIDAY_RULE_SETS[0];
  if (!Number.isInteger(year) || !first || year < Number(first.from.slice(0, 4))) {
    throw new RangeError(`No holiday rules are encoded for ${year} (they start on ${first?.from ?? "?"})`);
  }

  const statutory: SuggestedDay[] = [];
  for (const set of HOLIDAY_RULE_SETS) {
    for (const rule of set.rules) {
      const date = resolve(rule.on, year);
      if (date < set.from || (set.until !== undefined && date > set.until)) continue;
      const notes = [rule.note, rule.on.calendar === "lunar" ? lunarNote(date) : undefined].filter((n): n is string => !!n);
      statutory.push({ date, name: rule.name, kind: "HOLIDAY", ...(notes.length ? { note: notes.join("; ") } : {}) });
    }
  }
  statutory.sort((a, b) => a.date.localeCompare(b.date));

  // A holiday on Saturday or Sunday is made up on the next day that is neither a weekend nor already off, taking
  // them in date order so that a weekend inside Tết is made up after the whole Tết block.
  const off = new Set(statutory.map((d) => d.date));
  const result: SuggestedDay[] = [];
  for (const day of statutory) {
    if (!isWeekend(day.date)) {
      result.push(day);
      continue;
    }
    let makeUp = addDays(day.date, 1);
    while (isWeekend(makeUp) || off.has(makeUp)) makeUp = addDays(makeUp, 1);
    off.add(makeUp);
    const dayName = WEEKDAY_NAMES[weekday(day.date) === 0 ? 0 : 1];
    const weekendNote = `Trùng ${dayName}, nghỉ bù ngày ${makeUp}`;
    result.push({ ...day, note: day.note ? `${day.note}; ${weekendNote}` : weekendNote });
    result.push({ date: makeUp, name: `Nghỉ bù ${day.name}`, kind: "HOLIDAY", note: `Bù cho ${day.name} ngày ${day.date} (${dayName})` });
  }
  return result.sort((a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name));
}

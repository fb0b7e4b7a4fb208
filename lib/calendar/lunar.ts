// Vietnamese lunar calendar, needed to place Tết and Giỗ Tổ Hùng Vương on solar dates.
// Hồ Ngọc Đức's algorithm: months start on the local day of the astronomical new moon and the leap month is the
// first one without a major solar term. It must be computed for UTC+7: the Chinese calendar (UTC+8) sometimes
// puts a new moon on the next day, which is why Tết 1985 and 2007 differ between the two countries.
import { isoDateToUtcMs, utcMsToIsoDate } from "@/lib/calendar/time";

export interface LunarDate {
  day: number;
  month: number;
  year: number;
  leap: boolean;
}

const TZ_HOURS = 7;
const DAY_MS = 86_400_000;
const JD_UNIX_EPOCH = 2_440_588; // Julian day number of 1970-01-01
const SYNODIC_MONTH = 29.530588853;
const JD_NEW_MOON_1900 = 2_415_021.076998695; // new moon of 1900-01-01, the series' k = 0
// The truncated series below is accurate to well within a day over this span; outside it we refuse rather than guess.
const MIN_YEAR = 1900;
const MAX_YEAR = 2199;

const dr = Math.PI / 180;

function jdFromIso(isoDate: string): number {
  return Math.floor(isoDateToUtcMs(isoDate) / DAY_MS) + JD_UNIX_EPOCH;
}

function isoFromJd(jd: number): string {
  return utcMsToIsoDate((jd - JD_UNIX_EPOCH) * DAY_MS);
}

/** Julian date (fractional, UT) of the k-th new moon after 1900-01-01 (Meeus, abridged). */
function newMoon(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * dr);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3;
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3;
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3;
  let c1 = (0.1734 - 0.000393 * T) * Math.sin(M * dr) + 0.0021 * Math.sin(2 * dr * M);
  c1 = c1 - 0.4068 * Math.sin(Mpr * dr) + 0.0161 * Math.sin(dr * 2 * Mpr);
  c1 = c1 - 0.0004 * Math.sin(dr * 3 * Mpr);
  c1 = c1 + 0.0104 * Math.sin(dr * 2 * F) - 0.0051 * Math.sin(dr * (M + Mpr));
  c1 = c1 - 0.0074 * Math.sin(dr * (M - Mpr)) + 0.0004 * Math.sin(dr * (2 * F + M));
  c1 = c1 - 0.0004 * Math.sin(dr * (2 * F - M)) - 0.0006 * Math.sin(dr * (2 * F + Mpr));
  c1 = c1 + 0.001 * Math.sin(dr * (2 * F - Mpr)) + 0.0005 * Math.sin(dr * (2 * Mpr + M));
  const deltaT =
    T < -11 ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3 : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd1 + c1 - deltaT;
}

/** Sun's apparent longitude in radians [0, 2π) at Julian date `jd`. */
function sunLongitude(jd: number): number {
  const T = (jd - 2451545.0) / 36525;
  const T2 = T * T;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(dr * M);
  DL = DL + (0.019993 - 0.000101 * T) * Math.sin(dr * 2 * M) + 0.00029 * Math.sin(dr * 3 * M);
  const L = (L0 + DL) * dr;
  return L - Math.PI * 2 * Math.floor(L / (Math.PI * 2));
}

/** Julian day number of the local (UTC+7) day on which the k-th new moon falls. */
function newMoonDay(k: number): number {
  return Math.floor(newMoon(k) + 0.5 + TZ_HOURS / 24);
}

/** Which 30° sector (0..11) the sun is in at the start of local day `dayNumber`; sector 9 begins at the winter solstice. */
function sunSector(dayNumber: number): number {
  return Math.floor((sunLongitude(dayNumber - 0.5 - TZ_HOURS / 24) / Math.PI) * 6);
}

/** Start of the 11th lunar month of solar year `yy`: the month that contains the winter solstice. */
function lunarMonth11(yy: number): number {
  const off = jdFromIso(`${String(yy).padStart(4, "0")}-12-31`) - 2415021;
  const k = Math.floor(off / SYNODIC_MONTH);
  const nm = newMoonDay(k);
  return sunSector(nm) >= 9 ? newMoonDay(k - 1) : nm;
}

/** In a 13-month lunar year starting at month 11 `a11`, the offset of the leap month (the first without a solar term change). */
function leapMonthOffset(a11: number): number {
  const k = Math.floor((a11 - JD_NEW_MOON_1900) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let arc = sunSector(newMoonDay(k + i));
  let last: number;
  do {
    last = arc;
    i++;
    arc = sunSector(newMoonDay(k + i));
  } while (arc !== last && i < 14);
  return i - 1;
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`Lunar conversion supports years ${MIN_YEAR}–${MAX_YEAR}, got ${year}`);
  }
}

export function solarToLunar(isoDate: string): LunarDate {
  const dayNumber = jdFromIso(isoDate);
  const yy = Number(isoDate.slice(0, 4));
  checkYear(yy);
  const k = Math.floor((dayNumber - JD_NEW_MOON_1900) / SYNODIC_MONTH);
  let monthStart = newMoonDay(k + 1);
  if (monthStart > dayNumber) monthStart = newMoonDay(k);
  let a11 = lunarMonth11(yy);
  let b11 = a11;
  let year: number;
  if (a11 >= monthStart) {
    year = yy;
    a11 = lunarMonth11(yy - 1);
  } else {
    year = yy + 1;
    b11 = lunarMonth11(yy + 1);
  }
  const day = dayNumber - monthStart + 1;
  const diff = Math.floor((monthStart - a11) / 29);
  let leap = false;
  let month = diff + 11;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11);
    if (diff >= leapDiff) {
      month = diff + 10;
      if (diff === leapDiff) leap = true;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && diff < 4) year -= 1;
  return { day, month, year, leap };
}

/** ISO solar date of a lunar date; throws RangeError for a day or leap month that does not exist that year. */
export function lunarToSolar(day: number, month: number, year: number, leap = false): string {
  checkYear(year);
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`Lunar month out of range: ${month}`);
  if (!Number.isInteger(day) || day < 1 || day > 30) throw new RangeError(`Lunar day out of range: ${day}`);
  const a11 = month < 11 ? lunarMonth11(year - 1) : lunarMonth11(year);
  const b11 = month < 11 ? lunarMonth11(year) : lunarMonth11(year + 1);
  const k = Math.floor(0.5 + (a11 - JD_NEW_MOON_1900) / SYNODIC_MONTH);
  let off = month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11);
    let leapMonth = leapOff - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (leap && month !== leapMonth) throw new RangeError(`Lunar year ${year} has no leap month ${month}`);
    if (leap || off >= leapOff) off += 1;
  } else if (leap) {
    throw new RangeError(`Lunar year ${year} has no leap month`);
  }
  const monthStart = newMoonDay(k + off);
  // Months have 29 or 30 days; day 30 of a short month would silently be the next month's first day.
  if (monthStart + day - 1 >= newMoonDay(k + off + 1)) {
    throw new RangeError(`Lunar month ${month}${leap ? " (leap)" : ""} of ${year} has no day ${day}`);
  }
  return isoFromJd(monthStart + day - 1);
}

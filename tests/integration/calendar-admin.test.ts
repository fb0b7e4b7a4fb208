// Integration tests of the VPCP administrators' calendar upkeep (lib/calendar/admin.ts) against the database.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { addSuggestedHolidays, calendarYear, deleteCalendarDay, saveCalendarDay } from "@/lib/calendar/admin";
import { lunarToSolar } from "@/lib/calendar/lunar";
import { suggestHolidays } from "@/lib/calendar/suggest";
import { addDays, weekday } from "@/lib/calendar/time";
import { db } from "@/lib/db/client";
import { signInAs } from "../support/filing";
import { viaSession } from "@/lib/auth/session-actor";

const signInAdmin = () => signInAs("quantri@vpcp.example", "VanPhong@2026");
const signInCitizen = () => signInAs("congdan@dichvucong.example", "CongDan@2026");

// Years far from today, so that deadlines computed by other test files never meet these rows.
const YEAR = 2099;
const SUGGESTED_YEAR = 2030;
const dbDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
const inYear = (year: number) => ({ date: { gte: dbDate(`${year}-01-01`), lt: dbDate(`${year + 1}-01-01`) } });
const isWeekend = (iso: string) => weekday(iso) === 0 || weekday(iso) === 6;

/** The first date on or after `from` that falls on weekday `wd` (0 = Sunday). */
function onWeekday(from: string, wd: number): string {
  let d = from;
  while (weekday(d) !== wd) d = addDays(d, 1);
  return d;
}

const TUESDAY = onWeekday(`${YEAR}-03-01`, 2);
const SUNDAY = onWeekday(`${YEAR}-03-01`, 0);
const SATURDAY = onWeekday(`${YEAR}-03-01`, 6);

async function clean() {
  await db.calendarDay.deleteMany({ where: { OR: [inYear(YEAR), inYear(SUGGESTED_YEAR)] } });
}
beforeAll(clean);
afterAll(clean);

describe("calendar upkeep by the VPCP admin", () => {
  let adminId: string;
  beforeEach(async () => {
    adminId = (await signInAdmin()).userId;
  });

  it("saves a holiday on a weekday, with an audit event, and counts it out of the working days", async () => {
    const before = await calendarYear(YEAR);
    const r = await viaSession(saveCalendarDay, { date: TUESDAY, kind: "HOLIDAY", name: "Nghỉ thử nghiệm" });
    expect(r).toEqual({ ok: true, data: { date: TUESDAY, created: true } });
    const row = await db.calendarDay.findUniqueOrThrow({ where: { date: dbDate(TUESDAY) } });
    expect(row).toMatchObject({ kind: "HOLIDAY", name: "Nghỉ thử nghiệm" });
    const audit = await db.auditEvent.findFirst({
      where: { action: "calendar.saveDay", entityId: TUESDAY, actorId: adminId, outcome: "ok" },
    });
    expect(audit).not.toBeNull();
    const after = await calendarYear(YEAR);
    expect(after.days.map((d) => d.date)).toContain(TUESDAY);
    expect(after.workingDays).toBe(before.workingDays - 1);

    // Saving the same date again changes the row in place and keeps what it replaced in the audit trail.
    const again = await viaSession(saveCalendarDay, { date: TUESDAY, kind: "HOLIDAY", name: "Nghỉ thử nghiệm (sửa)" });
    expect(again).toEqual({ ok: true, data: { date: TUESDAY, created: false } });
    expect((await db.calendarDay.findUniqueOrThrow({ where: { date: dbDate(TUESDAY) } })).name).toBe("Nghỉ thử nghiệm (sửa)");
    const edit = await db.auditEvent.findFirst({ where: { action: "calendar.saveDay", entityId: TUESDAY }, orderBy: { id: "desc" } });
    expect(edit?.details).toMatchObject({ before: { name: "Nghỉ thử nghiệm" } });
  });

  it("refuses a holiday on a Sunday, naming the date field, and writes nothing", async () => {
    const r = await viaSession(saveCalendarDay, { date: SUNDAY, kind: "HOLIDAY", name: "Nghỉ Chủ nhật" });
    expect(r).toMatchObject({ ok: false, code: "invalid" });
    if (r.ok) return;
    expect(Object.keys(r.fieldErrors)).toEqual(["date"]);
    expect(r.fieldErrors.date).toMatch(/^Ngày: .* là Chủ nhật/);
    expect(await db.calendarDay.count({ where: { date: dbDate(SUNDAY) } })).toBe(0);
  });

  it("refuses a worked day on a Tuesday, and accepts one on a Saturday", async () => {
    const other = addDays(TUESDAY, 7);
    const r = await viaSession(saveCalendarDay, { date: other, kind: "WORKDAY", name: "Làm bù" });
    expect(r).toMatchObject({ ok: false, code: "invalid", fieldErrors: { date: expect.stringMatching(/thứ Ba/) } });
    expect(await db.calendarDay.count({ where: { date: dbDate(other) } })).toBe(0);

    expect(await viaSession(saveCalendarDay, { date: SATURDAY, kind: "WORKDAY", name: "Làm bù" })).toMatchObject({ ok: true });
  });

  it("names every malformed field at once", async () => {
    const r = await viaSession(saveCalendarDay, { date: `${YEAR}-02-30`, kind: "NGHI", name: "  " });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.fieldErrors).sort()).toEqual(["date", "kind", "name"]);
  });

  it("deletes a day, and says so when it is already gone", async () => {
    const date = addDays(TUESDAY, 14);
    expect((await viaSession(saveCalendarDay, { date, kind: "HOLIDAY", name: "Sẽ xóa" })).ok).toBe(true);
    expect(await viaSession(deleteCalendarDay, { date })).toEqual({ ok: true, data: { date } });
    expect(await db.calendarDay.count({ where: { date: dbDate(date) } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "calendar.deleteDay", entityId: date, actorId: adminId } })).toBe(1);
    expect(await viaSession(deleteCalendarDay, { date })).toMatchObject({
      ok: false,
      code: "not_found",
      fieldErrors: { date: expect.any(String) },
    });
  });

  it("adds the lunar-calendar suggestions once, weekdays only, Tết included", async () => {
    const expected = [...new Set(suggestHolidays(SUGGESTED_YEAR).map((d) => d.date))].filter((d) => !isWeekend(d));
    const first = await viaSession(addSuggestedHolidays, { year: SUGGESTED_YEAR });
    expect(first).toEqual({ ok: true, data: { year: SUGGESTED_YEAR, added: expected.length } });
    expect(expected.length).toBeGreaterThanOrEqual(10);

    const rows = await db.calendarDay.findMany({ where: inYear(SUGGESTED_YEAR) });
    expect(rows.every((r) => r.kind === "HOLIDAY" && r.source === "Gợi ý theo âm lịch và Bộ luật Lao động")).toBe(true);
    const names = new Map(rows.map((r) => [r.date.toISOString().slice(0, 10), r.name]));
    // Tết: the eve and four days of the new year; those that fall on a weekend are made up on later weekdays.
    const tet = lunarToSolar(1, 1, SUGGESTED_YEAR);
    for (const d of [-1, 0, 1, 2, 3].map((n) => addDays(tet, n))) {
      expect(names.get(d), d).toBe(isWeekend(d) ? undefined : "Tết Nguyên đán");
    }
    expect([...names.values()].some((n) => n.startsWith("Tết Nguyên đán"))).toBe(true);
    expect([...names.keys()].some(isWeekend)).toBe(false);

    expect(await viaSession(addSuggestedHolidays, { year: SUGGESTED_YEAR })).toEqual({
      ok: true,
      data: { year: SUGGESTED_YEAR, added: 0 },
    });
    expect(await db.calendarDay.count({ where: inYear(SUGGESTED_YEAR) })).toBe(expected.length);
  });

  it("keeps a row the admin already set when adding suggestions", async () => {
    await db.calendarDay.deleteMany({ where: inYear(SUGGESTED_YEAR) });
    expect((await viaSession(saveCalendarDay, { date: `${SUGGESTED_YEAR}-04-30`, kind: "HOLIDAY", name: "Theo thông báo" })).ok).toBe(true);
    const r = await viaSession(addSuggestedHolidays, { year: SUGGESTED_YEAR });
    expect(r.ok).toBe(true);
    expect((await db.calendarDay.findUniqueOrThrow({ where: { date: dbDate(`${SUGGESTED_YEAR}-04-30`) } })).name).toBe("Theo thông báo");
  });

  it("refuses a year outside 2013–2100", async () => {
    expect(await viaSession(addSuggestedHolidays, { year: 2012 })).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { year: expect.stringContaining("2013") },
    });
    expect(await viaSession(addSuggestedHolidays, { year: "abc" })).toMatchObject({ ok: false, code: "invalid" });
  });
});

describe("calendar upkeep by anyone else", () => {
  it("refuses a citizen, audits the attempt, and changes nothing", async () => {
    const existing = addDays(TUESDAY, 28);
    await db.calendarDay.upsert({
      where: { date: dbDate(existing) },
      create: { date: dbDate(existing), kind: "HOLIDAY", name: "Có sẵn" },
      update: { kind: "HOLIDAY", name: "Có sẵn" },
    });
    const { userId } = await signInCitizen();
    const denials = { actorId: userId, action: "calendar.manage", outcome: "denied" };
    const [count, denied] = [await db.calendarDay.count(), await db.auditEvent.count({ where: denials })];
    const results = [
      await viaSession(saveCalendarDay, { date: addDays(TUESDAY, 21), kind: "HOLIDAY", name: "Không được" }),
      await viaSession(deleteCalendarDay, { date: existing }),
      await viaSession(addSuggestedHolidays, { year: 2031 }),
    ];
    for (const r of results) expect(r).toMatchObject({ ok: false, code: "forbidden" });
    expect(await db.calendarDay.count()).toBe(count);
    expect((await db.calendarDay.findUniqueOrThrow({ where: { date: dbDate(existing) } })).name).toBe("Có sẵn");
    expect(await db.auditEvent.count({ where: denials })).toBe(denied + 3);
  });
});

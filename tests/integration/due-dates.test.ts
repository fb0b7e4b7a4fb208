// Issue 19: the due date in force after apologies and supplied papers, everywhere, and the legal deadline the
// statistics keep. An apology (form 04) moves dossier.due_at in the same transaction as its event (previous and
// new date recorded, audited); every reader (officer page and queue, the citizen's list and page, public tracking)
// answers the new date; legal_due_at stays, and a dossier finished after it counts late whatever the apology said.
import { beforeAll, describe, expect, it } from "vitest";
import { viaSession } from "@/lib/auth/session-actor";
import { addDays, atLocalTime, localDate, weekday } from "@/lib/calendar/time";
import { loadCalendar } from "@/lib/calendar/store";
import { isWorkingDay, nextWorkingDay, OFFICE_CLOSE } from "@/lib/calendar/working-days";
import { db } from "@/lib/db/client";
import { getOwnDossier, listOwnDossiers, supplyPapers, trackDossier } from "@/lib/dossiers/citizen";
import { dueState } from "@/lib/dossiers/due";
import { verifyDossierChain } from "@/lib/dossiers/events";
import { actOnDossier, apologize, getAgencyDossier, listQueue } from "@/lib/dossiers/officer";
import { uploadSupplement } from "@/lib/filing/attachments";
import { agencyMonthlyStatistics } from "@/lib/monitoring/agency-stats";
import { fileHcmDossier, PDF_BYTES, signInAs, signInCitizen } from "../support/filing";

const REASON = "Cần xác minh thêm thông tin với cơ quan đăng ký cư trú.";

async function currentUser() {
  const { getCurrentUser } = await import("@/lib/auth/current-user");
  return (await getCurrentUser())!;
}

const hcmOfficer = () => signInAs("canbo.hcm@dichvucong.example", "CanBo@2026");

/** A level-4 dossier of TP. Hồ Chí Minh filed by the demo citizen, received by the HCMC officer. */
async function receivedDossier(): Promise<{ id: string; code: string }> {
  const filed = await fileHcmDossier();
  await hcmOfficer();
  const d = await db.dossier.findUniqueOrThrow({ where: { id: filed.id } });
  const r = await viaSession(actOnDossier, { code: d.code, version: d.version, action: "receive" });
  if (!r.ok) throw new Error(r.message);
  return { id: d.id, code: d.code };
}

/** The first working day strictly after `iso` and after today. */
async function workingDayAfter(iso: string): Promise<string> {
  const cal = await loadCalendar(db);
  const today = localDate(new Date());
  return nextWorkingDay(iso > today ? iso : today, cal);
}

let dossier: { id: string; code: string };
let legalBefore: Date;
let newDate: string;

beforeAll(async () => {
  dossier = await receivedDossier();
  const d = await db.dossier.findUniqueOrThrow({ where: { id: dossier.id } });
  expect(d.dueAt).not.toBeNull();
  // Receipt sets both: the legal deadline and the date in force start together.
  expect(d.legalDueAt?.toISOString()).toBe(d.dueAt!.toISOString());
  legalBefore = d.legalDueAt!;
  // Three working days after the date in force.
  const cal = await loadCalendar(db);
  newDate = nextWorkingDay(nextWorkingDay(await workingDayAfter(localDate(d.dueAt!)), cal), cal);
});

describe("an apology's new date", () => {
  it("is refused, naming the field and storing nothing, when not after the date in force or not a working day", async () => {
    await hcmOfficer();
    const d = await db.dossier.findUniqueOrThrow({ where: { id: dossier.id } });
    const inForce = localDate(d.dueAt!);
    const events = await db.dossierEvent.count({ where: { dossierId: dossier.id } });
    // After today but not after the date in force (the old check let this through).
    const tomorrowish = await workingDayAfter(localDate(new Date()));
    expect(tomorrowish <= inForce).toBe(true);
    let r = await viaSession(apologize, { code: dossier.code, reason: REASON, newDate: tomorrowish });
    expect(r).toMatchObject({ ok: false, code: "invalid", reason: "apology.not_after_due" });
    expect(r.ok ? null : r.fieldErrors.newDate).toMatch(
      /^Ngày hẹn trả kết quả mới: phải sau ngày hẹn trả kết quả hiện tại \(\d\d\/\d\d\/\d{4}\)\.$/,
    );
    r = await viaSession(apologize, { code: dossier.code, reason: REASON, newDate: inForce });
    expect(r).toMatchObject({ ok: false, reason: "apology.not_after_due" });
    // A Saturday after the date in force.
    let saturday = addDays(inForce, 1);
    while (weekday(saturday) !== 6) saturday = addDays(saturday, 1);
    r = await viaSession(apologize, { code: dossier.code, reason: REASON, newDate: saturday });
    expect(r).toMatchObject({ ok: false, code: "invalid", reason: "apology.not_working_day" });
    expect(r.ok ? null : r.fieldErrors.newDate).toContain("không phải ngày làm việc");
    // A public holiday on a weekday, from the calendar, when the stored calendar has one after the date in force.
    const cal = await loadCalendar(db);
    const holiday = [...cal.holidays].sort().find((h) => h > inForce && weekday(h) >= 1 && weekday(h) <= 5);
    if (holiday) {
      expect(isWorkingDay(holiday, cal)).toBe(false);
      r = await viaSession(apologize, { code: dossier.code, reason: REASON, newDate: holiday });
      expect(r, holiday).toMatchObject({ ok: false, reason: "apology.not_working_day" });
    }
    const after = await db.dossier.findUniqueOrThrow({ where: { id: dossier.id } });
    expect(after.dueAt?.toISOString()).toBe(d.dueAt!.toISOString());
    expect(after.version).toBe(d.version);
    expect(await db.dossierEvent.count({ where: { dossierId: dossier.id } })).toBe(events);
  });

  it("moves the date in force with its event (previous and new date) and audit entry; the legal deadline stays", async () => {
    await hcmOfficer();
    const before = await db.dossier.findUniqueOrThrow({ where: { id: dossier.id } });
    const r = await viaSession(apologize, { code: dossier.code, reason: REASON, newDate });
    expect(r.ok, r.ok ? "" : r.message).toBe(true);
    const after = await db.dossier.findUniqueOrThrow({ where: { id: dossier.id } });
    expect(after.dueAt?.toISOString()).toBe(atLocalTime(newDate, OFFICE_CLOSE.hh, OFFICE_CLOSE.mm).toISOString());
    expect(localDate(after.dueAt!)).toBe(newDate);
    expect(after.legalDueAt?.toISOString()).toBe(legalBefore.toISOString());
    expect(after.version).toBe(before.version + 1);
    const event = await db.dossierEvent.findFirstOrThrow({ where: { dossierId: dossier.id, action: "apologize" } });
    expect(event.data).toEqual({ previousDate: localDate(before.dueAt!), newDate });
    expect(event.note).toBe(REASON);
    expect(await db.$transaction((tx) => verifyDossierChain(tx, dossier.id))).toEqual([]);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "dossier.apologize", entityId: dossier.id },
      orderBy: { id: "desc" },
    });
    expect(audit.details).toMatchObject({ previousDate: localDate(before.dueAt!), newDate });
  });

  it("is what every reader answers: officer page and queue, the citizen's list and page, public tracking", async () => {
    await hcmOfficer();
    const officer = await currentUser();
    const page = await getAgencyDossier(officer, dossier.code);
    expect(localDate(page!.dueAt!)).toBe(newDate);
    expect(page!.legalDueAt?.toISOString()).toBe(legalBefore.toISOString());
    const queue = await listQueue(officer, { tab: "da-tiep-nhan", q: dossier.code });
    const row = queue.rows.find((x) => x.code === dossier.code);
    expect(row && localDate(row.dueAt!)).toBe(newDate);
    expect(row?.legalDueAt?.toISOString()).toBe(legalBefore.toISOString());
    // The badge of an open dossier reads the date in force: three working days away, so not "due soon".
    expect(dueState(row!, new Date(), await loadCalendar(db))).toBe("on_time");

    await signInCitizen();
    const citizen = await currentUser();
    const own = (await listOwnDossiers(citizen)).find((x) => x.code === dossier.code);
    expect(own && localDate(own.dueAt!)).toBe(newDate);
    expect(own?.legalDueAt?.toISOString()).toBe(legalBefore.toISOString());
    const mine = await getOwnDossier(citizen, dossier.code);
    expect(localDate(mine!.dueAt!)).toBe(newDate);
    expect(mine!.events.find((e) => e.action === "apologize")?.data).toMatchObject({ newDate });
    const tracked = await trackDossier({ code: dossier.code, pin: "" }, { ip: "203.0.113.19", user: citizen });
    expect(tracked.kind).toBe("found");
    if (tracked.kind === "found") {
      expect(localDate(tracked.dossier.dueAt!)).toBe(newDate);
      expect(tracked.dossier.legalDueAt?.toISOString()).toBe(legalBefore.toISOString());
    }
  });
});

describe("supplied papers", () => {
  it("restart both deadlines, and the event records the previous and the new date in force", async () => {
    const d = await receivedDossier();
    await hcmOfficer();
    let row = await db.dossier.findUniqueOrThrow({ where: { id: d.id } });
    // An apology first, so the date in force and the legal deadline differ before the restart.
    const cal = await loadCalendar(db);
    const promised = nextWorkingDay(await workingDayAfter(localDate(row.dueAt!)), cal);
    expect((await viaSession(apologize, { code: d.code, reason: REASON, newDate: promised })).ok).toBe(true);
    row = await db.dossier.findUniqueOrThrow({ where: { id: d.id } });
    for (const action of ["startProcessing", "requestSupplement"] as const) {
      const r = await viaSession(actOnDossier, {
        code: d.code,
        version: row.version,
        action,
        reason: "Bản chụp giấy tờ bị mờ.",
        papers: ["Bản chụp rõ nét giấy tờ tùy thân"],
      });
      expect(r.ok, r.ok ? "" : r.message).toBe(true);
      row = await db.dossier.findUniqueOrThrow({ where: { id: d.id } });
    }
    await signInCitizen();
    const paper = await viaSession(uploadSupplement, { code: d.code, fileName: "bo-sung.pdf", bytes: PDF_BYTES });
    if (!paper.ok) throw new Error(paper.message);
    const supplied = await viaSession(supplyPapers, { code: d.code, version: row.version, attachmentIds: [paper.data.id] });
    expect(supplied.ok, supplied.ok ? "" : supplied.message).toBe(true);
    const after = await db.dossier.findUniqueOrThrow({ where: { id: d.id } });
    expect(after.legalDueAt?.toISOString()).toBe(after.dueAt?.toISOString());
    const event = await db.dossierEvent.findFirstOrThrow({ where: { dossierId: d.id, action: "supply" } });
    expect(event.data).toMatchObject({ previousDate: promised, newDate: localDate(after.dueAt!) });
    expect(await db.$transaction((tx) => verifyDossierChain(tx, d.id))).toEqual([]);
  });
});

describe("the on-time statistics", () => {
  it("count a dossier finished after its legal deadline as late, whatever an apology promised", async () => {
    // Nghệ An, June 2023: a month no other test fills.
    const s = await db.service.findFirstOrThrow({ where: { agency: { identifier: "000.00.00.H41" } }, orderBy: { id: "asc" } });
    const applicantId = (await db.user.findUniqueOrThrow({ where: { email: "congdan@dichvucong.example" } })).id;
    const empty = await agencyMonthlyStatistics(s.agencyId, "2023-06", "2023-06");
    expect(empty[0]).toMatchObject({ processed: 0, early: 0, onTime: 0, late: 0 });
    const base = {
      serviceId: s.id,
      receivingAgencyId: s.agencyId,
      holderAgencyId: s.agencyId,
      applicantId,
      applicantName: "Nguyễn Thị Minh Anh",
      status: 9,
      onlineLevel: 3,
      answers: {},
      formSnapshot: {},
      feeSnapshot: [],
      processingDays: 5,
      submittedAt: new Date("2023-06-01T02:00:00Z"),
      receivedAt: new Date("2023-06-01T03:00:00Z"),
    };
    const rows = [
      // Legal deadline 9 June, apology to 20 June, finished 15 June: late, not early.
      { key: "late-apology", legalDueAt: "2023-06-09T10:00:00Z", dueAt: "2023-06-20T10:00:00Z", finishedAt: "2023-06-15T04:00:00Z" },
      // Legal deadline 15 June, apology to 20 June, finished on 15 June: on time.
      { key: "on-time-apology", legalDueAt: "2023-06-15T10:00:00Z", dueAt: "2023-06-20T10:00:00Z", finishedAt: "2023-06-15T08:00:00Z" },
      // A row from before the column (legal_due_at null): the date on file is the legal one, early.
      { key: "no-legal", legalDueAt: null, dueAt: "2023-06-20T10:00:00Z", finishedAt: "2023-06-12T04:00:00Z" },
    ];
    for (const [i, r] of rows.entries()) {
      await db.dossier.create({
        data: {
          ...base,
          code: `000.00.00.H41-230601-${9500 + i}`,
          idempotencyKey: `due-dates-${r.key}`,
          legalDueAt: r.legalDueAt ? new Date(r.legalDueAt) : null,
          dueAt: new Date(r.dueAt),
          finishedAt: new Date(r.finishedAt),
        },
      });
    }
    const [june] = await agencyMonthlyStatistics(s.agencyId, "2023-06", "2023-06");
    expect(june).toMatchObject({ processed: 3, early: 1, onTime: 1, late: 1 });
    // The finished badge agrees with the statistics.
    const cal = await loadCalendar(db, new Date("2023-06-01T00:00:00Z"));
    const badge = (r: (typeof rows)[number]) =>
      dueState(
        { dueAt: new Date(r.dueAt), legalDueAt: r.legalDueAt ? new Date(r.legalDueAt) : null, finishedAt: new Date(r.finishedAt) },
        new Date(),
        cal,
      );
    expect(rows.map(badge)).toEqual(["late", "finished_on_time", "early"]);
  });
});

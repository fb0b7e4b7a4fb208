// The Government Office's programme: the yearly priority list (propose, consult, publish), milestones with
// "late" derived from the date, and inspections with follow-ups; and every action refuses non-admins.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { addFollowUp, completeFollowUp, listInspections, planInspection, recordFindings } from "@/lib/programme/inspections";
import { isLate, listMilestones, milestoneSummary, updateMilestone } from "@/lib/programme/milestones";
import {
  addPriorityEntry,
  advancePriorityList,
  commentPriorityList,
  createPriorityList,
  getPriorityList,
  listPriorityLists,
  publishedPriorityLists,
  removePriorityEntry,
} from "@/lib/programme/priority-lists";
import { loadMilestoneFile } from "@/prisma/seed/programme";
import { signInAs } from "../support/filing";
import { viaSession } from "@/lib/auth/session-actor";

const ADMIN = ["quantri@vpcp.example", "VanPhong@2026"] as const;
const CITIZEN = ["congdan@dichvucong.example", "CongDan@2026"] as const;
const OFFICER = ["canbo.hcm@dichvucong.example", "CanBo@2026"] as const;
const AGENCY_ADMIN = ["quantri.hcm@dichvucong.example", "QuanTri@2026"] as const;
const as = (who: readonly [string, string]) => signInAs(who[0], who[1]);

const YEAR = 2091;

async function clean() {
  await db.priorityList.deleteMany({ where: { year: YEAR } });
  await db.inspection.deleteMany({ where: { scope: { startsWith: "[thử nghiệm]" } } });
}
beforeAll(clean);
afterAll(clean);

describe("the priority list of level-3/4 services", () => {
  let listId = 0;
  let entryId = 0;

  it("a VPCP admin proposes a list and adds procedures with a target level; bad input is refused per field", async () => {
    await as(ADMIN);
    const created = await viaSession(createPriorityList, {
      year: String(YEAR),
      title: "Danh mục dịch vụ công trực tuyến mức độ 3, 4 năm 2091",
    });
    if (!created.ok) throw new Error(created.message);
    listId = created.data.id;
    const procs = await db.procedure.findMany({ orderBy: { id: "asc" }, take: 2 });
    const a = await viaSession(addPriorityEntry, {
      listId: String(listId),
      procedureCode: procs[0]!.code,
      targetLevel: "4",
      note: "Ưu tiên",
    });
    if (!a.ok) throw new Error(a.message);
    entryId = a.data.id;
    expect(await viaSession(addPriorityEntry, { listId: String(listId), procedureCode: procs[1]!.code, targetLevel: "3" })).toMatchObject({
      ok: true,
    });
    expect(await viaSession(addPriorityEntry, { listId: String(listId), procedureCode: procs[1]!.code, targetLevel: "3" })).toMatchObject({
      ok: false,
      fieldErrors: { procedureCode: "Mã thủ tục: thủ tục này đã có trong danh mục." },
    });
    expect(await viaSession(addPriorityEntry, { listId: String(listId), procedureCode: "9.999999", targetLevel: "4" })).toMatchObject({
      ok: false,
      fieldErrors: { procedureCode: expect.stringMatching(/^Mã thủ tục: không tìm thấy/) },
    });
    expect(await viaSession(addPriorityEntry, { listId: String(listId), procedureCode: procs[1]!.code, targetLevel: "2" })).toMatchObject({
      ok: false,
      fieldErrors: { targetLevel: expect.stringMatching(/^Mức độ mục tiêu/) },
    });
    expect(await viaSession(createPriorityList, { year: "20", title: "x" })).toMatchObject({
      ok: false,
      fieldErrors: { year: expect.any(String), title: expect.any(String) },
    });
    const summary = (await listPriorityLists()).find((l) => l.id === listId)!;
    expect(summary).toMatchObject({ status: "DRAFT", entries: 2, level4: 1, comments: 0 });
    expect(await db.auditEvent.count({ where: { action: "priorityList.addEntry", entityId: String(listId), outcome: "ok" } })).toBe(2);
  });

  it("agencies comment only during consultation; the list cannot be published before it", async () => {
    await as(AGENCY_ADMIN);
    expect(
      await viaSession(commentPriorityList, { listId: String(listId), body: "Đề nghị bổ sung thủ tục cấp phép xây dựng." }),
    ).toMatchObject({
      ok: false,
      code: "conflict",
    });
    await as(ADMIN);
    expect(await viaSession(advancePriorityList, { listId: String(listId), to: "PUBLISHED" })).toMatchObject({
      ok: false,
      code: "conflict",
    });
    expect(await viaSession(advancePriorityList, { listId: String(listId), to: "CONSULTING" })).toMatchObject({
      ok: true,
      data: { status: "CONSULTING" },
    });

    await as(AGENCY_ADMIN);
    const onList = await viaSession(commentPriorityList, {
      listId: String(listId),
      body: "Thành phố Hồ Chí Minh thống nhất với danh mục.",
    });
    expect(onList).toMatchObject({ ok: true });
    const onEntry = await viaSession(commentPriorityList, {
      listId: String(listId),
      entryId: String(entryId),
      body: "Đề nghị lùi mục tiêu mức 4 sang quý IV.",
    });
    expect(onEntry).toMatchObject({ ok: true });
    expect(await viaSession(commentPriorityList, { listId: String(listId), body: "ab" })).toMatchObject({
      ok: false,
      fieldErrors: { body: expect.stringMatching(/^Nội dung góp ý/) },
    });
    const list = await getPriorityList(listId);
    const hcmc = await db.agency.findUniqueOrThrow({ where: { identifier: "000.00.00.H29" } });
    expect(list!.comments.map((c) => [c.agencyId, c.entryId])).toEqual([
      [hcmc.id, null],
      [hcmc.id, entryId],
    ]);
  });

  it("publishing makes the list public and immutable", async () => {
    await as(ADMIN);
    expect(await viaSession(advancePriorityList, { listId: String(listId), to: "PUBLISHED" })).toMatchObject({
      ok: true,
      data: { status: "PUBLISHED" },
    });
    const pub = (await publishedPriorityLists()).find((l) => l.id === listId);
    expect(pub?.entries).toHaveLength(2);
    expect(pub?.publishedAt).toBeInstanceOf(Date);
    const procs = await db.procedure.findMany({ orderBy: { id: "asc" }, skip: 5, take: 1 });
    expect(await viaSession(addPriorityEntry, { listId: String(listId), procedureCode: procs[0]!.code, targetLevel: "4" })).toMatchObject({
      ok: false,
      code: "conflict",
      message: "Danh mục đã công bố, không thể thay đổi.",
    });
    expect(await viaSession(removePriorityEntry, { entryId: String(entryId) })).toMatchObject({ ok: false, code: "conflict" });
    expect(await viaSession(advancePriorityList, { listId: String(listId), to: "PUBLISHED" })).toMatchObject({
      ok: false,
      code: "conflict",
    });
    await as(AGENCY_ADMIN);
    expect(await viaSession(commentPriorityList, { listId: String(listId), body: "Góp ý sau khi công bố." })).toMatchObject({
      ok: false,
      code: "conflict",
    });
    expect(await db.priorityListEntry.count({ where: { listId } })).toBe(2);
    // A draft never shows on the public page.
    await as(ADMIN);
    const draft = await viaSession(createPriorityList, { year: String(YEAR), title: "Dự thảo chưa công bố năm 2091" });
    if (!draft.ok) throw new Error(draft.message);
    expect((await publishedPriorityLists()).some((l) => l.id === draft.data.id)).toBe(false);
  });
});

describe("milestones", () => {
  it("are seeded from the data file, and late means not done with the due date passed", async () => {
    const file = loadMilestoneFile();
    const rows = await listMilestones(new Date("2016-06-15T03:00:00Z"));
    expect(rows.map((r) => r.code).sort()).toEqual(file.map((f) => f.code).sort());
    const unified = rows.find((r) => r.code === "VB-THONG-NHAT")!;
    expect(unified.dueDate).toBe("2016-06-01");
    expect(unified.late).toBe(unified.status !== "DONE");
    expect(rows.find((r) => r.code === "CONG-CHINH-THUC")!.late).toBe(false);
    expect(isLate({ status: "DONE", dueDate: "2016-06-01" }, "2016-07-01")).toBe(false);
    expect(isLate({ status: "IN_PROGRESS", dueDate: "2016-06-01" }, "2016-06-01")).toBe(false);
    expect(isLate({ status: "IN_PROGRESS", dueDate: "2016-06-01" }, "2016-06-02")).toBe(true);
  });

  it("a VPCP admin updates one; the summary counts late ones in SQL and names the next one due", async () => {
    const before = await db.milestone.findUniqueOrThrow({ where: { code: "DVC-TICH-HOP" } });
    await as(ADMIN);
    try {
      expect(
        await viaSession(updateMilestone, {
          id: String(before.id),
          title: before.title,
          dueDate: "2016-07-01",
          status: "DONE",
          doneOn: "",
        }),
      ).toMatchObject({
        ok: false,
        fieldErrors: { doneOn: expect.stringMatching(/^Ngày hoàn thành/) },
      });
      const r = await viaSession(updateMilestone, {
        id: String(before.id),
        title: before.title,
        dueDate: "2016-07-01",
        status: "DONE",
        doneOn: "2016-06-28",
        note: "Đã tích hợp.",
      });
      expect(r).toMatchObject({ ok: true, data: { code: "DVC-TICH-HOP" } });
      const at = new Date("2016-08-15T03:00:00Z");
      const rows = await listMilestones(at);
      const s = await milestoneSummary(at);
      expect(s.lateCount).toBe(rows.filter((m) => m.late).length);
      expect(s.late.map((m) => m.code)).not.toContain("DVC-TICH-HOP");
      expect(s.done).toBe(rows.filter((m) => m.status === "DONE").length);
      expect(s.next?.code).toBe("CONG-CHINH-THUC");
      expect(
        await db.auditEvent.findFirst({ where: { action: "milestone.update", entityId: "DVC-TICH-HOP", outcome: "ok" } }),
      ).not.toBeNull();
    } finally {
      await db.milestone.update({
        where: { id: before.id },
        data: { status: before.status, doneOn: before.doneOn, note: before.note, dueDate: before.dueDate },
      });
    }
  });
});

describe("inspections", () => {
  it("plans an inspection of the Ministry of Home Affairs, records findings and follow-ups, and lists it while work is open", async () => {
    await as(ADMIN);
    const moha = await db.agency.findFirstOrThrow({ where: { name: { contains: "Nội vụ" } } });
    expect(await viaSession(planInspection, { agency: moha.identifier, plannedOn: "2016-10-", scope: "x" })).toMatchObject({
      ok: false,
      fieldErrors: { plannedOn: expect.stringMatching(/^Ngày kiểm tra dự kiến/), scope: expect.stringMatching(/^Nội dung kiểm tra/) },
    });
    const p = await viaSession(planInspection, {
      agency: moha.identifier,
      plannedOn: "2016-10-12",
      scope: "[thử nghiệm] Kết nối văn bản và dịch vụ công mức độ 3, 4",
    });
    if (!p.ok) throw new Error(p.message);
    const id = p.data.id;
    expect((await listInspections(true)).map((i) => i.id)).toContain(id);
    expect(
      await viaSession(recordFindings, {
        id: String(id),
        conductedOn: "2016-10-12",
        findings: "Chưa kết nối hai chiều với trục liên thông.",
      }),
    ).toMatchObject({ ok: true });
    // Done and nothing left to do: no longer open.
    expect((await listInspections(true)).map((i) => i.id)).not.toContain(id);
    const f = await viaSession(addFollowUp, {
      inspectionId: String(id),
      action: "Hoàn thành kết nối hai chiều",
      owner: "Văn phòng Bộ Nội vụ",
      dueDate: "2016-12-31",
    });
    if (!f.ok) throw new Error(f.message);
    const open = (await listInspections(true, new Date("2017-01-05T00:00:00Z"))).find((i) => i.id === id)!;
    expect(open).toMatchObject({ status: "DONE", openFollowUps: 1, overdueFollowUps: 1, followUps: 1, agencyIdentifier: moha.identifier });
    expect(await viaSession(completeFollowUp, { id: String(f.data.id), doneOn: "2016-12-20" })).toMatchObject({ ok: true });
    expect(await viaSession(completeFollowUp, { id: String(f.data.id) })).toMatchObject({ ok: false, code: "conflict" });
    expect((await listInspections(true)).map((i) => i.id)).not.toContain(id);
    expect((await listInspections(false)).find((i) => i.id === id)).toMatchObject({ openFollowUps: 0, followUps: 1 });
  });
});

describe("non-admins are refused every programme action", () => {
  it("citizen, officer and agency admin", async () => {
    const milestone = await db.milestone.findFirstOrThrow();
    const list = await db.priorityList.create({ data: { year: YEAR, title: "Danh mục kiểm tra quyền" } });
    const countLists = await db.priorityList.count();
    for (const who of [CITIZEN, OFFICER, AGENCY_ADMIN]) {
      await as(who);
      const results = await Promise.all([
        viaSession(createPriorityList, { year: String(YEAR), title: "Danh mục trái phép năm 2091" }),
        viaSession(addPriorityEntry, { listId: String(list.id), procedureCode: "1.001193", targetLevel: "4" }),
        viaSession(advancePriorityList, { listId: String(list.id), to: "CONSULTING" }),
        viaSession(updateMilestone, {
          id: String(milestone.id),
          title: "Mốc bị sửa trái phép",
          dueDate: "2030-01-01",
          status: "DONE",
          doneOn: "2030-01-01",
        }),
        viaSession(planInspection, { agency: "000.00.00.H29", plannedOn: "2030-01-01", scope: "[thử nghiệm] trái phép" }),
        viaSession(recordFindings, { id: "1", conductedOn: "2030-01-01", findings: "trái phép" }),
        viaSession(addFollowUp, { inspectionId: "1", action: "trái phép", owner: "ai đó", dueDate: "2030-01-01" }),
        viaSession(completeFollowUp, { id: "1" }),
      ]);
      for (const r of results) expect(r).toMatchObject({ ok: false, code: "forbidden" });
    }
    // Citizens and officers cannot comment either.
    await db.priorityList.update({ where: { id: list.id }, data: { status: "CONSULTING" } });
    for (const who of [CITIZEN, OFFICER]) {
      await as(who);
      expect(await viaSession(commentPriorityList, { listId: String(list.id), body: "Góp ý trái phép." })).toMatchObject({
        ok: false,
        code: "forbidden",
      });
    }
    // The VPCP admin comments through agencies, not itself.
    await as(ADMIN);
    expect(await viaSession(commentPriorityList, { listId: String(list.id), body: "Góp ý của VPCP." })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await db.priorityList.count()).toBe(countLists);
    expect(await db.priorityListComment.count({ where: { listId: list.id } })).toBe(0);
    expect((await db.milestone.findUniqueOrThrow({ where: { id: milestone.id } })).title).toBe(milestone.title);
    expect(await db.inspection.count({ where: { scope: "[thử nghiệm] trái phép" } })).toBe(0);
  });
});

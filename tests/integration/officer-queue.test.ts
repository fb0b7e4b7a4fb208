// The officer's queue (lib/dossiers/queue.ts): each tab's count is the length of its list under the same filters,
// the due-date order pages by keyset both ways without losing or repeating a row (ties and missing due dates
// included), previous / next follow the same order, saved filters are the officer's own, and bulk assignment
// goes through the assignment use case dossier by dossier.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { PDFDocument } from "pdf-lib";
import { db } from "@/lib/db/client";
import { viaSession } from "@/lib/auth/session-actor";
import { sessionActor } from "@/lib/auth/session-actor";
import { bulkAssign, bulkReceiptsPdf } from "@/lib/dossiers/bulk";
import {
  ALL_TAB,
  deleteQueueFilter,
  listQueue,
  listSavedFilters,
  QUEUE_PAGE_SIZE,
  QUEUE_TABS,
  queueCounts,
  queueNeighbours,
  saveQueueFilter,
  type QueueFilters,
  type QueueRow,
} from "@/lib/dossiers/queue";
import { parseQueueParams, queueParams } from "@/lib/dossiers/queue-params";
import { fileHcmDossier, signInAs } from "../support/filing";

const officerSignIn = () => signInAs("canbo.hcm@dichvucong.example", "CanBo@2026");

async function currentUser() {
  const { getCurrentUser } = await import("@/lib/auth/current-user");
  return (await getCurrentUser())!;
}

const fileDossier = () => fileHcmDossier();

/** The applicant's name every cloned dossier carries: a search for it finds exactly them. */
const TOKEN = `Hàng Đợi ${randomUUID().slice(0, 8)}`;
const STATUSES = [2, 2, 2, 2, 4, 5, 9, 10, 3, 7];
let clones: { code: string; status: number }[] = [];
const OTHER_AGENCY_CODE = "000.00.00.H29-260105-5999";

/**
 * 40 copies of a filed dossier with the one name, statuses across the tabs, due dates with ties (several share
 * one instant), some past and some missing: enough for two pages of one tab.
 */
beforeAll(async () => {
  const src = await fileDossier();
  const cols = (
    await db.$queryRaw<{ column_name: string }[]>`
      SELECT column_name FROM information_schema.columns WHERE table_name = 'dossier' AND table_schema = current_schema()`
  )
    .map((c) => c.column_name)
    .filter(
      (c) =>
        !["id", "code", "idempotency_key", "applicant_name", "applicant_search", "status", "due_at", "finished_at", "assignee_id"].includes(
          c,
        ),
    );
  const list = cols.map((c) => `"${c}"`).join(", ");
  const base = Date.UTC(2026, 0, 5, 10);
  clones = [];
  for (let i = 0; i < 40; i++) {
    // 30 in "Chờ tiếp nhận" (more than a page), the rest spread over the other tabs.
    const status = i < 30 ? 1 : STATUSES[i - 30]!;
    const due = i % 9 === 8 ? null : new Date(base + Math.floor(i / 3) * 86_400_000 * (i % 2 ? 40 : 1));
    const code = `000.00.00.H29-260105-${5000 + i}`;
    await db.$executeRawUnsafe(
      `INSERT INTO dossier (id, code, idempotency_key, applicant_name, status, due_at, finished_at, assignee_id, ${list})
       SELECT gen_random_uuid(), $1, $2, $3, $4, $5::timestamptz, $6::timestamptz, NULL, ${list} FROM dossier WHERE id = $7::uuid`,
      code,
      randomUUID(),
      TOKEN,
      status,
      due,
      [9, 10].includes(status) ? new Date(base) : null,
      src.id,
    );
    clones.push({ code, status });
  }
  // One more, held by the Ministry of Justice: not the HCMC officer's to act on.
  const justice = await db.agency.findUniqueOrThrow({ where: { identifier: "000.00.00.G15" } });
  const other = await db.dossier.findFirstOrThrow({ where: { code: clones[0]!.code } });
  await db.dossier.create({
    data: {
      ...(({ id: _id, applicantSearch: _s, ...rest }) => rest)(other),
      code: OTHER_AGENCY_CODE,
      idempotencyKey: randomUUID(),
      holderAgencyId: justice.id,
      answers: other.answers ?? {},
      formSnapshot: other.formSnapshot ?? {},
      feeSnapshot: other.feeSnapshot ?? {},
      answerLabels: other.answerLabels ?? undefined,
    },
  });
});

/** Every row of a queue, page after page. */
async function everyRow(f: QueueFilters): Promise<{ rows: QueueRow[]; totals: number[] }> {
  const user = await currentUser();
  const rows: QueueRow[] = [];
  const totals: number[] = [];
  let after: string | undefined;
  for (let n = 0; n < 20; n++) {
    const page = await listQueue(user, f, after);
    rows.push(...page.rows);
    totals.push(page.total);
    after = page.next;
    if (!after) break;
  }
  return { rows, totals };
}

/** The order the queue promises: by due date (missing ones last when ascending, first when descending), then id. */
function sorted(rows: QueueRow[], asc: boolean): QueueRow[] {
  return [...rows].sort((a, b) => {
    if (!a.dueAt || !b.dueAt) {
      if (a.dueAt === b.dueAt) return asc ? (a.id < b.id ? -1 : 1) : a.id < b.id ? 1 : -1;
      return (a.dueAt ? -1 : 1) * (asc ? 1 : -1);
    }
    const d = a.dueAt.getTime() - b.dueAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    return asc ? d : -d;
  });
}

describe("the officer's queue", () => {
  it("pages by due date both ways: every row once, in order, across ties and missing due dates", async () => {
    await officerSignIn();
    for (const sort of ["dueAsc", "dueDesc"] as const) {
      const { rows, totals } = await everyRow({ tab: "cho-tiep-nhan", q: TOKEN, sort });
      expect(rows.length).toBe(30);
      expect(rows.length).toBeGreaterThan(QUEUE_PAGE_SIZE);
      expect(new Set(rows.map((r) => r.id)).size).toBe(30);
      expect(rows.map((r) => r.id)).toEqual(sorted(rows, sort === "dueAsc").map((r) => r.id));
      expect(new Set(totals)).toEqual(new Set([30]));
      expect(rows.some((r) => r.dueAt === null)).toBe(true);
    }
    // Open tabs default to soonest first, closed tabs to latest first.
    const open = await everyRow({ tab: "cho-tiep-nhan", q: TOKEN });
    expect(open.rows.map((r) => r.id)).toEqual(sorted(open.rows, true).map((r) => r.id));
    const closed = await everyRow({ tab: "khong-tiep-nhan-rut", q: TOKEN });
    expect(closed.rows.map((r) => r.id)).toEqual(sorted(closed.rows, false).map((r) => r.id));
  });

  it("reads a forged cursor with a date the database cannot hold as the first page, not an error", async () => {
    await officerSignIn();
    const user = await currentUser();
    const first = await listQueue(user, { tab: "cho-tiep-nhan", q: TOKEN });
    const id = first.rows[0]!.id;
    for (const due of ["0000-01-01T00:00:00.000Z", "-000001-01-01T00:00:00.000Z", "+275760-09-13T00:00:00.000Z"]) {
      const forged = Buffer.from(`${due}|${id}`).toString("base64url");
      const page = await listQueue(user, { tab: "cho-tiep-nhan", q: TOKEN }, forged);
      expect(page.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
    }
  });

  it("counts each tab as its list has rows, with and without filters, and the search spans every tab", async () => {
    await officerSignIn();
    const user = await currentUser();
    const me = user.id;
    // Two of the token's dossiers assigned to the officer, in different tabs.
    const waiting = clones.find((c) => c.status === 1)!.code;
    const processing = clones.find((c) => c.status === 4)!.code;
    await db.dossier.updateMany({ where: { code: { in: [waiting, processing] } }, data: { assigneeId: me } });
    const filterSets: Omit<QueueFilters, "tab">[] = [
      {},
      { q: TOKEN },
      { q: TOKEN, assignee: "me" },
      { q: TOKEN, assignee: "none" },
      { q: TOKEN, due: "overdue" },
      { q: TOKEN, submittedFrom: "2000-01-01", submittedTo: "2100-01-01" },
      { q: processing },
    ];
    for (const f of filterSets) {
      const counts = await queueCounts(user, f);
      let sum = 0;
      for (const tab of [...QUEUE_TABS.map((t) => t.slug), ALL_TAB.slug]) {
        const { rows, totals } = await everyRow({ ...f, tab });
        expect(rows.length, `${tab} ${JSON.stringify(f)}`).toBe(counts[tab]);
        expect(totals[0], `${tab} ${JSON.stringify(f)}`).toBe(counts[tab]);
        if (tab !== ALL_TAB.slug) sum += counts[tab];
      }
      expect(counts[ALL_TAB.slug]).toBe(sum);
    }
    const byToken = await queueCounts(user, { q: TOKEN });
    expect(byToken["cho-tiep-nhan"]).toBe(30);
    expect(byToken["khong-tiep-nhan-rut"]).toBe(2);
    expect(byToken[ALL_TAB.slug]).toBe(40);
    expect((await queueCounts(user, { q: TOKEN, assignee: "me" }))[ALL_TAB.slug]).toBe(2);
    // A code searched from the first tab: found in "Đang xử lý", and in "Tất cả" with its status.
    const found = await queueCounts(user, { q: processing });
    expect(found["cho-tiep-nhan"]).toBe(0);
    expect(found["dang-xu-ly"]).toBe(1);
    const all = await listQueue(user, { tab: ALL_TAB.slug, q: processing });
    expect(all.rows.map((r) => [r.code, r.status])).toEqual([[processing, 4]]);
  });

  it("gives the previous and next dossier of a queue in its order, both ways", async () => {
    await officerSignIn();
    const user = await currentUser();
    for (const sort of ["dueAsc", "dueDesc"] as const) {
      const f: QueueFilters = { tab: "cho-tiep-nhan", q: TOKEN, sort };
      const { rows } = await everyRow(f);
      for (const i of [0, 1, 14, 24, 25, rows.length - 1]) {
        const around = await queueNeighbours(user, f, rows[i]!.code);
        expect(around?.prev?.code ?? null).toBe(rows[i - 1]?.code ?? null);
        expect(around?.next?.code ?? null).toBe(rows[i + 1]?.code ?? null);
      }
    }
    expect(await queueNeighbours(user, { tab: "cho-tiep-nhan" }, "000.00.00.H29-000000-0000")).toBeNull();
  });

  it("saves, lists, replaces and deletes an officer's own filters; another officer cannot delete them", async () => {
    await officerSignIn();
    const user = await currentUser();
    const params = { tab: "dang-xu-ly", q: TOKEN, han: "qua-han", "sap-xep": "han-giam", bogus: "x" };
    const saved = await viaSession(saveQueueFilter, { name: "  Quá hạn của tôi ", params });
    expect(saved.ok).toBe(true);
    const mine = (await listSavedFilters(user)).find((s) => s.name === "Quá hạn của tôi")!;
    expect(mine.filters).toMatchObject({ tab: "dang-xu-ly", q: TOKEN, due: "overdue", sort: "dueDesc" });
    expect(queueParams(mine.filters)).not.toHaveProperty("bogus");
    // Saving again under the name replaces it.
    expect(await viaSession(saveQueueFilter, { name: "Quá hạn của tôi", params: { tab: "tat-ca" } })).toMatchObject({
      ok: true,
      data: { replaced: true },
    });
    expect((await listSavedFilters(user)).filter((s) => s.name === "Quá hạn của tôi").map((s) => s.filters.tab)).toEqual(["tat-ca"]);
    expect(await viaSession(saveQueueFilter, { name: " ", params })).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { name: expect.any(String) },
    });
    // The agency administrator of the same agency is someone else: not found, nothing deleted.
    await signInAs("quantri.hcm@dichvucong.example", "QuanTri@2026");
    expect(await viaSession(deleteQueueFilter, { id: mine.id })).toMatchObject({ ok: false, code: "not_found" });
    await officerSignIn();
    expect(await viaSession(deleteQueueFilter, { id: mine.id })).toMatchObject({ ok: true });
    expect((await listSavedFilters(user)).map((s) => s.id)).not.toContain(mine.id);
    expect(parseQueueParams({ tab: "khong-co", "sap-xep": "x", tu: "2026-99-99" })).toMatchObject({
      tab: "cho-tiep-nhan",
      sort: undefined,
      submittedFrom: undefined,
    });
  });

  it("assigns several dossiers through the assignment use case, saying what became of each", async () => {
    await officerSignIn();
    const user = await currentUser();
    const [a, b] = clones
      .filter((c) => c.status === 1)
      .slice(5, 7)
      .map((c) => c.code);
    const codes = [a!, b!, OTHER_AGENCY_CODE];
    const r = await bulkAssign(await sessionActor(), { codes, assigneeId: user.id });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.slice(0, 2)).toEqual([
      { code: a, ok: true },
      { code: b, ok: true },
    ]);
    expect(r.data[2]).toMatchObject({ code: OTHER_AGENCY_CODE, ok: false, kind: "not_found" });
    const rows = await db.dossier.findMany({ where: { code: { in: [a!, b!] } }, select: { assigneeId: true } });
    expect(rows.map((x) => x.assigneeId)).toEqual([user.id, user.id]);
    expect(
      await db.auditEvent.count({
        where: {
          action: "dossier.assign",
          actorId: user.id,
          entityId: { in: (await db.dossier.findMany({ where: { code: { in: [a!, b!] } } })).map((d) => d.id) },
        },
      }),
    ).toBe(2);
    // An assignee outside the agency: refused for each, none assigned.
    const refused = await bulkAssign(await sessionActor(), { codes: [a, b], assigneeId: randomUUID() });
    expect(refused.ok && refused.data.every((o) => !o.ok && o.kind === "invalid")).toBe(true);
    expect(await bulkAssign(await sessionActor(), { codes: [], assigneeId: "" })).toMatchObject({ ok: false, code: "invalid" });
  });

  it("prints the receipts of several dossiers as one PDF, leaving out what the agency may not see", async () => {
    await officerSignIn();
    const user = await currentUser();
    const [a, b] = clones.slice(0, 2).map((c) => c.code);
    const pdf = await bulkReceiptsPdf(user, [a, b, "000.00.00.H29-000000-0000"]);
    expect(pdf?.printed).toEqual([a, b]);
    expect(pdf?.missing).toEqual(["000.00.00.H29-000000-0000"]);
    const doc = await PDFDocument.load(pdf!.bytes);
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(2);
    expect(await bulkReceiptsPdf(user, ["000.00.00.H29-000000-0000"])).toBeNull();
    expect(await bulkReceiptsPdf(user, "not a list")).toBeNull();
  });
});

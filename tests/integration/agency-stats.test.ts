// Agency statistics against the real database: dossiers inserted with controlled dates around month
// boundaries in Vietnam time, exact figures per month, another agency kept apart, the CSV and its route.
import { authText } from "@/lib/i18n/vi/auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { eventHash } from "@/lib/dossiers/chain";
import { STATUS } from "@/lib/dossiers/status";
import {
  agencyMonthlyStatistics,
  agencyTotals,
  parseMonthRange,
  statisticsCsv,
  type MonthRow,
  type PeriodFigures,
} from "@/lib/monitoring/agency-stats";
import { signInAs, signInCitizen } from "../support/filing";
import { request } from "../support/request";

const HCM = "000.00.00.H29";
const NGHE_AN = "000.00.00.H41";
const FROM = "2023-12";
const TO = "2024-03";

let hcm: { agencyId: number; serviceId: number };
let ngheAn: { agencyId: number; serviceId: number };
let applicantId: string;
const created: string[] = [];

async function agencyWithService(identifier: string) {
  const s = await db.service.findFirstOrThrow({
    where: { agency: { identifier } },
    orderBy: { id: "asc" },
    select: { id: true, agencyId: true },
  });
  return { agencyId: s.agencyId, serviceId: s.id };
}

interface Insert {
  seq: number;
  status: number;
  submittedAt: string;
  receivedAt?: string;
  dueAt?: string;
  finishedAt?: string;
  returnedAt?: string;
  withdrawnAt?: string;
  /** For refused and stopped dossiers without a history event: the instant the status was set. */
  updatedAt?: string;
  rating?: number;
  ratedAt?: string;
  /** Receiving agency; the holder is the same unless `holder` says otherwise (a transfer). */
  at?: "hcm" | "ngheAn";
  holder?: "hcm" | "ngheAn";
}

/** Inserts a dossier directly: statistics read only the dossier row (and the history for refusals). */
async function insert(d: Insert): Promise<string> {
  const receiving = d.at === "ngheAn" ? ngheAn : hcm;
  const holder = (d.holder ?? d.at) === "ngheAn" ? ngheAn : hcm;
  const identifier = d.at === "ngheAn" ? NGHE_AN : HCM;
  // National format with the (fake) local submission day and a sequence far above real ones.
  const day = new Date(Date.parse(d.submittedAt) + 7 * 3600_000).toISOString().slice(2, 10).replaceAll("-", "");
  const code = `${identifier}-${day}-${9000 + d.seq}`;
  const when = (s?: string) => (s ? new Date(s) : null);
  const row = await db.dossier.create({
    data: {
      code,
      serviceId: receiving.serviceId,
      receivingAgencyId: receiving.agencyId,
      holderAgencyId: holder.agencyId,
      applicantId,
      applicantName: "Nguyễn Thị Minh Anh",
      status: d.status,
      onlineLevel: 3,
      answers: {},
      formSnapshot: {},
      feeSnapshot: [],
      processingDays: 10,
      idempotencyKey: `agency-stats-${d.seq}`,
      submittedAt: new Date(d.submittedAt),
      receivedAt: when(d.receivedAt),
      dueAt: when(d.dueAt),
      finishedAt: when(d.finishedAt),
      returnedAt: when(d.returnedAt),
      withdrawnAt: when(d.withdrawnAt),
      rating: d.rating ?? null,
      ratedAt: when(d.ratedAt),
      ...(d.updatedAt ? { updatedAt: new Date(d.updatedAt) } : {}),
    },
    select: { id: true, updatedAt: true },
  });
  if (d.updatedAt) expect(row.updatedAt.toISOString()).toBe(new Date(d.updatedAt).toISOString());
  created.push(row.id);
  return row.id;
}

const ZERO: PeriodFigures = {
  received: 0,
  carriedOver: 0,
  processed: 0,
  early: 0,
  onTime: 0,
  late: 0,
  inProgress: 0,
  paused: 0,
  withdrawn: 0,
  refused: 0,
  averageProcessingDays: null,
  satisfaction: { average: null, count: 0 },
};
const row = (month: string, figures: Partial<PeriodFigures>): MonthRow => ({ month, ...ZERO, ...figures });

beforeAll(async () => {
  hcm = await agencyWithService(HCM);
  ngheAn = await agencyWithService(NGHE_AN);
  applicantId = (await db.user.findUniqueOrThrow({ where: { email: "congdan@dichvucong.example" } })).id;

  // The months must be empty before this file inserts, or the exact figures below would mean nothing.
  for (const agencyId of [hcm.agencyId, ngheAn.agencyId]) {
    expect(await agencyMonthlyStatistics(agencyId, FROM, TO)).toEqual([
      row("2023-12", {}),
      row("2024-01", {}),
      row("2024-02", {}),
      row("2024-03", {}),
    ]);
  }

  // Local month starts (UTC+7): Dec 2023-11-30T17:00Z, Jan 2023-12-31T17:00Z, Feb 2024-01-31T17:00Z,
  // Mar 2024-02-29T17:00Z, Apr 2024-03-31T17:00Z.
  // D0: open since November: carried into every month.
  await insert({
    seq: 1,
    status: STATUS.PROCESSING,
    submittedAt: "2023-11-15T02:00:00Z",
    receivedAt: "2023-11-15T03:00:00Z",
    dueAt: "2023-11-29T09:00:00Z",
  });
  // D1: finished 15 Jan, due 20 Jan: early in January; 12.0 days from reception.
  await insert({
    seq: 2,
    status: STATUS.DONE,
    submittedAt: "2024-01-03T02:00:00Z",
    receivedAt: "2024-01-03T03:00:00Z",
    dueAt: "2024-01-20T10:00:00Z",
    finishedAt: "2024-01-15T03:00:00Z",
  });
  // D2: finished 31 Jan 18:00Z = 1 Feb 01:00 local, due 1 Feb 16:00 local: on time, in February (early in January by UTC).
  await insert({
    seq: 3,
    status: STATUS.DONE,
    submittedAt: "2024-01-10T02:00:00Z",
    receivedAt: "2024-01-10T02:00:00Z",
    dueAt: "2024-02-01T09:00:00Z",
    finishedAt: "2024-01-31T18:00:00Z",
  });
  // D3: finished 31 Jan 17:30Z = 1 Feb 00:30 local, due 31 Jan local: late, in February (on time in January by UTC).
  // Never received (a paper-less edge): its time counts from submission, 26 d 16 h 30 min.
  await insert({
    seq: 4,
    status: STATUS.RETURNED,
    submittedAt: "2024-01-05T01:00:00Z",
    dueAt: "2024-01-31T09:00:00Z",
    finishedAt: "2024-01-31T17:30:00Z",
    returnedAt: "2024-02-02T02:00:00Z",
  });
  // D4: submitted 31 Jan 17:10Z = 1 Feb 00:10 local: received in February, still processing.
  await insert({
    seq: 5,
    status: STATUS.PROCESSING,
    submittedAt: "2024-01-31T17:10:00Z",
    receivedAt: "2024-02-01T02:00:00Z",
    dueAt: "2024-02-20T09:00:00Z",
  });
  // D5: submitted 31 Dec 23:30 local: received in December; waiting for papers now (paused).
  await insert({
    seq: 6,
    status: STATUS.SUPPLEMENT_REQUESTED,
    submittedAt: "2023-12-31T16:30:00Z",
    receivedAt: "2024-01-02T02:00:00Z",
    dueAt: "2024-01-16T09:00:00Z",
  });
  // D6: withdrawn 29 Feb 17:30Z = 1 Mar local: open at February's end, withdrawn in March.
  await insert({
    seq: 7,
    status: STATUS.WITHDRAWN,
    submittedAt: "2024-02-05T02:00:00Z",
    receivedAt: "2024-02-05T03:00:00Z",
    dueAt: "2024-02-26T09:00:00Z",
    withdrawnAt: "2024-02-29T17:30:00Z",
  });
  // D7: refused on 2 March, no history event: its updated_at says when.
  await insert({ seq: 8, status: STATUS.REFUSED, submittedAt: "2024-03-02T02:00:00Z", updatedAt: "2024-03-02T04:00:00Z" });
  // D8: refused on 2 February by its history event, although the row was last touched in January.
  const d8 = await insert({ seq: 9, status: STATUS.REFUSED, submittedAt: "2024-01-20T02:00:00Z", updatedAt: "2024-01-22T02:00:00Z" });
  const refusal = {
    dossierId: d8,
    seq: 1,
    at: new Date("2024-02-02T02:00:00Z"),
    actorId: null,
    action: "refuse",
    fromStatus: 1,
    toStatus: 3,
    note: "Không thuộc thẩm quyền",
    data: null,
    prevHash: null,
  };
  await db.dossierEvent.create({ data: { ...refusal, data: undefined, hash: eventHash(refusal) } });
  // D9: processing stopped on 20 February: closed, counted neither as refused nor as withdrawn.
  await insert({
    seq: 10,
    status: STATUS.STOPPED,
    submittedAt: "2024-02-10T02:00:00Z",
    receivedAt: "2024-02-10T03:00:00Z",
    updatedAt: "2024-02-20T02:00:00Z",
  });
  // D10: fees requested now (paused), submitted in March.
  await insert({
    seq: 11,
    status: STATUS.FEES_REQUESTED,
    submittedAt: "2024-03-05T02:00:00Z",
    receivedAt: "2024-03-05T03:00:00Z",
    dueAt: "2024-03-19T09:00:00Z",
  });
  // D11: finished 20 Dec 17:00 local, due the same day at 16:00: on time (dates, not hours); rated 4. 15 d 8 h.
  await insert({
    seq: 12,
    status: STATUS.RETURNED,
    submittedAt: "2023-12-05T02:00:00Z",
    receivedAt: "2023-12-05T02:00:00Z",
    dueAt: "2023-12-20T09:00:00Z",
    finishedAt: "2023-12-20T10:00:00Z",
    returnedAt: "2023-12-21T02:00:00Z",
    rating: 4,
    ratedAt: "2023-12-22T02:00:00Z",
  });
  // D12: no due date: on time; rated 5. 10 days from submission.
  await insert({
    seq: 13,
    status: STATUS.RETURNED,
    submittedAt: "2023-12-01T02:00:00Z",
    finishedAt: "2023-12-11T02:00:00Z",
    returnedAt: "2023-12-12T02:00:00Z",
    rating: 5,
    ratedAt: "2023-12-28T02:00:00Z",
  });
  // D13: received by Hồ Chí Minh, transferred to and finished by Nghệ An: received here, processed there.
  await insert({
    seq: 14,
    status: STATUS.DONE,
    at: "hcm",
    holder: "ngheAn",
    submittedAt: "2024-01-08T02:00:00Z",
    receivedAt: "2024-01-08T03:00:00Z",
    dueAt: "2024-01-30T09:00:00Z",
    finishedAt: "2024-01-25T02:00:00Z",
  });
  // D14: Nghệ An's own, open since January 2024.
  await insert({
    seq: 15,
    status: STATUS.PROCESSING,
    at: "ngheAn",
    submittedAt: "2024-01-09T02:00:00Z",
    receivedAt: "2024-01-09T03:00:00Z",
    dueAt: "2024-01-23T09:00:00Z",
  });
});

afterAll(async () => {
  // Leave the shared test database's queues as they were; a dossier with history stays (the history is append-only).
  await db.dossier.deleteMany({ where: { id: { in: created }, events: { none: {} } } });
});

const EXPECTED_HCM: MonthRow[] = [
  row("2023-12", {
    received: 3,
    carriedOver: 1,
    processed: 2,
    onTime: 2,
    inProgress: 2,
    paused: 1,
    averageProcessingDays: 12.7,
    satisfaction: { average: 4.5, count: 2 },
  }),
  row("2024-01", { received: 5, carriedOver: 2, processed: 1, early: 1, inProgress: 5, paused: 1, averageProcessingDays: 12 }),
  row("2024-02", {
    received: 3,
    carriedOver: 5,
    processed: 2,
    onTime: 1,
    late: 1,
    inProgress: 4,
    paused: 1,
    refused: 1,
    averageProcessingDays: 24.2,
  }),
  row("2024-03", { received: 2, carriedOver: 4, inProgress: 4, paused: 2, withdrawn: 1, refused: 1 }),
];

describe("agencyMonthlyStatistics", () => {
  it("counts each month in Vietnam time: received, carried over, early/on time/late, open, paused, withdrawn, refused, averages", async () => {
    expect(await agencyMonthlyStatistics(hcm.agencyId, FROM, TO)).toEqual(EXPECTED_HCM);
  });

  it("keeps another agency's dossiers apart, a transferred dossier counting where it is held", async () => {
    const rows = await agencyMonthlyStatistics(ngheAn.agencyId, FROM, TO);
    expect(rows).toEqual([
      row("2023-12", {}),
      row("2024-01", { received: 1, processed: 1, early: 1, inProgress: 1, averageProcessingDays: 17 }),
      row("2024-02", { carriedOver: 1, inProgress: 1 }),
      row("2024-03", { carriedOver: 1, inProgress: 1 }),
    ]);
  });

  it("gives one row per month, with zeros where nothing happened", async () => {
    const rows = await agencyMonthlyStatistics(hcm.agencyId, "2023-10", "2023-11");
    expect(rows).toEqual([row("2023-10", {}), row("2023-11", { received: 1, inProgress: 1 })]);
  });

  it("refuses malformed or reversed ranges", async () => {
    await expect(agencyMonthlyStatistics(hcm.agencyId, "2024-13", "2024-14")).rejects.toThrow(RangeError);
    await expect(agencyMonthlyStatistics(hcm.agencyId, "2024-03", "2024-01")).rejects.toThrow(RangeError);
    await expect(agencyMonthlyStatistics(hcm.agencyId, "2020-01", "2024-01")).rejects.toThrow(RangeError);
  });
});

describe("agencyTotals", () => {
  it("sums the current year up to now, with dossiers open now carried over and in progress", async () => {
    // D15: finished late in March 2025; D16: submitted in December 2024 and still waiting for reception.
    await insert({
      seq: 16,
      status: STATUS.DONE,
      at: "ngheAn",
      submittedAt: "2025-03-01T02:00:00Z",
      receivedAt: "2025-03-01T02:00:00Z",
      dueAt: "2025-03-10T09:00:00Z",
      finishedAt: "2025-03-12T02:00:00Z",
    });
    await insert({ seq: 17, status: STATUS.NEW, at: "ngheAn", submittedAt: "2024-12-20T02:00:00Z" });
    const totals = await agencyTotals(ngheAn.agencyId, { now: new Date("2025-06-15T05:00:00Z") });
    expect(totals).toEqual({
      year: 2025,
      ...ZERO,
      received: 1,
      carriedOver: 2,
      processed: 1,
      late: 1,
      inProgress: 2,
      averageProcessingDays: 11,
    });
  });
});

describe("the CSV", () => {
  it("carries the same numbers as the rows, under a Vietnamese header", async () => {
    const csv = statisticsCsv(EXPECTED_HCM);
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe(
      "Tháng,Tiếp nhận,Tồn kỳ trước,Đã giải quyết,Trước hạn,Đúng hạn,Quá hạn,Đang giải quyết cuối tháng,Trong đó tạm dừng,Rút hồ sơ,Không được tiếp nhận,Thời gian giải quyết trung bình (ngày),Mức hài lòng trung bình (1-5),Lượt đánh giá",
    );
    expect(lines.slice(1)).toEqual([
      "2023-12,3,1,2,0,2,0,2,1,0,0,12.7,4.5,2",
      "2024-01,5,2,1,1,0,0,5,1,0,0,12,,0",
      "2024-02,3,5,2,0,1,1,4,1,0,1,24.2,,0",
      "2024-03,2,4,0,0,0,0,4,2,1,1,,,0",
      "",
    ]);
  });

  it("is served to the agency's officer as an attachment with a BOM, and refused to a citizen", async () => {
    const { GET } = await import("@/app/(officer)/can-bo/thong-ke/csv/route");
    const url = `http://localhost/can-bo/thong-ke/csv?tu=${FROM}&den=${TO}`;

    await signInAs("canbo.hcm@dichvucong.example", "CanBo@2026");
    const res = await GET(new Request(url));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="thong-ke-ho-so-${HCM}-${FROM}-${TO}.csv"`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3))).toBe(statisticsCsv(EXPECTED_HCM));

    const refusal = async () => GET(new Request(url)).then(async (r) => [r.status, await r.text()]);
    const citizen = await signInCitizen();
    expect(await refusal()).toEqual([403, authText.downloadForbidden]);
    const denied = { actorId: citizen.userId, action: "workspace.read", outcome: "denied", entityId: "/can-bo/thong-ke/csv" };
    expect(await db.auditEvent.count({ where: denied })).toBeGreaterThan(0);
    request.sessionId = undefined;
    expect(await refusal()).toEqual([401, authText.downloadSignIn]);
  });
});

describe("parseMonthRange", () => {
  const now = new Date("2025-12-31T17:30:00Z"); // 1 January 2026, 00:30 in Vietnam

  it("defaults to the last twelve months in Vietnam time", () => {
    expect(parseMonthRange({}, now)).toEqual({ from: "2025-02", to: "2026-01" });
  });

  it("takes a well-formed range and completes a single end to twelve months", () => {
    expect(parseMonthRange({ tu: "2024-11", den: "2025-02" }, now)).toEqual({ from: "2024-11", to: "2025-02" });
    expect(parseMonthRange({ tu: "2025-06" }, now)).toEqual({ from: "2025-06", to: "2026-01" });
    expect(parseMonthRange({ den: "2025-06" }, now)).toEqual({ from: "2024-07", to: "2025-06" });
  });

  it("names what is wrong and falls back to the default", () => {
    const fallback = { from: "2025-02", to: "2026-01" };
    expect(parseMonthRange({ tu: "2025-13" }, now)).toEqual({ ...fallback, error: "format" });
    expect(parseMonthRange({ tu: ["2025-01", "2025-02"] }, now)).toEqual(fallback);
    expect(parseMonthRange({ tu: "2025-05", den: "2025-01" }, now)).toEqual({ ...fallback, error: "order" });
    expect(parseMonthRange({ tu: "2025-05", den: "2026-02" }, now)).toEqual({ ...fallback, error: "future" });
    expect(parseMonthRange({ tu: "2020-01", den: "2025-01" }, now)).toEqual({ ...fallback, error: "tooLong" });
  });
});

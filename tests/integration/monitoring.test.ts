// Integration status, Resolution 36a progress and the public statistics against the real database:
// the documents scenario (VPCP → HCMC and Justice; HCMC accepts, assigns, completes) and the state,
// last exchange and volumes the monitoring derives from it, compared with the exchange_log rows
// themselves; recorded states stay apart from measured ones; exports equal the lib's numbers; every
// admin action refuses non-admins; and the dashboard queries are single SQL statements.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { incomingRegister } from "@/lib/documents/registers";
import { sendDocument } from "@/lib/documents/send";
import { setDocumentStatus } from "@/lib/documents/status";
import {
  agencyDailySeries,
  agencyIntegration,
  connectedCount,
  countStates,
  integrationOverview,
  recordConnection,
} from "@/lib/monitoring/integration";
import { levelProgress, levelTotals } from "@/lib/monitoring/resolution36a";
import {
  agencyYearTable,
  nationalMonthly,
  nationalYear,
  publicTable,
  tableCsv,
  tableJson,
  tableSchema,
} from "@/lib/monitoring/public-stats";
import { signInAs } from "../support/filing";
import { viaSession } from "@/lib/auth/session-actor";

const PASSWORD = "VanThu2026";
const HCM = "000.00.00.H29";
const BTP = "000.00.00.G15";
const VPCP = "000.00.00.G22";

async function me() {
  const { getCurrentUser } = await import("@/lib/auth/current-user");
  return (await getCurrentUser())!;
}

/** What the log itself says about one agency, computed here row by row (the lib does it in SQL). */
async function fromLog(identifier: string) {
  const agency = await db.agency.findUniqueOrThrow({ where: { identifier } });
  const rows = await db.exchangeLog.findMany({ where: { agencyId: agency.id } });
  const ok = rows.filter((r) => r.success);
  const ins = ok.filter((r) => r.direction === "in");
  const outs = ok.filter((r) => r.operation === "deliver" || r.operation === "push");
  const done = (r: (typeof rows)[number]) => (r.responseOutAt ?? r.responseInAt ?? r.requestInAt).getTime();
  const state = ins.length && outs.length ? "BOTH_WAYS" : outs.length ? "RECEIVING_ONLY" : ins.length ? "SENDING_ONLY" : "NOT_CONNECTED";
  const first = (xs: typeof rows) => (xs.length ? Math.min(...xs.map((r) => r.requestInAt.getTime())) : null);
  const since = ins.length && outs.length ? Math.max(first(ins)!, first(outs)!) : (first(outs) ?? first(ins));
  const monthAgo = Date.now() - 30 * 86400_000;
  return {
    agency,
    state,
    since,
    last: ok.length ? Math.max(...ok.map(done)) : null,
    failures30: rows.filter((r) => !r.success && r.requestInAt.getTime() >= monthAgo).length,
    sent30: await db.document.count({ where: { senderAgencyId: agency.id, sentAt: { gte: new Date(monthAgo) } } }),
    received30: await db.documentRecipient.count({ where: { agencyId: agency.id, arrivedAt: { gte: new Date(monthAgo) } } }),
  };
}

beforeAll(async () => {
  const agency = await db.agency.findUniqueOrThrow({ where: { identifier: HCM } });
  await db.user.upsert({
    where: { email: "vanthu.hcm.monitor@example.vn" },
    update: {},
    create: {
      email: "vanthu.hcm.monitor@example.vn",
      role: "OFFICER",
      fullName: "Văn thư TP. HCM",
      agencyId: agency.id,
      passwordHash: await hashPassword(PASSWORD),
    },
  });
});

describe("integration status derived from the exchange log", () => {
  it("after the documents scenario: HCMC and VPCP both ways, Justice receiving only; last exchange and counts equal the log", async () => {
    await signInAs("quantri@vpcp.example", "VanPhong@2026");
    const sent = await viaSession(sendDocument, {
      typeCode: "CV",
      subject: "V/v báo cáo tình hình kết nối liên thông văn bản",
      content: "Đề nghị báo cáo.",
      signerPosition: "KT. BỘ TRƯỞNG, CHỦ NHIỆM – PHÓ CHỦ NHIỆM",
      signerName: "Nguyễn Văn Nên",
      priority: 2,
      recipients: [HCM, BTP],
      messageId: randomUUID(),
    });
    if (!sent.ok) throw new Error(sent.message);
    await signInAs("vanthu.hcm.monitor@example.vn", PASSWORD);
    const mine = (await incomingRegister(await me())).find((r) => r.document.documentKey === sent.data.documentKey)!;
    for (const [status, version] of [
      ["03", 1],
      ["04", 2],
      ["06", 3],
    ] as const) {
      expect((await viaSession(setDocumentStatus, { recipientId: mine.id, status, version })).ok).toBe(true);
    }

    const overview = await integrationOverview();
    const byId = new Map(overview.map((r) => [r.identifier, r]));
    for (const [identifier, expected] of [
      [HCM, "BOTH_WAYS"],
      [VPCP, "BOTH_WAYS"],
      [BTP, "RECEIVING_ONLY"],
    ] as const) {
      const log = await fromLog(identifier);
      const row = byId.get(identifier)!;
      expect(log.state).toBe(expected);
      expect(row.state).toBe(expected);
      expect(row.stateSource).toBe("measured");
      expect(row.lastExchangeAt?.getTime()).toBe(log.last);
      expect(row.since?.getTime()).toBe(log.since);
      expect(row.sent30).toBe(log.sent30);
      expect(row.received30).toBe(log.received30);
      expect(row.failures30).toBe(log.failures30);
    }
    // HCMC's last exchange is its completion (status 06), the latest of its rows.
    const hcmLast = await db.exchangeLog.findFirstOrThrow({
      where: { agency: { identifier: HCM }, success: true },
      orderBy: { id: "desc" },
    });
    expect(byId.get(HCM)!.lastExchangeAt!.getTime()).toBeGreaterThanOrEqual(hcmLast.requestInAt.getTime());
    // Deliveries into portal registers are instant: a latency exists, small and non-negative.
    expect(byId.get(BTP)!.latencyMedian).not.toBeNull();
    expect(byId.get(BTP)!.latencyMedian!).toBeGreaterThanOrEqual(0);

    // The drill-down's daily series adds up to the same 30-day volumes (today included).
    const hcm = byId.get(HCM)!;
    const days = await agencyDailySeries(hcm.agencyId);
    expect(days).toHaveLength(30);
    expect(days.reduce((n, d) => n + d.received, 0)).toBe(hcm.received30);
    expect(days.reduce((n, d) => n + d.sent, 0)).toBe(hcm.sent30);

    // Headline counts are the rows' states; every central body and province is there exactly once.
    const counts = countStates(overview);
    expect(counts.centralTotal + counts.provincesTotal).toBe(overview.length);
    // The 34 provinces in force since 1 July 2025; the 29 retired committees are history, not watched.
    expect(counts.provincesTotal).toBe(34);
    expect(connectedCount(counts.provinces)).toBe(
      overview.filter((r) => r.kind === "PROVINCE" && ["BOTH_WAYS", "RECEIVING_ONLY", "SENDING_ONLY"].includes(r.state)).length,
    );
  });

  it("shows an administrator's record as recorded, never as measured, and a clear brings the log back", async () => {
    const nd = "000.00.00.H25"; // Hà Tĩnh: a province without exchanges in the tests
    await signInAs("quantri@vpcp.example", "VanPhong@2026");
    const before = (await agencyIntegration((await db.agency.findUniqueOrThrow({ where: { identifier: nd } })).id))!;
    expect(before.state).toBe("NOT_CONNECTED");

    const bad = await viaSession(recordConnection, { identifier: nd, kind: "BOTH_WAYS", connectedSince: "15/03/2016" });
    expect(bad).toMatchObject({ ok: false, code: "invalid" });
    if (!bad.ok) expect(bad.fieldErrors.connectedSince).toMatch(/^Ngày kết nối/);
    expect(
      await viaSession(recordConnection, {
        identifier: nd,
        kind: "BOTH_WAYS",
        connectedSince: "2016-03-15",
        note: "Theo báo cáo tháng 3/2016",
      }),
    ).toMatchObject({ ok: true });
    const recorded = (await agencyIntegration(before.agencyId))!;
    expect(recorded).toMatchObject({
      state: "BOTH_WAYS",
      stateSource: "recorded",
      measuredState: "NOT_CONNECTED",
      sinceSource: "recorded",
    });
    expect(recorded.since?.toISOString().slice(0, 10)).toBe("2016-03-15");
    expect(recorded.record?.by).toBe("Phạm Quốc Việt");

    // Testing overrides even a measured connection (VPCP is both ways by the log).
    expect((await viaSession(recordConnection, { identifier: VPCP, kind: "TESTING" })).ok).toBe(true);
    const vpcp = (await integrationOverview()).find((r) => r.identifier === VPCP)!;
    expect(vpcp).toMatchObject({ state: "TESTING", stateSource: "recorded", measuredState: "BOTH_WAYS" });
    expect((await viaSession(recordConnection, { identifier: VPCP, kind: "CLEARED" })).ok).toBe(true);
    expect((await integrationOverview()).find((r) => r.identifier === VPCP)).toMatchObject({ state: "BOTH_WAYS", stateSource: "measured" });
    expect(await db.auditEvent.count({ where: { action: "monitoring.recordConnection", outcome: "ok" } })).toBeGreaterThanOrEqual(3);
  });

  it("refuses citizens, officers and agency administrators", async () => {
    for (const [email, password] of [
      ["congdan@dichvucong.example", "CongDan@2026"],
      ["canbo.hcm@dichvucong.example", "CanBo@2026"],
      ["quantri.hcm@dichvucong.example", "QuanTri@2026"],
    ] as const) {
      await signInAs(email, password);
      expect(await viaSession(recordConnection, { identifier: HCM, kind: "TESTING" })).toMatchObject({ ok: false, code: "forbidden" });
    }
    expect(
      await db.auditEvent.count({ where: { action: "agency.manage", outcome: "denied", entityId: "monitoring.recordConnection" } }),
    ).toBeGreaterThanOrEqual(3);
    expect(await db.agencyConnectionRecord.count({ where: { agency: { identifier: HCM } } })).toBe(0);
  });
});

describe("Resolution 36a progress", () => {
  it("counts each agency's published services by level, in SQL, sorted with the furthest behind first", async () => {
    const hcm = await db.agency.findUniqueOrThrow({ where: { identifier: HCM } });
    const service = await db.service.findFirstOrThrow({ where: { agencyId: hcm.id }, orderBy: { id: "asc" } });
    await db.service.update({ where: { id: service.id }, data: { onlineLevel: 2 } });
    try {
      const rows = await levelProgress({ sort: "con-lai" });
      const byLevel = await db.service.groupBy({ by: ["onlineLevel"], where: { agencyId: hcm.id, published: true }, _count: true });
      const n = (l: number) => byLevel.find((b) => b.onlineLevel === l)?._count ?? 0;
      const row = rows.find((r) => r.identifier === HCM)!;
      const total = n(1) + n(2) + n(3) + n(4);
      expect(row).toMatchObject({ services: total, level2: n(2), level3: n(3), level4: n(4), remaining: n(1) + n(2) });
      expect(row.share34).toBe(Math.round((1000 * (n(3) + n(4))) / total) / 10);
      // Sorted by what remains: HCMC (one left) comes before every agency with nothing left.
      expect(rows[0]!.remaining).toBeGreaterThanOrEqual(1);
      expect(rows.findIndex((r) => r.identifier === HCM)).toBeLessThan(rows.findIndex((r) => r.remaining === 0));
      const totals = levelTotals(rows);
      expect(totals.services).toBe(await db.service.count({ where: { published: true, agency: { kind: { not: "UNIT" } } } }));
      expect(totals.agencies).toBe(rows.length);
    } finally {
      await db.service.update({ where: { id: service.id }, data: { onlineLevel: service.onlineLevel } });
    }
  });
});

describe("public statistics and open data", () => {
  it("CSV and JSON equal the lib's numbers; the JSON follows its schema's columns", async () => {
    for (const table of ["toan-quoc-theo-thang", "theo-co-quan", "ket-noi"] as const) {
      const rows = await publicTable(table);
      const json = tableJson(table, rows);
      expect(json.rows).toEqual(rows);
      const csv = tableCsv(table, rows);
      expect(csv.startsWith("\uFEFF")).toBe(true);
      const lines = csv.slice(1).trimEnd().split("\r\n");
      expect(lines).toHaveLength(rows.length + 1);
      const keys = json.columns.map((col) => col.key);
      rows.forEach((row, i) => {
        const cells = lines[i + 1]!.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) =>
          c.replace(/,$/, "").replace(/^"|"$/g, "").replaceAll('""', '"'),
        );
        expect(cells.slice(0, keys.length)).toEqual(keys.map((k) => (row[k] === null || row[k] === undefined ? "" : String(row[k]))));
      });
      const schema = tableSchema("http://localhost") as { $defs: Record<string, { required: string[] }> };
      expect(schema.$defs[table]!.required).toEqual(keys);
      for (const row of rows) expect(Object.keys(row)).toEqual(keys);
    }
    // The national year equals the sum of the agencies' received dossiers (each counted by its receiving agency).
    const [year, perAgency, monthly] = await Promise.all([nationalYear(), agencyYearTable(), nationalMonthly()]);
    expect(perAgency.reduce((n, r) => n + (r.received as number), 0)).toBe(year.figures.received);
    expect(monthly).toHaveLength(12);
    expect(perAgency.some((r) => "applicant" in r || "applicantName" in r)).toBe(false);
  });
});

describe("dashboard queries are SQL aggregates", () => {
  it("the overview, progress and public tables each run one statement however many agencies there are", async () => {
    const statements: string[] = [];
    const { Client } = await import("pg");
    const origQuery = Client.prototype.query;
    // Count what reaches PostgreSQL through the adapter's pool while each function runs.
    Client.prototype.query = function (this: unknown, ...args: unknown[]) {
      const q = args[0];
      statements.push(typeof q === "string" ? q : ((q as { text?: string })?.text ?? ""));
      return (origQuery as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof origQuery;
    try {
      const measure = async (fn: () => Promise<unknown>) => {
        statements.length = 0;
        await fn();
        return statements.filter((s) => /^\s*(WITH|SELECT)/i.test(s)).length;
      };
      expect(await measure(() => integrationOverview())).toBe(1);
      expect(await measure(() => levelProgress())).toBe(1);
      expect(await measure(() => nationalMonthly())).toBe(1);
      expect(await measure(() => publicTable("theo-co-quan"))).toBeLessThanOrEqual(2);
    } finally {
      Client.prototype.query = origQuery;
    }
  });
});

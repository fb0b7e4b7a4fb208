// The versioned document API end to end through its route handlers: keys, send (JSON and edXML), inbox,
// acknowledgement, statuses, scoping between agencies, and the exchange log.
import { createHash, randomInt, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as send } from "@/app/api/v1/van-ban/route";
import { GET as inbox } from "@/app/api/v1/van-ban/den/route";
import { POST as acknowledge } from "@/app/api/v1/van-ban/den/[recipientId]/xac-nhan/route";
import { POST as setStatus } from "@/app/api/v1/van-ban/den/[recipientId]/trang-thai/route";
import { GET as sentStatuses } from "@/app/api/v1/van-ban/di/trang-thai/route";
import { db } from "@/lib/db/client";
import { ProblemSchema, type Problem } from "@/lib/errors/problem";
import { issueApiKey, listApiKeys, revokeApiKey } from "@/lib/documents/api-keys";
import { toEdXml } from "@/lib/documents/edxml";
import type { EdDocument } from "@/lib/documents/schema";

const BASE = "http://localhost/api/v1/van-ban";
const VPCP = "000.00.00.G22";
const HCMC = "000.00.00.H29";
const CAO_BANG = "000.00.00.H14";

const keys: Record<string, string> = {};
const agencyIds: Record<string, number> = {};

const sha = (b: Uint8Array | string) => createHash("sha256").update(b).digest("hex");
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const DOCX = Buffer.from("PK\u0003\u0004 một tệp phụ lục giả lập");

/** Numbers far above what the portal's own numbering reaches in the other test files, random per run. */
const freshNumber = () => 500_000 + randomInt(400_000);

function document(extra: Partial<EdDocument> = {}): EdDocument {
  return {
    from: { organId: VPCP, organName: "Văn phòng Chính phủ" },
    to: [{ organId: HCMC, organName: "Ủy ban nhân dân Thành phố Hồ Chí Minh" }],
    code: { number: freshNumber(), notation: "VPCP-KSTT" },
    promulgation: { place: "Hà Nội", date: "2026-11-20" },
    documentType: { code: "CV", name: "Công văn" },
    subject: "V/v báo cáo tình hình kết nối Cổng Dịch vụ công quốc gia",
    content: "Đề nghị Ủy ban nhân dân Thành phố báo cáo trước ngày 30/11/2026.",
    signer: { position: "KT. BỘ TRƯỞNG, CHỦ NHIỆM – PHÓ CHỦ NHIỆM", fullName: "Nguyễn Văn Nên" },
    priority: 1,
    secrecy: 0,
    trace: { businessType: 0 },
    messageId: randomUUID(),
    attachments: [
      { contentType: "application/pdf", name: "cong-van.pdf", contentBase64: PDF.toString("base64") },
      {
        contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        name: "phu-luc.docx",
        contentBase64: DOCX.toString("base64"),
      },
    ],
    ...extra,
  };
}

function req(path: string, init: { key?: string | null; method?: string; body?: string; contentType?: string } = {}) {
  const headers = new Headers();
  if (init.key) headers.set("authorization", `Bearer ${init.key}`);
  if (init.body !== undefined) headers.set("content-type", init.contentType ?? "application/json");
  return new Request(`${BASE}${path}`, { method: init.method ?? (init.body !== undefined ? "POST" : "GET"), headers, body: init.body });
}

const params = (recipientId: string) => ({ params: Promise.resolve({ recipientId }) });

/** A refusal's body: RFC 9457 problem details, its status repeated, its code stable. */
async function problemOf(res: Response, status: number, code: string): Promise<Problem> {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  const p = ProblemSchema.parse(await res.json());
  expect(p).toMatchObject({ status, code, type: expect.stringContaining(code), instance: expect.stringMatching(/^\/api\/v1\/van-ban/) });
  expect(p.detail.length).toBeGreaterThan(0);
  return p;
}

interface InboxEntry {
  recipientId: string;
  documentKey: string;
  sha256: string;
  document: EdDocument;
  attachmentsSha256: string[];
}

async function inboxOf(key: string): Promise<InboxEntry[]> {
  const res = await inbox(req("/den", { key }));
  expect(res.status).toBe(200);
  return (await res.json()) as InboxEntry[];
}

beforeAll(async () => {
  for (const identifier of [VPCP, HCMC, CAO_BANG]) {
    const agency = await db.agency.findUniqueOrThrow({ where: { identifier } });
    agencyIds[identifier] = agency.id;
    keys[identifier] = (await issueApiKey(agency.id, `Hệ thống QLVB ${agency.shortName}`)).key;
  }
});

describe("document API", () => {
  const body = JSON.stringify(document());
  let documentKey = "";

  it("issues keys that are listed by prefix, never by hash", async () => {
    expect(keys[VPCP]).toMatch(/^dvc_[A-Za-z0-9_-]{43}$/);
    const list = await listApiKeys(agencyIds[VPCP]!);
    const mine = list.find((k) => keys[VPCP]!.startsWith(k.prefix))!;
    expect(mine.prefix).toHaveLength(12);
    expect(mine).not.toHaveProperty("keyHash");
  });

  it("stores a JSON document with its attachments once, however often it is retried", async () => {
    const first = await send(req("", { key: keys[VPCP], body }));
    expect(first.status, await first.clone().text()).toBe(201);
    const created = (await first.json()) as { documentKey: string; sha256: string; duplicate: boolean };
    documentKey = created.documentKey;
    const doc = JSON.parse(body) as EdDocument;
    expect(documentKey).toBe(`${VPCP},2026/11/20,${doc.code.number}/VPCP-KSTT`);
    expect(created).toMatchObject({ duplicate: false, sha256: sha(body) });

    const again = await send(req("", { key: keys[VPCP], body }));
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ documentKey, duplicate: true });
    expect(await db.document.count({ where: { messageId: doc.messageId } })).toBe(1);

    // Concurrent retries wait for each other on the message id: still one document.
    const retry = JSON.stringify(document());
    const both = await Promise.all([send(req("", { key: keys[VPCP], body: retry })), send(req("", { key: keys[VPCP], body: retry }))]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 201]);
    expect(await db.document.count({ where: { messageId: (JSON.parse(retry) as EdDocument).messageId } })).toBe(1);

    const stored = await db.document.findUniqueOrThrow({
      where: { documentKey },
      include: { attachments: true, recipients: { include: { events: true } } },
    });
    expect(stored.notation).toBe(`${doc.code.number}/VPCP-KSTT`);
    expect(stored.attachments.map((a) => a.sha256).sort()).toEqual([sha(PDF), sha(DOCX)].sort());
    expect(stored.recipients.map((r) => r.events.map((e) => e.status))).toEqual([["01"]]);
  });

  it("accepts the same content as edXML, and refuses a number already used", async () => {
    const xmlDoc = document();
    const res = await send(req("", { key: keys[VPCP], body: toEdXml(xmlDoc), contentType: "application/xml; charset=utf-8" }));
    expect(res.status, await res.clone().text()).toBe(201);
    const clash = await send(req("", { key: keys[VPCP], body: JSON.stringify({ ...document(), code: xmlDoc.code }) }));
    expect((await problemOf(clash, 409, "number_used")).detail).toMatch(/^code\.number: số \d+ loại CV năm 2026 đã được dùng/);
  });

  it("refuses bad input with a precise 4xx, never a 500", async () => {
    const malformed = await send(req("", { key: keys[VPCP], body: "<edXML:MessageHeader><chưa đóng", contentType: "text/xml" }));
    expect((await problemOf(malformed, 400, "invalid_edxml")).detail).toMatch(/^Không phải tài liệu XML hợp lệ: .*dòng 1/);

    const notJson = await send(req("", { key: keys[VPCP], body: "{ không phải json" }));
    expect((await problemOf(notJson, 400, "invalid_json")).detail).toMatch(/JSON/);

    const badField = await send(req("", { key: keys[VPCP], body: JSON.stringify({ ...document(), priority: 7 }) }));
    const badFieldProblem = await problemOf(badField, 400, "invalid_document");
    expect(badFieldProblem.detail).toMatch(/^priority: /);
    expect(badFieldProblem.errors).toEqual([
      {
        field: "priority",
        message: expect.stringMatching(/^priority: /),
        messages: { vi: expect.stringMatching(/^priority: /), en: expect.any(String) },
      },
    ]);

    const unknown = await send(
      req("", { key: keys[VPCP], body: JSON.stringify(document({ to: [{ organId: "000.00.00.G99", organName: "Không có" }] })) }),
    );
    expect((await problemOf(unknown, 400, "unknown_recipient")).detail).toContain("000.00.00.G99");

    const foreign = await send(
      req("", { key: keys[CAO_BANG], body: JSON.stringify(document({ to: [{ organId: HCMC, organName: "UBND TP.HCM" }] })) }),
    );
    expect((await problemOf(foreign, 403, "foreign_sender")).detail).toContain("from.organId");

    const wrongType = await send(req("", { key: keys[VPCP], body: JSON.stringify(document()), contentType: "text/plain" }));
    await problemOf(wrongType, 415, "unsupported_media_type");
    const empty = await send(req("", { key: keys[VPCP], body: "  " }));
    await problemOf(empty, 400, "empty_body");
  });

  it("lets HCMC poll, check the attachments, acknowledge and report 03 then 06; VPCP sees the history", async () => {
    const items = await inboxOf(keys[HCMC]!);
    const item = items.find((i) => i.documentKey === documentKey)!;
    expect(item).toBeDefined();
    expect(item.document.subject).toBe("V/v báo cáo tình hình kết nối Cổng Dịch vụ công quốc gia");
    expect(item.document.attachments.map((a) => sha(Buffer.from(a.contentBase64, "base64")))).toEqual([sha(PDF), sha(DOCX)]);
    expect(item.attachmentsSha256).toEqual([sha(PDF), sha(DOCX)]);

    const asXml = await inbox(req("/den?dinh-dang=edxml", { key: keys[HCMC] }));
    const xmlItems = (await asXml.json()) as { recipientId: string; edxml: string }[];
    expect(xmlItems.find((i) => i.recipientId === item.recipientId)?.edxml).toContain("VPCP-KSTT");

    const ack = await acknowledge(req(`/den/${item.recipientId}/xac-nhan`, { key: keys[HCMC], method: "POST" }), params(item.recipientId));
    expect(ack.status).toBe(200);
    expect(await ack.json()).toMatchObject({ recipientId: item.recipientId, documentKey, sha256: sha(body) });
    expect((await inboxOf(keys[HCMC]!)).some((i) => i.recipientId === item.recipientId)).toBe(false);

    for (const status of ["03", "06"]) {
      const res = await setStatus(
        req(`/den/${item.recipientId}/trang-thai`, {
          key: keys[HCMC],
          body: JSON.stringify({ status, staff: { name: "Trần Thị Văn Thư", department: "Văn phòng UBND" } }),
        }),
        params(item.recipientId),
      );
      expect(res.status, await res.clone().text()).toBe(200);
    }
    const skipped = await setStatus(
      req(`/den/${item.recipientId}/trang-thai`, { key: keys[HCMC], body: JSON.stringify({ status: "04" }) }),
      params(item.recipientId),
    );
    await problemOf(skipped, 409, "invalid_transition");
    const badStatus = await setStatus(
      req(`/den/${item.recipientId}/trang-thai`, { key: keys[HCMC], body: JSON.stringify({ status: "99" }) }),
      params(item.recipientId),
    );
    expect((await problemOf(badStatus, 400, "invalid")).errors).toEqual([
      {
        field: "status",
        message: expect.stringMatching(/^status: /),
        messages: { vi: expect.stringMatching(/^status: /), en: expect.any(String) },
      },
    ]);

    const res = await sentStatuses(req(`/di/trang-thai?ma=${encodeURIComponent(documentKey)}`, { key: keys[VPCP] }));
    expect(res.status).toBe(200);
    const statuses = (await res.json()) as {
      recipients: { organId: string; status: string; history: { status: string; staff: { name: string } | null }[] }[];
    };
    const hcmc = statuses.recipients.find((r) => r.organId === HCMC)!;
    expect(hcmc.status).toBe("06");
    expect(hcmc.history.map((h) => h.status)).toEqual(["01", "03", "06"]);
    expect(hcmc.history[1]!.staff?.name).toBe("Trần Thị Văn Thư");
  });

  it("keeps Cao Bằng out of HCMC's copies and VPCP's statuses", async () => {
    const fresh = await send(req("", { key: keys[VPCP], body: JSON.stringify(document()) }));
    const { documentKey: key } = (await fresh.json()) as { documentKey: string };
    const item = (await inboxOf(keys[HCMC]!)).find((i) => i.documentKey === key)!;
    expect((await inboxOf(keys[CAO_BANG]!)).some((i) => i.recipientId === item.recipientId)).toBe(false);
    await problemOf(
      await acknowledge(req(`/den/${item.recipientId}/xac-nhan`, { key: keys[CAO_BANG], method: "POST" }), params(item.recipientId)),
      404,
      "not_found",
    );
    await problemOf(
      await setStatus(
        req(`/den/${item.recipientId}/trang-thai`, { key: keys[CAO_BANG], body: '{"status":"03"}' }),
        params(item.recipientId),
      ),
      404,
      "not_found",
    );
    await problemOf(await sentStatuses(req(`/di/trang-thai?ma=${encodeURIComponent(key)}`, { key: keys[CAO_BANG] })), 404, "not_found");
    await problemOf(
      await acknowledge(req("/den/khong-phai-uuid/xac-nhan", { key: keys[HCMC], method: "POST" }), params("khong-phai-uuid")),
      404,
      "not_found",
    );
    expect((await db.documentRecipient.findUniqueOrThrow({ where: { id: item.recipientId } })).acknowledgedAt).toBeNull();
    // The sender may ask for its copy back (13), through the same endpoint.
    const recall = await setStatus(
      req(`/den/${item.recipientId}/trang-thai`, { key: keys[VPCP], body: '{"status":"13","description":"Gửi nhầm"}' }),
      params(item.recipientId),
    );
    expect(recall.status).toBe(200);
  });

  it("answers 401 without a key, with a wrong key and with a revoked key", async () => {
    await problemOf(await inbox(req("/den")), 401, "unauthenticated");
    await problemOf(await inbox(req("/den", { key: `dvc_${"A".repeat(43)}` })), 401, "unauthenticated");
    await problemOf(await inbox(req("/den?so-luong=99", { key: keys[HCMC] })), 400, "invalid_query");
    const agencyId = agencyIds[HCMC]!;
    const spare = await issueApiKey(agencyId, "Khóa sẽ thu hồi");
    expect((await inbox(req("/den", { key: spare.key }))).status).toBe(200);
    expect(await revokeApiKey(agencyIds[CAO_BANG]!, spare.id)).toBe(false);
    expect(await revokeApiKey(agencyId, spare.id)).toBe(true);
    const res = await send(req("", { key: spare.key, body }));
    await problemOf(res, 401, "unauthenticated");
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
    const listed = (await listApiKeys(agencyId)).find((k) => k.id === spare.id)!;
    expect(listed.revokedAt).not.toBeNull();
    expect(listed.lastUsedAt).not.toBeNull();
  });

  it("logs every exchange with its timestamps, outcome, size and hash", async () => {
    const sent = await db.exchangeLog.findFirstOrThrow({
      where: { operation: "send", documentKey, success: true },
      orderBy: { id: "asc" },
    });
    expect(sent).toMatchObject({
      direction: "in",
      agencyId: agencyIds[VPCP],
      sha256: sha(body),
      size: Buffer.byteLength(body),
      faultCode: null,
    });
    expect(sent.responseOutAt!.getTime()).toBeGreaterThanOrEqual(sent.requestInAt.getTime());
    const ack = await db.exchangeLog.findFirstOrThrow({ where: { operation: "acknowledge", documentKey, success: true } });
    expect(ack.sha256).toBe(sha(body));
    const failures = await db.exchangeLog.findMany({ where: { success: false, requestInAt: { gte: new Date(Date.now() - 10 * 60_000) } } });
    expect(failures.map((f) => f.faultCode)).toEqual(
      expect.arrayContaining([
        "unauthenticated",
        "invalid_edxml",
        "foreign_sender",
        "not_found",
        "number_used",
        "unsupported_media_type",
        "invalid_query",
      ]),
    );
    expect(failures.every((f) => f.responseOutAt !== null)).toBe(true);
    expect(
      await db.exchangeLog.count({ where: { operation: "inbox", direction: "out", success: true, agencyId: agencyIds[HCMC] } }),
    ).toBeGreaterThan(0);
  });
});

// What enters the document exchange: the agency API's attachments are recognised by their bytes like web
// uploads; the compose form checks who is sending before it stores any file; and an answer can only be
// to a document the answering agency received (portal and API alike).
import { randomInt, randomUUID } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { sendAction } from "@/app/(officer)/can-bo/van-ban-di/soan/actions";
import { POST as send } from "@/app/api/v1/van-ban/route";
import { hashPassword } from "@/lib/auth/password";
import { viaSession } from "@/lib/auth/session-actor";
import { db } from "@/lib/db/client";
import { issueApiKey } from "@/lib/documents/api-keys";
import type { EdDocument } from "@/lib/documents/schema";
import { sendDocument } from "@/lib/documents/send";
import { documentId } from "@/lib/documents/types";
import { ProblemSchema } from "@/lib/errors/problem";
import { fileStorage } from "@/lib/files/storage";
import { EMPTY_ACTION_STATE } from "@/lib/forms/action-state";
import { EXE_BYTES, PDF_BYTES, signInAs, signInCitizen } from "../support/filing";
import { request } from "../support/request";

const VPCP = "000.00.00.G22";
const HCMC = "000.00.00.H29";
const CAO_BANG = "000.00.00.H14";
const PASSWORD = "VanThu2026x";
const keys: Record<string, string> = {};

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");

function message(from: string, fromName: string, to: string, extra: Partial<EdDocument> = {}): EdDocument {
  return {
    from: { organId: from, organName: fromName },
    to: [{ organId: to, organName: "Cơ quan nhận" }],
    code: { number: 700_000 + randomInt(200_000), notation: "KTKS" },
    promulgation: { place: "Hà Nội", date: "2026-11-20" },
    documentType: { code: "CV", name: "Công văn" },
    subject: "V/v kiểm tra tệp đính kèm gửi qua API",
    signer: { position: "CHÁNH VĂN PHÒNG", fullName: "Nguyễn Văn An" },
    priority: 0,
    secrecy: 0,
    trace: { businessType: 0 },
    messageId: randomUUID(),
    attachments: [{ contentType: "application/pdf", name: "cong-van.pdf", contentBase64: b64(PDF_BYTES) }],
    ...extra,
  };
}

const post = (key: string, body: unknown) =>
  send(
    new Request("http://localhost/api/v1/van-ban", {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
  );

beforeAll(async () => {
  for (const identifier of [VPCP, HCMC, CAO_BANG]) {
    const agency = await db.agency.findUniqueOrThrow({ where: { identifier } });
    keys[identifier] = (await issueApiKey(agency.id, `QLVB ${agency.shortName}`)).key;
  }
  const hcm = await db.agency.findUniqueOrThrow({ where: { identifier: HCMC } });
  await db.user.upsert({
    where: { email: "vanthu.inputs@example.vn" },
    update: {},
    create: {
      email: "vanthu.inputs@example.vn",
      role: "OFFICER",
      fullName: "Văn thư",
      agencyId: hcm.id,
      passwordHash: await hashPassword(PASSWORD),
    },
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the agency API sniffs attachments like web uploads", () => {
  it("an executable declared as a PDF is refused with problem+json naming the attachment, and nothing is stored", async () => {
    const put = vi.spyOn(fileStorage(), "put");
    const doc = message(VPCP, "Văn phòng Chính phủ", HCMC, {
      attachments: [
        { contentType: "application/pdf", name: "cong-van.pdf", contentBase64: b64(PDF_BYTES) },
        { contentType: "application/pdf", name: "phu-luc.pdf", contentBase64: b64(EXE_BYTES) },
      ],
    });
    const res = await post(keys[VPCP]!, doc);
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    const p = ProblemSchema.parse(await res.json());
    expect(p.code).toBe("unsupported_attachment");
    expect(p.errors).toEqual([expect.objectContaining({ field: "attachments.1", message: expect.stringContaining('"phu-luc.pdf"') })]);
    expect(put).not.toHaveBeenCalled();
    expect(await db.document.count({ where: { messageId: doc.messageId } })).toBe(0);
    const log = await db.exchangeLog.findFirstOrThrow({
      where: { operation: "send", faultCode: "unsupported_attachment" },
      orderBy: { id: "desc" },
    });
    expect(log.success).toBe(false);
  });

  it("a real PDF declared with a vague type is accepted and stored as what its bytes are", async () => {
    const doc = message(VPCP, "Văn phòng Chính phủ", HCMC, {
      attachments: [{ contentType: "application/octet-stream", name: "cong-van.pdf", contentBase64: b64(PDF_BYTES) }],
    });
    const res = await post(keys[VPCP]!, doc);
    expect(res.status, await res.clone().text()).toBe(201);
    const stored = await db.document.findUniqueOrThrow({ where: { messageId: doc.messageId }, include: { attachments: true } });
    expect(stored.attachments.map((a) => a.contentType)).toEqual(["application/pdf"]);
  });
});

describe("an answer to a document that was never received is refused", () => {
  it("through the API: answering a document sent to another agency is refused with unknown_answered; answering one received works", async () => {
    // VPCP sends to HCMC only.
    const original = message(VPCP, "Văn phòng Chính phủ", HCMC);
    expect((await post(keys[VPCP]!, original)).status).toBe(201);
    const key = documentId(VPCP, original.promulgation.date, `${original.code.number}/${original.code.notation}`);
    const responseFor = {
      organId: VPCP,
      code: `${original.code.number}/${original.code.notation}`,
      promulgationDate: "2026-11-20",
      documentId: key,
    };

    // Cao Bằng never received it.
    const foreign = message(CAO_BANG, "Ủy ban nhân dân tỉnh Cao Bằng", VPCP, { responseFor });
    const refused = await post(keys[CAO_BANG]!, foreign);
    expect(refused.status).toBe(400);
    const p = ProblemSchema.parse(await refused.json());
    expect(p).toMatchObject({ code: "unknown_answered", errors: [expect.objectContaining({ field: "responseFor" })] });
    expect(await db.document.count({ where: { messageId: foreign.messageId } })).toBe(0);

    // HCMC received it, so HCMC may answer.
    const answer = message(HCMC, "Ủy ban nhân dân Thành phố Hồ Chí Minh", VPCP, { responseFor });
    const ok = await post(keys[HCMC]!, answer);
    expect(ok.status, await ok.clone().text()).toBe(201);
    expect((await db.document.findUniqueOrThrow({ where: { messageId: answer.messageId } })).responseForKey).toBe(key);
  });

  it("in the portal: answering the agency's own sent document, or another agency's, is refused naming the field", async () => {
    await signInAs("quantri@vpcp.example", "VanPhong@2026");
    const sent = await viaSession(sendDocument, {
      typeCode: "CV",
      subject: "V/v văn bản chỉ gửi Thành phố Hồ Chí Minh",
      signerPosition: "CHÁNH VĂN PHÒNG",
      signerName: "Nguyễn Văn An",
      recipients: [HCMC],
      messageId: randomUUID(),
    });
    if (!sent.ok) throw new Error(sent.message);
    // VPCP did not receive its own document.
    const self = await viaSession(sendDocument, {
      typeCode: "CV",
      subject: "V/v trả lời văn bản chính mình gửi",
      signerPosition: "CHÁNH VĂN PHÒNG",
      signerName: "Nguyễn Văn An",
      recipients: [CAO_BANG],
      responseForKey: sent.data.documentKey,
      messageId: randomUUID(),
    });
    expect(self).toMatchObject({
      ok: false,
      reason: "unknown_answered",
      fieldErrors: { responseForKey: expect.stringContaining("Văn bản được trả lời") },
    });
  });
});

describe("the compose form checks who is sending before storing any file", () => {
  function composeForm(): FormData {
    const f = new FormData();
    f.set("typeCode", "CV");
    f.set("subject", "V/v gửi văn bản kèm tệp khi chưa đăng nhập");
    f.set("signerPosition", "CHÁNH VĂN PHÒNG");
    f.set("signerName", "Nguyễn Văn An");
    f.set("messageId", randomUUID());
    f.append("recipients", VPCP);
    f.append("attachments", new File([Buffer.from(PDF_BYTES)], "cong-van.pdf", { type: "application/pdf" }));
    return f;
  }

  it("compose without a session stores no file; a citizen's session neither; a clerk's stores one", async () => {
    const put = vi.spyOn(fileStorage(), "put");
    request.sessionId = undefined;
    const anonymous = await sendAction(EMPTY_ACTION_STATE, composeForm());
    expect(anonymous).toMatchObject({
      ok: false,
      values: expect.objectContaining({ subject: "V/v gửi văn bản kèm tệp khi chưa đăng nhập" }),
    });
    expect(anonymous.message).toMatch(/đăng nhập/i);
    expect(put).not.toHaveBeenCalled();

    await signInCitizen();
    const citizen = await sendAction(EMPTY_ACTION_STATE, composeForm());
    expect(citizen.ok).toBe(false);
    expect(put).not.toHaveBeenCalled();
    expect(await db.auditEvent.count({ where: { action: "document.send", outcome: "denied" } })).toBeGreaterThan(0);

    await signInAs("vanthu.inputs@example.vn", PASSWORD);
    // Success ends in a redirect to the sent register (Next's redirect throws).
    await expect(sendAction(EMPTY_ACTION_STATE, composeForm())).rejects.toThrow(/NEXT_REDIRECT/);
    expect(put).toHaveBeenCalledTimes(1);
  });
});

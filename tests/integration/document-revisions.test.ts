// Documents composed in the portal with attachments, their updates and replacements (edXML business types
// 2 and 3) reaching the recipients, the register filters, and the exchange log rows of the portal path.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { documentFileType, storeDocumentFiles } from "@/lib/documents/attachments";
import { incomingRegister, outgoingRegister, parseRegisterFilters, readDocumentAttachment } from "@/lib/documents/registers";
import { answerStart, answersBy, revisionStart, revisionsOf } from "@/lib/documents/revisions";
import { documentInbox } from "@/lib/documents/receive";
import { sendDocument } from "@/lib/documents/send";
import { setDocumentStatus } from "@/lib/documents/status";
import { fileStorage } from "@/lib/files/storage";
import { signInAs } from "../support/filing";
import { viaSession } from "@/lib/auth/session-actor";

const PASSWORD = "VanThu2026x";
const DA_NANG = "000.00.00.H15";
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const DOCX = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(" phụ lục")]);

async function me() {
  const { getCurrentUser } = await import("@/lib/auth/current-user");
  return (await getCurrentUser())!;
}

let daNangId = 0;

/** What Đà Nẵng's own document system pulls from its inbox (as the API's agency_system actor). */
async function daNangInbox(): Promise<unknown> {
  const r = await documentInbox({ kind: "agency_system", agencyId: daNangId, apiKeyId: "qlvb-da-nang" }, { limit: 50 });
  if (!r.ok) throw new Error(r.message);
  return r.data.items;
}

beforeAll(async () => {
  const agency = await db.agency.findUniqueOrThrow({ where: { identifier: DA_NANG } });
  daNangId = agency.id;
  await db.user.upsert({
    where: { email: "vanthu.dn@example.vn" },
    update: {},
    create: {
      email: "vanthu.dn@example.vn",
      role: "OFFICER",
      fullName: "Văn thư Đà Nẵng",
      agencyId: agency.id,
      passwordHash: await hashPassword(PASSWORD),
    },
  });
});

const draft = (extra: Record<string, unknown> = {}) => ({
  typeCode: "CV",
  subject: "V/v đôn đốc công bố thủ tục hành chính trực tuyến mức độ 3, 4",
  signerPosition: "KT. BỘ TRƯỞNG, CHỦ NHIỆM – PHÓ CHỦ NHIỆM",
  signerName: "Nguyễn Văn Nên",
  priority: 0,
  recipients: [DA_NANG],
  messageId: randomUUID(),
  ...extra,
});

describe("attachments of a document composed in the portal", () => {
  it("accepts PDF and office files by their bytes; refuses a renamed executable and says which file", async () => {
    expect(documentFileType("cong-van.pdf", PDF)).toEqual({ contentType: "application/pdf", ext: "pdf" });
    expect(documentFileType("phu-luc.docx", DOCX)?.ext).toBe("docx");
    expect(documentFileType("phu-luc.exe", DOCX)).toBeNull();
    expect(documentFileType("virus.pdf", Buffer.from("MZ\x90\x00"))).toBeNull();

    const refused = await storeDocumentFiles(
      [new File([PDF], "cong-van.pdf"), new File([Buffer.from("MZ\x90\x00")], "bao-cao.pdf")],
      randomUUID(),
    );
    expect(refused).toEqual({ ok: false, message: expect.stringMatching(/^Tệp đính kèm: tệp "bao-cao\.pdf" không phải PDF/) });
  });

  it("sends with two attachments (order and sha256 kept); both sides download, a third agency cannot", async () => {
    await signInAs("quantri@vpcp.example", "VanPhong@2026");
    const messageId = randomUUID();
    const stored = await storeDocumentFiles([new File([PDF], "cong-van.pdf"), new File([DOCX], "phụ lục 1.docx")], messageId);
    if (!stored.ok) throw new Error(stored.message);
    const sent = await viaSession(sendDocument, draft({ messageId, attachments: stored.files }));
    if (!sent.ok) throw new Error(sent.message);
    const doc = await db.document.findUniqueOrThrow({
      where: { documentKey: sent.data.documentKey },
      include: { attachments: { orderBy: { storageKey: "asc" } } },
    });
    expect(doc.attachments.map((a) => a.name)).toEqual(["cong-van.pdf", "phụ lục 1.docx"]);
    expect(doc.attachments[0]!.sha256).toBe(stored.files[0]!.sha256);

    // The recipient's system pulls it with the attachments, as edXML/JSON.
    const inbox = await daNangInbox();
    const item = (inbox as { documentKey: string; document: { attachments: { name: string; contentBase64: string }[] } }[]).find(
      (i) => i.documentKey === doc.documentKey,
    )!;
    expect(item.document.attachments.map((a) => a.name)).toEqual(["cong-van.pdf", "phụ lục 1.docx"]);
    expect(Buffer.from(item.document.attachments[0]!.contentBase64, "base64").equals(PDF)).toBe(true);

    const id = doc.attachments[0]!.id;
    expect((await readDocumentAttachment(await me(), id))?.bytes.equals(PDF)).toBe(true);
    await signInAs("vanthu.dn@example.vn", PASSWORD);
    expect((await readDocumentAttachment(await me(), id))?.bytes.equals(PDF)).toBe(true);
    await signInAs("canbo.hcm@dichvucong.example", "CanBo@2026");
    expect(await readDocumentAttachment(await me(), id)).toBeNull();
    expect(await readDocumentAttachment(await me(), "khong-phai-uuid")).toBeNull();
  });

  it("a refused send leaves no file behind", async () => {
    await signInAs("quantri@vpcp.example", "VanPhong@2026");
    const messageId = randomUUID();
    const stored = await storeDocumentFiles([new File([PDF], "cong-van.pdf")], messageId);
    if (!stored.ok) throw new Error(stored.message);
    const r = await viaSession(sendDocument, draft({ messageId, attachments: stored.files, recipients: ["000.00.00.G22"] }));
    expect(r).toMatchObject({ ok: false, fieldErrors: { recipients: expect.stringContaining("chính cơ quan") } });
    await stored.remove();
    await expect(fileStorage().get(stored.files[0]!.storageKey)).rejects.toThrow();
  });
});

describe("update and replacement (edXML business types 2 and 3)", () => {
  it("a replacement reaches the same recipients pointing at the original; both registers say so", async () => {
    await signInAs("quantri@vpcp.example", "VanPhong@2026");
    const original = await viaSession(sendDocument, draft({ subject: "V/v tổ chức hội nghị trực tuyến về Chính phủ điện tử" }));
    if (!original.ok) throw new Error(original.message);

    const start = await revisionStart(await me(), original.data.documentKey, 3);
    expect(start).toMatchObject({
      recipients: DA_NANG,
      businessType: "3",
      replacesKey: original.data.documentKey,
      subject: "V/v tổ chức hội nghị trực tuyến về Chính phủ điện tử",
    });
    const replacement = await viaSession(sendDocument, {
      ...start!,
      dueDate: undefined,
      content: undefined,
      subject: "V/v tổ chức hội nghị trực tuyến về Chính phủ điện tử (thay thế)",
      recipients: [DA_NANG],
      messageId: randomUUID(),
    });
    if (!replacement.ok) throw new Error(replacement.message);

    const stored = await db.document.findUniqueOrThrow({ where: { documentKey: replacement.data.documentKey } });
    expect(stored.businessType).toBe(3);
    const orig = await db.document.findUniqueOrThrow({ where: { documentKey: original.data.documentKey } });
    expect(stored.replacesId).toBe(orig.id);
    expect((await revisionsOf([orig.id])).get(orig.id)).toEqual([
      { documentKey: stored.documentKey, notation: stored.notation, businessType: 3 },
    ]);

    // The recipient is told: the new copy arrives naming what it replaces, and its system reads the trace.
    await signInAs("vanthu.dn@example.vn", PASSWORD);
    const incoming = await incomingRegister(await me());
    const copy = incoming.find((r) => r.document.documentKey === stored.documentKey)!;
    expect(copy.document.replaces).toEqual({ documentKey: orig.documentKey, notation: orig.notation });
    const inbox = await daNangInbox();
    const item = (inbox as { documentKey: string; document: { trace: { businessType: number; replacesDocumentId?: string } } }[]).find(
      (i) => i.documentKey === stored.documentKey,
    )!;
    expect(item.document.trace).toEqual({ businessType: 3, replacesDocumentId: orig.documentKey });

    // Only the sender's own documents can be revised.
    expect(await revisionStart(await me(), original.data.documentKey, 2)).toBeNull();
    await signInAs("canbo.hcm@dichvucong.example", "CanBo@2026");
    const foreign = await viaSession(
      sendDocument,
      draft({ recipients: ["000.00.00.G22"], businessType: 2, replacesKey: original.data.documentKey }),
    );
    expect(foreign).toMatchObject({ ok: false, fieldErrors: { replacesKey: expect.stringContaining("không tìm thấy") } });
  });
});

describe("answering a document", () => {
  it("an answer goes to the sender, names the document, carries the signer's competence, and only for documents received", async () => {
    await signInAs("quantri@vpcp.example", "VanPhong@2026");
    const asked = await viaSession(sendDocument, draft({ subject: "V/v báo cáo số liệu hồ sơ trực tuyến quý IV", dueDate: "2026-11-20" }));
    if (!asked.ok) throw new Error(asked.message);

    await signInAs("vanthu.dn@example.vn", PASSWORD);
    const dn = await me();
    const start = await answerStart(dn, asked.data.documentKey);
    expect(start).toMatchObject({
      recipients: "000.00.00.G22",
      responseForKey: asked.data.documentKey,
      subject: expect.stringMatching(/^V\/v trả lời Văn bản số \d+\/VPCP về báo cáo số liệu/),
    });
    expect((await answersBy(dn.agencyId, [asked.data.documentKey])).get(asked.data.documentKey)).toBeUndefined();
    const answer = await viaSession(sendDocument, {
      ...draft({ recipients: ["000.00.00.G22"] }),
      subject: start!.subject,
      responseForKey: start!.responseForKey,
      signerCompetence: "KT.",
      signerPosition: "CHỦ TỊCH – PHÓ CHỦ TỊCH",
    });
    if (!answer.ok) throw new Error(answer.message);
    const stored = await db.document.findUniqueOrThrow({ where: { documentKey: answer.data.documentKey } });
    expect(stored).toMatchObject({ responseForKey: asked.data.documentKey, signerCompetence: "KT." });
    expect((await answersBy(dn.agencyId, [asked.data.documentKey])).get(asked.data.documentKey)).toEqual([
      { documentKey: stored.documentKey, notation: stored.notation },
    ]);

    // A document the agency never received cannot be answered.
    await signInAs("canbo.hcm@dichvucong.example", "CanBo@2026");
    expect(await answerStart(await me(), asked.data.documentKey)).toBeNull();
    const foreign = await viaSession(sendDocument, { ...draft({ recipients: ["000.00.00.G22"] }), responseForKey: asked.data.documentKey });
    expect(foreign).toMatchObject({ ok: false, fieldErrors: { responseForKey: expect.stringContaining("không tìm thấy") } });
  });
});

describe("registers and the exchange log", () => {
  it("filters by type, urgency, status, the other agency and dates", async () => {
    expect(
      parseRegisterFilters({
        q: " báo cáo ",
        "tu-ngay": "2026-11-01",
        "den-ngay": "x",
        loai: "QD",
        "do-khan": "3",
        "trang-thai": "03",
        "co-quan": DA_NANG,
      }),
    ).toEqual({
      q: "báo cáo",
      from: "2026-11-01",
      typeCode: "QD",
      priority: 3,
      status: "03",
      agency: DA_NANG,
    });
    await signInAs("quantri@vpcp.example", "VanPhong@2026");
    const urgent = await viaSession(sendDocument, draft({ priority: 3, subject: "V/v xử lý sự cố kết nối hỏa tốc" }));
    if (!urgent.ok) throw new Error(urgent.message);
    const user = await me();
    const hoaToc = await outgoingRegister(user, { priority: 3 });
    expect(hoaToc.length).toBeGreaterThan(0);
    expect(hoaToc.every((d) => d.priority === 3)).toBe(true);
    expect((await outgoingRegister(user, { agency: DA_NANG, priority: 3 })).map((d) => d.documentKey)).toContain(urgent.data.documentKey);
    expect((await outgoingRegister(user, { agency: "000.00.00.H29", priority: 3 })).map((d) => d.documentKey)).not.toContain(
      urgent.data.documentKey,
    );
    expect(await outgoingRegister(user, { from: "2016-01-01", to: "2016-12-31" })).toEqual([]);

    await signInAs("vanthu.dn@example.vn", PASSWORD);
    const dn = await me();
    const mine = (await incomingRegister(dn, { priority: 3 })).find((r) => r.document.documentKey === urgent.data.documentKey)!;
    expect(mine).toBeDefined();
    expect((await incomingRegister(dn, { status: "03" })).map((r) => r.id)).not.toContain(mine.id);
    expect(await viaSession(setDocumentStatus, { recipientId: mine.id, status: "03", version: mine.version })).toMatchObject({ ok: true });
    expect((await incomingRegister(dn, { status: "03", agency: "000.00.00.G22" })).map((r) => r.id)).toContain(mine.id);
    expect((await incomingRegister(dn, { status: "03", agency: "000.00.00.H29" })).map((r) => r.id)).not.toContain(mine.id);

    // The portal path leaves the same kind of trail as the API: sender in, delivery out, status in and back.
    const log = await db.exchangeLog.findMany({ where: { documentKey: urgent.data.documentKey }, orderBy: { id: "asc" } });
    const vpcp = (await db.agency.findUniqueOrThrow({ where: { identifier: "000.00.00.G22" } })).id;
    expect(log.map((l) => [l.operation, l.direction, l.agencyId, l.success])).toEqual([
      ["portal-send", "in", vpcp, true],
      ["deliver", "out", daNangId, true],
      ["portal-status", "in", daNangId, true],
      ["deliver", "out", vpcp, true],
    ]);
  });
});

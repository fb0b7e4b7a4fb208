// Inter-agency documents: Decree 30 types, number/notation and document ids, QCVN 102 status moves,
// the EdDocument schema's errors and the edXML round trip with its refusals.
import { describe, expect, it } from "vitest";
import { EDXML_NAMESPACE, MAX_EDXML_CHARS, fromEdXml, toEdXml } from "@/lib/documents/edxml";
import { EdDocument, MAX_ATTACHMENTS_BYTES } from "@/lib/documents/schema";
import {
  DOCUMENT_TYPES,
  QCVN_STATUS,
  SECRECY,
  URGENCY,
  documentId,
  formatNotation,
  nextRecipientStatus,
  parseDocumentId,
  parseNotation,
  type QcvnStatusCode,
} from "@/lib/documents/types";

// A one-page PDF and a 1×1 PNG, small but real.
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
).toString("base64");
const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

const sample = () => ({
  from: {
    organId: "000.00.00.G22",
    organName: "Văn phòng Chính phủ",
    address: "Số 1 Hoàng Hoa Thám, Ba Đình, Hà Nội",
    email: "vpcp@chinhphu.vn",
    phone: "080 43162",
  },
  to: [
    { organId: "000.00.00.H29", organName: "Ủy ban nhân dân Thành phố Hồ Chí Minh" },
    { organId: "000.00.00.G15", organName: "Bộ Tư pháp" },
    { organId: "000.00.00.H41", organName: "Ủy ban nhân dân tỉnh Nghệ An" },
  ],
  code: { number: 7816, notation: "VPCP-TTĐT" },
  promulgation: { place: "Hà Nội", date: "2015-09-30" },
  documentType: { code: "CV", name: "Công văn" },
  subject: "V/v triển khai Nghị quyết 36a/NQ-CP về Chính phủ điện tử",
  content: "Thủ tướng Chính phủ yêu cầu các bộ, ngành & địa phương <khẩn trương> kết nối trục liên thông văn bản quốc gia.\nTrân trọng.",
  signer: { competence: "KT. BỘ TRƯỞNG, CHỦ NHIỆM", position: "Phó Chủ nhiệm", fullName: "Nguyễn Văn Nên" },
  dueDate: "2015-10-15",
  priority: 2,
  secrecy: 0,
  steeringType: 1,
  responseFor: {
    organId: "000.00.00.H29",
    code: "123/UBND-VP",
    promulgationDate: "2015-09-01",
    documentId: "000.00.00.H29,2015/09/01,123/UBND-VP",
  },
  trace: { businessType: 0 },
  messageId: "3f1c2a9e-7b4d-4c1e-9a2b-5d6e7f8a9b0c",
  attachments: [
    { contentType: "application/pdf", name: "Công văn 7816-VPCP-TTĐT.pdf", description: "Bản ký số của công văn", contentBase64: PDF },
    { contentType: "image/png", name: "Sơ đồ kết nối.png", description: "Sơ đồ trục liên thông", contentBase64: PNG },
  ],
});

/** The messages of a failed parse of `input`. */
function errorsOf(input: unknown): string[] {
  const r = EdDocument.safeParse(input);
  if (r.success) throw new Error("expected a validation error");
  return r.error.issues.map((i) => i.message);
}

describe("Decree 30/2020/NĐ-CP document types", () => {
  it("lists the 29 types with unique ASCII codes and abbreviations", () => {
    expect(DOCUMENT_TYPES).toHaveLength(29);
    expect(new Set(DOCUMENT_TYPES.map((t) => t.code)).size).toBe(29);
    const abbreviations = DOCUMENT_TYPES.flatMap((t) => (t.abbreviation ? [t.abbreviation] : []));
    expect(new Set(abbreviations).size).toBe(abbreviations.length);
    for (const t of DOCUMENT_TYPES) expect(t.code).toMatch(/^[A-Z]+$/);
    expect(DOCUMENT_TYPES).toContainEqual({ code: "QD", abbreviation: "QĐ", name: "Quyết định" });
    expect(DOCUMENT_TYPES).toContainEqual({ code: "QYD", abbreviation: "QyĐ", name: "Quy định" });
    expect(DOCUMENT_TYPES).toContainEqual({ code: "DDA", abbreviation: "ĐA", name: "Đề án" });
    expect(DOCUMENT_TYPES).toContainEqual({ code: "DA", abbreviation: "DA", name: "Dự án" });
    expect(DOCUMENT_TYPES).toContainEqual({ code: "CV", abbreviation: null, name: "Công văn" });
  });
  it("names urgency, secrecy and the nine status codes", () => {
    expect(URGENCY).toEqual({ 0: "Thường", 1: "Khẩn", 2: "Thượng khẩn", 3: "Hỏa tốc" });
    expect(SECRECY).toEqual({ 0: "Thường", 1: "Mật", 2: "Tối mật", 3: "Tuyệt mật" });
    expect(Object.keys(QCVN_STATUS).sort()).toEqual(["01", "02", "03", "04", "05", "06", "13", "15", "16"]);
    expect(QCVN_STATUS["15"]).toBe("Đồng ý lấy lại / cập nhật");
  });
});

describe("number and notation", () => {
  it.each([
    [{ number: 15, typeCode: "QD", issuerAbbreviation: "UBND" }, "15/QĐ-UBND"],
    [{ number: 123, typeCode: "CV", issuerAbbreviation: "UBND", unitAbbreviation: "VP" }, "123/UBND-VP"],
    [{ number: 7816, typeCode: "CV", issuerAbbreviation: "VPCP", unitAbbreviation: "TTĐT" }, "7816/VPCP-TTĐT"],
    [{ number: 4, typeCode: "CV", issuerAbbreviation: "VPCP" }, "4/VPCP"],
    [{ number: 4, typeCode: "CV", issuerAbbreviation: "VPCP", unitAbbreviation: " " }, "4/VPCP"],
    [{ number: 36, typeCode: "QYD", issuerAbbreviation: "BTP" }, "36/QyĐ-BTP"],
    [{ number: 2, typeCode: "TTR", issuerAbbreviation: "BTTTT", unitAbbreviation: "CĐSQG" }, "2/TTr-BTTTT-CĐSQG"],
  ])("formats %j as %s", (parts, expected) => expect(formatNotation(parts)).toBe(expected));

  it("refuses what no document may carry", () => {
    expect(() => formatNotation({ number: 0, typeCode: "QD", issuerAbbreviation: "UBND" })).toThrow(/số nguyên dương/);
    expect(() => formatNotation({ number: 1.5, typeCode: "QD", issuerAbbreviation: "UBND" })).toThrow(RangeError);
    expect(() => formatNotation({ number: 1, typeCode: "ND", issuerAbbreviation: "CP" })).toThrow(/Nghị định 30/);
    expect(() => formatNotation({ number: 1, typeCode: "QD", issuerAbbreviation: "UB/ND" })).toThrow(/không hợp lệ/);
    expect(() => formatNotation({ number: 1, typeCode: "QD", issuerAbbreviation: "UBND TP" })).toThrow(RangeError);
  });

  it.each([
    ["15/QĐ-UBND", { number: 15, typeCode: "QD", issuerAbbreviation: "UBND" }],
    ["123/UBND-VP", { number: 123, typeCode: "CV", issuerAbbreviation: "UBND", unitAbbreviation: "VP" }],
    ["7816/VPCP-TTĐT", { number: 7816, typeCode: "CV", issuerAbbreviation: "VPCP", unitAbbreviation: "TTĐT" }],
    ["05/QĐ-UBND", { number: 5, typeCode: "QD", issuerAbbreviation: "UBND" }],
    ["2/TTr-BTTTT-CĐSQG", { number: 2, typeCode: "TTR", issuerAbbreviation: "BTTTT", unitAbbreviation: "CĐSQG" }],
    ["9/ĐA-UBND", { number: 9, typeCode: "DDA", issuerAbbreviation: "UBND" }],
    ["9/DA-UBND", { number: 9, typeCode: "DA", issuerAbbreviation: "UBND" }],
    ["12/VPCP", { number: 12, typeCode: "CV", issuerAbbreviation: "VPCP" }],
  ])("parses %s", (notation, expected) => expect(parseNotation(notation)).toEqual(expected));

  it.each(["15/2020/NĐ-CP", "QĐ-UBND", "0/QĐ-UBND", "15/QĐ", "15/QĐ UBND", "15/", "/QĐ-UBND", "15/QĐ--UBND", "a15/QĐ-UBND", ""])(
    "does not parse %j",
    (notation) => expect(parseNotation(notation)).toBeNull(),
  );

  it("formats what it parses back to the same text", () => {
    for (const n of ["15/QĐ-UBND", "123/UBND-VP", "7816/VPCP-TTĐT", "2/TTr-BTTTT-CĐSQG"]) expect(formatNotation(parseNotation(n)!)).toBe(n);
  });

  it("builds and reads document ids", () => {
    expect(documentId("000.00.00.G22", "2015-09-30", "7816/VPCP-TTĐT")).toBe("000.00.00.G22,2015/09/30,7816/VPCP-TTĐT");
    expect(parseDocumentId("000.00.00.G22,2015/09/30,7816/VPCP-TTĐT")).toEqual({
      organId: "000.00.00.G22",
      promulgationDate: "2015-09-30",
      notation: "7816/VPCP-TTĐT",
    });
    expect(parseDocumentId(documentId("000.00.00.H29", "2024-02-29", "15/QĐ-UBND"))).toEqual({
      organId: "000.00.00.H29",
      promulgationDate: "2024-02-29",
      notation: "15/QĐ-UBND",
    });
  });
  it.each([
    "G22,2015/09/30,7816/VPCP-TTĐT",
    "000.00.00.G22,2015-09-30,7816/VPCP-TTĐT",
    "000.00.00.G22,30/09/2015,7816/VPCP-TTĐT",
    "000.00.00.G22,2015/02/30,7816/VPCP-TTĐT",
    "000.00.00.G22,2015/09/30,VPCP-TTĐT",
    "000.00.00.G22,2015/09/30",
    "000.00.00.G22,2015/09/30,7816/VPCP,TTĐT",
    "000.00.00.G22,2015/09/30,7816/VPCP TTĐT",
  ])("does not read %j as a document id", (id) => expect(parseDocumentId(id)).toBeNull());
  it("refuses to mint a malformed document id", () => {
    expect(() => documentId("G22", "2015-09-30", "7816/VPCP-TTĐT")).toThrow(/Mã định danh/);
    expect(() => documentId("000.00.00.G22", "30/09/2015", "7816/VPCP-TTĐT")).toThrow(/yyyy-mm-dd/);
    expect(() => documentId("000.00.00.G22", "2015-09-30", "VPCP-TTĐT")).toThrow(/Số, ký hiệu/);
  });
});

describe("QCVN 102 status moves of one recipient's copy", () => {
  const recipientMoves = ["01→02", "01→03", "03→04", "03→05", "03→06", "04→05", "04→06", "05→06", "13→15", "13→16"];
  const senderMoves = ["01→13", "03→13", "04→13", "05→13"];
  const codes = Object.keys(QCVN_STATUS) as QcvnStatusCode[];

  it.each(recipientMoves)("the recipient may move %s", (move) => {
    const [from, to] = move.split("→") as [string, string];
    expect(nextRecipientStatus(from, to, "recipient")).toEqual({ ok: true, status: to });
  });
  it.each(senderMoves)("the sender may ask %s", (move) => {
    const [from, to] = move.split("→") as [string, string];
    expect(nextRecipientStatus(from, to, "sender")).toEqual({ ok: true, status: to });
  });
  it("refuses every other pair, for both actors, with a Vietnamese reason", () => {
    let refused = 0;
    for (const actor of ["recipient", "sender"] as const) {
      const allowed = actor === "recipient" ? recipientMoves : senderMoves;
      for (const from of codes) {
        for (const to of codes) {
          const r = nextRecipientStatus(from, to, actor);
          expect(r.ok, `${actor} ${from}→${to}`).toBe(allowed.includes(`${from}→${to}`));
          if (!r.ok) {
            refused++;
            expect(r.message).toMatch(/[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i);
          }
        }
      }
    }
    expect(refused).toBe(2 * codes.length * codes.length - recipientMoves.length - senderMoves.length);
  });
  it("says why", () => {
    const msg = (from: string, to: string, actor: "sender" | "recipient") => {
      const r = nextRecipientStatus(from, to, actor);
      return r.ok ? "" : r.message;
    };
    expect(msg("01", "05", "recipient")).toBe(
      "Không thể chuyển văn bản từ 01 (Đã đến) sang 05 (Đang xử lý); chỉ được chuyển sang 02 (Từ chối), 03 (Đã tiếp nhận).",
    );
    expect(msg("06", "05", "recipient")).toBe("Văn bản ở trạng thái 06 (Hoàn thành) không thể chuyển sang trạng thái khác.");
    expect(msg("03", "13", "recipient")).toBe("Chỉ bên gửi mới được yêu cầu lấy lại văn bản (13).");
    expect(msg("03", "15", "recipient")).toMatch(/^Chỉ trả lời 15 .* khi bên gửi đã yêu cầu lấy lại \(13\)\.$/);
    expect(msg("13", "06", "recipient")).toMatch(/phải đồng ý \(15\) hoặc từ chối \(16\)/);
    expect(msg("03", "04", "sender")).toMatch(/^Bên gửi chỉ được yêu cầu lấy lại/);
    expect(msg("06", "13", "sender")).toBe("Không thể yêu cầu lấy lại văn bản đang ở trạng thái 06 (Hoàn thành).");
    expect(msg("02", "13", "sender")).toMatch(/02 \(Từ chối\)/);
    expect(msg("03", "03", "recipient")).toBe("Văn bản đã ở trạng thái 03 (Đã tiếp nhận).");
    expect(msg("99", "03", "recipient")).toMatch(/"99" không phải mã trạng thái/);
    expect(msg("01", "07", "recipient")).toMatch(/"07" không phải mã trạng thái/);
  });
});

describe("EdDocument", () => {
  it("accepts a complete document and normalises its text", () => {
    const doc = EdDocument.parse({ ...sample(), subject: "  V/v triển khai Nghị quyết 36a/NQ-CP về Chính phủ điện tử  " });
    expect(doc.subject).toBe("V/v triển khai Nghị quyết 36a/NQ-CP về Chính phủ điện tử");
    // Decomposed input (as some keyboards produce) is stored composed.
    expect(EdDocument.parse({ ...sample(), subject: "Nguyễn".normalize("NFD") }).subject).toBe("Nguyễn");
  });
  it("accepts a minimal new typed document", () => {
    const { responseFor: _r, dueDate: _d, content: _c, steeringType: _s, ...rest } = sample();
    const doc = EdDocument.safeParse({
      ...rest,
      from: { organId: "000.00.00.H29", organName: "Ủy ban nhân dân Thành phố Hồ Chí Minh" },
      code: { number: 15, notation: "QĐ-UBND" },
      documentType: { code: "QD", name: "Quyết định" },
      signer: { position: "Chủ tịch", fullName: "Phan Văn Mãi" },
      attachments: [],
    });
    expect(doc.success, JSON.stringify(!doc.success && doc.error.issues)).toBe(true);
  });

  it.each<[string, (d: ReturnType<typeof sample>) => unknown, RegExp]>([
    [
      "a bad sender identifier",
      (d) => ({ ...d, from: { ...d.from, organId: "G22" } }),
      /^from\.organId: "G22" không phải mã định danh QCVN 102:2016/,
    ],
    ["a bad recipient identifier", (d) => ({ ...d, to: [d.to[0], { organId: "000.00.00.h29", organName: "X" }] }), /^to\.1\.organId: /],
    ["no recipient", (d) => ({ ...d, to: [] }), /^to: phải có ít nhất một cơ quan nhận$/],
    [
      "a duplicate recipient",
      (d) => ({ ...d, to: [d.to[0], d.to[0]] }),
      /^to\.1\.organId: cơ quan 000\.00\.00\.H29 đã có trong danh sách nơi nhận$/,
    ],
    [
      "a notation with its number",
      (d) => ({ ...d, code: { number: 7816, notation: "7816/VPCP-TTĐT" } }),
      /^code\.notation: ký hiệu "7816\/VPCP-TTĐT" không hợp lệ/,
    ],
    ["a zero number", (d) => ({ ...d, code: { ...d.code, number: 0 } }), /^code\.number: số văn bản phải là số nguyên dương$/],
    ["a missing subject", ({ subject: _s, ...d }) => d, /^subject: bắt buộc phải có$/],
    ["an empty subject", (d) => ({ ...d, subject: "   " }), /^subject: không được để trống$/],
    ["a long subject", (d) => ({ ...d, subject: "a".repeat(1001) }), /^subject: tối đa 1000 ký tự$/],
    ["a control character", (d) => ({ ...d, subject: "a\u0001b" }), /^subject: chứa ký tự điều khiển không hợp lệ$/],
    [
      "an impossible date",
      (d) => ({ ...d, promulgation: { ...d.promulgation, date: "2015-02-30" } }),
      /^promulgation\.date: ngày "2015-02-30" không hợp lệ/,
    ],
    ["a dd/MM/yyyy date in JSON", (d) => ({ ...d, dueDate: "15/10/2015" }), /^dueDate: ngày "15\/10\/2015" không hợp lệ \(dạng yyyy-mm-dd/],
    ["a due date before promulgation", (d) => ({ ...d, dueDate: "2015-09-01" }), /^dueDate: hạn xử lý không được trước ngày ban hành$/],
    [
      "an unknown type",
      (d) => ({ ...d, documentType: { code: "ND", name: "Nghị định" } }),
      /^documentType\.code: loại văn bản "ND" không có trong danh mục/,
    ],
    [
      "a notation not matching its type",
      (d) => ({ ...d, documentType: { code: "QD", name: "Quyết định" } }),
      /^code\.notation: ký hiệu của quyết định phải bắt đầu bằng "QĐ-"/,
    ],
    [
      "an urgency of 4",
      (d) => ({ ...d, priority: 4 }),
      /^priority: độ khẩn phải là số nguyên từ 0 đến 3 \(0 thường, 1 khẩn, 2 thượng khẩn, 3 hỏa tốc\)$/,
    ],
    ["a secrecy given as text", (d) => ({ ...d, secrecy: "mật" }), /^secrecy: độ mật phải là số nguyên/],
    ["a bad message id", (d) => ({ ...d, messageId: "123" }), /^messageId: mã thông điệp phải là UUID$/],
    ["a bad email", (d) => ({ ...d, from: { ...d.from, email: "vpcp@" } }), /^from\.email: địa chỉ thư điện tử không hợp lệ$/],
    ["a bad business type", (d) => ({ ...d, trace: { businessType: 7 } }), /^trace\.businessType: loại nghiệp vụ phải là 0 \(mới\)/],
    [
      "a replacement without the replaced id",
      (d) => ({ ...d, trace: { businessType: 3 } }),
      /^trace\.replacesDocumentId: bắt buộc khi văn bản thay thế/,
    ],
    [
      "a replaced id on a new document",
      (d) => ({ ...d, trace: { businessType: 0, replacesDocumentId: "000.00.00.G22,2015/09/01,1/VPCP" } }),
      /^trace\.replacesDocumentId: chỉ dùng khi/,
    ],
    [
      "a response-for id not matching",
      (d) => ({ ...d, responseFor: { ...d.responseFor, documentId: "000.00.00.H29,2015/09/02,123/UBND-VP" } }),
      /^responseFor\.documentId: phải là "000\.00\.00\.H29,2015\/09\/01,123\/UBND-VP"/,
    ],
    [
      "invalid base64",
      (d) => ({ ...d, attachments: [{ ...d.attachments[0], contentBase64: "JVBERi0x*" }] }),
      /^attachments\.0\.contentBase64: nội dung không phải base64 hợp lệ/,
    ],
    [
      "an empty attachment",
      (d) => ({ ...d, attachments: [{ ...d.attachments[0], contentBase64: "" }] }),
      /^attachments\.0\.contentBase64: tệp đính kèm rỗng$/,
    ],
    [
      "a bad content type",
      (d) => ({ ...d, attachments: [d.attachments[0], { ...d.attachments[1], contentType: "png" }] }),
      /^attachments\.1\.contentType: kiểu nội dung "png" không phải kiểu MIME hợp lệ/,
    ],
    [
      "a path in a file name",
      (d) => ({ ...d, attachments: [{ ...d.attachments[0], name: "../etc/passwd" }] }),
      /^attachments\.0\.name: tên tệp không được chứa dấu \//,
    ],
    ["an unknown field", (d) => ({ ...d, sercecy: 1 }), /^\(văn bản\): trường không được hỗ trợ: sercecy$/],
    ["a missing nested object", ({ signer: _s, ...d }) => d, /^signer: bắt buộc phải có$/],
    ["a string instead of an object", (d) => ({ ...d, code: "7816/VPCP-TTĐT" }), /^code: phải là đối tượng$/],
  ])("names the field for %s", (_label, mutate, expected) => {
    const messages = errorsOf(mutate(sample()));
    expect(
      messages.some((m) => expected.test(m)),
      messages.join("\n"),
    ).toBe(true);
  });

  it("limits the decoded size of all attachments to 20 MB", () => {
    const half = "A".repeat(Math.ceil(MAX_ATTACHMENTS_BYTES / 2 / 3) * 4); // just over 10 MB each
    const a = { contentType: "application/pdf", name: "a.pdf", contentBase64: half };
    expect(errorsOf({ ...sample(), attachments: [a, { ...a, name: "b.pdf" }] })).toEqual([
      "attachments: tổng dung lượng tệp đính kèm 20.971.524 byte vượt quá giới hạn 20 MB (20.971.520 byte)",
    ]);
    const fits = "A".repeat(Math.floor(MAX_ATTACHMENTS_BYTES / 3) * 4); // 2 bytes under the limit
    expect(EdDocument.safeParse({ ...sample(), attachments: [{ ...a, contentBase64: fits }] }).success).toBe(true);
  });

  it("writes every message in Vietnamese, starting with the field path", () => {
    const messages = errorsOf({
      from: {},
      to: [{}],
      code: {},
      promulgation: {},
      documentType: {},
      signer: {},
      trace: {},
      attachments: [{}],
    });
    expect(messages.length).toBeGreaterThan(15);
    for (const m of messages) expect(m).toMatch(/^([a-zA-Z0-9]+(\.[a-zA-Z0-9]+)*|\(văn bản\)): \S/);
    expect(messages).toContain("promulgation.place: bắt buộc phải có");
    expect(messages).toContain("attachments.0.contentBase64: bắt buộc phải có");
  });
});

describe("edXML", () => {
  const doc = EdDocument.parse(sample());

  it("round-trips a document with Vietnamese text everywhere, two attachments and three recipients", () => {
    const xml = toEdXml(doc);
    const back = fromEdXml(xml);
    expect(back.ok, back.ok ? "" : back.error).toBe(true);
    if (!back.ok) return;
    expect(back.doc).toStrictEqual(doc);
    expect(toEdXml(back.doc)).toBe(xml);
  });

  it("follows the structure of QCVN 102:2016", () => {
    const xml = toEdXml(doc);
    expect(
      xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<edXML:edXMLEnvelope xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016">'),
    ).toBe(true);
    expect(EDXML_NAMESPACE).toBe("http://www.mic.gov.vn/TBT/QCVN_102_2016");
    for (const fragment of [
      "<edXML:edXMLHeader>",
      "<edXML:MessageHeader>",
      "<edXML:OrganId>000.00.00.G22</edXML:OrganId>",
      "<edXML:OrganAdd>Số 1 Hoàng Hoa Thám, Ba Đình, Hà Nội</edXML:OrganAdd>",
      "<edXML:Telephone>080 43162</edXML:Telephone>",
      "<edXML:CodeNumber>7816</edXML:CodeNumber>",
      "<edXML:CodeNotation>VPCP-TTĐT</edXML:CodeNotation>",
      "<edXML:PromulgationDate>30/09/2015</edXML:PromulgationDate>",
      "<edXML:Type>CV</edXML:Type>",
      "<edXML:TypeName>Công văn</edXML:TypeName>",
      "<edXML:FullName>Nguyễn Văn Nên</edXML:FullName>",
      "<edXML:DueDate>15/10/2015</edXML:DueDate>",
      "<edXML:Place>Bộ Tư pháp</edXML:Place>",
      "<edXML:Priority>2</edXML:Priority>",
      "<edXML:SecurityLevel>0</edXML:SecurityLevel>",
      "<edXML:SteeringType>1</edXML:SteeringType>",
      "<edXML:DocumentId>000.00.00.H29,2015/09/01,123/UBND-VP</edXML:DocumentId>",
      "<edXML:DocumentId>000.00.00.G22,2015/09/30,7816/VPCP-TTĐT</edXML:DocumentId>",
      '<edXML:TraceHeaderList id="3f1c2a9e-7b4d-4c1e-9a2b-5d6e7f8a9b0c">',
      "<edXML:BussinessDocType>0</edXML:BussinessDocType>",
      "<edXML:edXMLBody>",
      "<edXML:ContentType>image/png</edXML:ContentType>",
      "<edXML:AttachmentName>Sơ đồ kết nối.png</edXML:AttachmentName>",
      `<edXML:ContentTransferEncoded>${PNG}</edXML:ContentTransferEncoded>`,
      "ngành &amp; địa phương &lt;khẩn trương&gt;",
    ]) {
      expect(xml).toContain(fragment);
    }
    expect(xml.match(/<edXML:To>/g)).toHaveLength(3);
    expect(xml.match(/<edXML:Attachment>/g)).toHaveLength(2);
  });

  it("round-trips a replacement without optional fields or attachments", () => {
    const { responseFor: _r, dueDate: _d, content: _c, steeringType: _s, ...rest } = sample();
    const replacing = EdDocument.parse({
      ...rest,
      from: { organId: "000.00.00.H29", organName: "Ủy ban nhân dân Thành phố Hồ Chí Minh" },
      to: [{ organId: "000.00.00.G22", organName: "Văn phòng Chính phủ" }],
      code: { number: 16, notation: "QĐ-UBND" },
      documentType: { code: "QD", name: "Quyết định" },
      signer: { position: "Chủ tịch", fullName: "Phan Văn Mãi" },
      trace: { businessType: 3, replacesDocumentId: "000.00.00.H29,2015/09/29,15/QĐ-UBND" },
      attachments: [],
    });
    const xml = toEdXml(replacing);
    expect(xml).toContain("<edXML:edXMLBody/>");
    expect(xml).toContain("<edXML:ReplacementInfoList>");
    expect(xml).not.toContain("<edXML:ResponseFor>");
    const back = fromEdXml(xml);
    expect(back).toStrictEqual({ ok: true, doc: replacing });
  });

  it("reads what other senders write: wrapped base64, empty optional elements, trace headers, extra elements", () => {
    const xml = toEdXml(doc)
      .replace(PDF, PDF.replace(/(.{76})/g, "$1\n"))
      .replace("<edXML:Telephone>080 43162</edXML:Telephone>", "<edXML:Telephone/><edXML:Fax>080 44130</edXML:Fax>")
      .replace(
        /(<edXML:TraceHeaderList [^>]*>)/,
        "$1<edXML:TraceHeader><edXML:OrganId>000.00.00.G22</edXML:OrganId><edXML:Timestamp>2015/09/30 08:00:00</edXML:Timestamp></edXML:TraceHeader>",
      )
      .replace("<edXML:DocumentId>000.00.00.G22,2015/09/30,7816/VPCP-TTĐT", "<edXML:DocumentId>000.00.00.G22,2015/09/30,07816/VPCP-TTĐT")
      .replace("Trân trọng.", "Trân trọng&#33; &#x2014;");
    const back = fromEdXml(xml);
    expect(back.ok, back.ok ? "" : back.error).toBe(true);
    if (!back.ok) return;
    const { phone: _p, ...from } = doc.from;
    expect(back.doc).toStrictEqual({ ...doc, from, content: doc.content!.replace("Trân trọng.", "Trân trọng! —") });
  });

  const xml = toEdXml(doc);
  const subjectLine = xml.split("\n").findIndex((l) => l.includes("<edXML:Subject>")) + 1;
  it.each<[string, () => unknown, RegExp[]]>([
    ["truncated XML", () => xml.slice(0, Math.floor(xml.length / 2)), [/^Không phải tài liệu XML hợp lệ: .* ở dòng \d+/]],
    [
      "a mismatched closing tag",
      () => xml.replace("</edXML:Subject>", "</edXML:Subjet>"),
      [new RegExp(`^Không phải tài liệu XML hợp lệ: thẻ không hợp lệ hoặc mở/đóng không khớp ở dòng ${subjectLine}, cột \\d+ `)],
    ],
    ["plain text", () => "xin chào", [/^Không phải tài liệu XML hợp lệ: ký tự không được phép ở vị trí này ở dòng 1, cột 1/]],
    ["JSON", () => JSON.stringify(doc), [/^Không phải tài liệu XML hợp lệ/]],
    ["an empty string", () => "  \n", [/^Tài liệu edXML rỗng\.$/]],
    ["a number", () => 42, [/^Dữ liệu edXML phải là văn bản XML\.$/]],
    [
      "a missing Code",
      () => xml.replace(/<edXML:Code>[\s\S]*?<\/edXML:Code>\n\s*/, ""),
      [/^edXML:edXMLEnvelope\/edXML:edXMLHeader\/edXML:MessageHeader\/edXML:Code: thiếu phần tử bắt buộc$/],
    ],
    [
      "a missing CodeNotation",
      () => xml.replace(/<edXML:CodeNotation>.*<\/edXML:CodeNotation>/, ""),
      [/\/edXML:Code\/edXML:CodeNotation: thiếu phần tử bắt buộc$/],
    ],
    [
      "two Code elements",
      () => xml.replace(/(<edXML:Code>[\s\S]*?<\/edXML:Code>)/, "$1$1"),
      [/\/edXML:Code: chỉ được xuất hiện một lần \(có 2\)$/],
    ],
    [
      "an ISO date",
      () => xml.replace("30/09/2015", "2015-09-30"),
      [/\/edXML:PromulgationInfo\/edXML:PromulgationDate: ngày "2015-09-30" không đúng dạng dd\/MM\/yyyy \(ví dụ 30\/09\/2015\)$/],
    ],
    [
      "an impossible date",
      () => xml.replace("30/09/2015", "31/09/2015"),
      [/PromulgationDate: ngày "31\/09\/2015" không đúng dạng dd\/MM\/yyyy/],
    ],
    [
      "a bare organ code",
      () => xml.replace("<edXML:OrganId>000.00.00.G22</edXML:OrganId>", "<edXML:OrganId>G22</edXML:OrganId>"),
      [
        /^edXML không hợp lệ:\nfrom\.organId: "G22" không phải mã định danh QCVN 102:2016 \(dạng DDD\.CC\.BB\.XNN, ví dụ 000\.00\.00\.G22\) \(phần tử edXML:edXMLEnvelope\/edXML:edXMLHeader\/edXML:MessageHeader\/edXML:From\/edXML:OrganId\)$/,
      ],
    ],
    [
      "a bad recipient code",
      () => xml.replace("<edXML:OrganId>000.00.00.G15</edXML:OrganId>", "<edXML:OrganId>G15</edXML:OrganId>"),
      [/to\.1\.organId: "G15" .*\(phần tử .*\/edXML:To\[2\]\/edXML:OrganId\)/],
    ],
    [
      "invalid base64",
      () => xml.replace(PNG, `${PNG.slice(0, 20)}*${PNG.slice(21)}`),
      [
        /attachments\.1\.contentBase64: nội dung không phải base64 hợp lệ .*\(phần tử .*\/edXML:edXMLBody\/edXML:Attachment\[2\]\/edXML:ContentTransferEncoded\)/,
      ],
    ],
    ["base64 cut short", () => xml.replace(PDF, PDF.slice(0, -1)), [/attachments\.0\.contentBase64: nội dung không phải base64 hợp lệ/]],
    [
      "a DOCTYPE with an entity",
      () =>
        xml
          .replace(
            '<?xml version="1.0" encoding="UTF-8"?>\n',
            '<?xml version="1.0"?>\n<!DOCTYPE edXML:edXMLEnvelope [<!ENTITY lol "lol">]>\n',
          )
          .replace("Nguyễn Văn Nên", "&lol;"),
      [/^Tài liệu edXML không được chứa khai báo <!DOCTYPE> \(dòng 2\): không chấp nhận DTD và thực thể tự định nghĩa\.$/],
    ],
    ["an external entity", () => `<!doctype r SYSTEM "file:///etc/passwd"><r/>`, [/<!DOCTYPE>/]],
    [
      "too large an input",
      () => " ".repeat(MAX_EDXML_CHARS + 1),
      [/^Tài liệu edXML quá lớn: [\d.]+ ký tự, tối đa [\d.]+ ký tự \(đủ cho 20 MB tệp đính kèm\)\.$/],
    ],
    ["another root", () => "<edXML><a/></edXML>", [/^Phần tử gốc phải là edXML:edXMLEnvelope \(nhận được <edXML>\)\.$/]],
    [
      "another namespace",
      () => xml.replace(EDXML_NAMESPACE, "http://example.com/edxml"),
      [/không gian tên xmlns:edXML phải là "http:\/\/www\.mic\.gov\.vn\/TBT\/QCVN_102_2016"/],
    ],
    ["a missing message id", () => xml.replace(/ id="[^"]*"/, ""), [/\/edXML:TraceHeaderList\/@id: thiếu thuộc tính id$/]],
    [
      "a bad message id",
      () => xml.replace(/ id="[^"]*"/, ' id="abc"'),
      [/^edXML không hợp lệ:\nmessageId: mã thông điệp phải là UUID \(phần tử .*\/edXML:TraceHeaderList\/@id\)$/],
    ],
    [
      "a text priority",
      () => xml.replace("<edXML:Priority>2</edXML:Priority>", "<edXML:Priority>khẩn</edXML:Priority>"),
      [/\/edXML:OtherInfo\/edXML:Priority: "khẩn" không phải số nguyên không âm$/],
    ],
    [
      "an element inside a value",
      () => xml.replace("<edXML:Subject>", "<edXML:Subject><b>x</b>"),
      [/\/edXML:Subject: phải là giá trị văn bản, không chứa phần tử con$/],
    ],
    [
      "text instead of a group",
      () => xml.replace(/<edXML:SignerInfo>[\s\S]*?<\/edXML:SignerInfo>/, "<edXML:SignerInfo>Nguyễn Văn Nên</edXML:SignerInfo>"),
      [/\/edXML:SignerInfo: phải chứa các phần tử con, không phải văn bản$/],
    ],
    [
      "a document id of another document",
      () =>
        xml.replace(
          "<edXML:DocumentId>000.00.00.G22,2015/09/30,7816/VPCP-TTĐT",
          "<edXML:DocumentId>000.00.00.G22,2015/09/30,7817/VPCP-TTĐT",
        ),
      [
        /\/edXML:MessageHeader\/edXML:DocumentId: mã văn bản "000\.00\.00\.G22,2015\/09\/30,7817\/VPCP-TTĐT" không khớp .*\(phải là "000\.00\.00\.G22,2015\/09\/30,7816\/VPCP-TTĐT"\)$/,
      ],
    ],
    [
      "an unknown business type",
      () => xml.replace("<edXML:BussinessDocType>0<", "<edXML:BussinessDocType>4<"),
      [/trace\.businessType: loại nghiệp vụ phải là .*\(phần tử .*\/edXML:Bussiness\/edXML:BussinessDocType\)/],
    ],
  ])("refuses %s with a precise message", (_label, input, expected) => {
    const r = fromEdXml(input() as string);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    for (const re of expected) expect(r.error).toMatch(re);
  });

  // Builds and parses 28 MB of base64: seconds on a busy two-core machine, so it gets room.
  it("refuses attachments over 20 MB in total, pointing at the body", { timeout: 60_000 }, () => {
    const big = "A".repeat(Math.ceil((MAX_ATTACHMENTS_BYTES + 1024) / 3) * 4);
    const r = fromEdXml(
      toEdXml({ ...doc, attachments: [{ contentType: "application/octet-stream", name: "lớn.bin", contentBase64: big }] }),
    );
    expect(r).toEqual({
      ok: false,
      error:
        "edXML không hợp lệ:\nattachments: tổng dung lượng tệp đính kèm 20.972.544 byte vượt quá giới hạn 20 MB (20.971.520 byte) (phần tử edXML:edXMLEnvelope/edXML:edXMLBody/edXML:Attachment)",
    });
  });

  it("never throws, whatever prefix of a message it is given", () => {
    const step = Math.max(1, Math.floor(xml.length / 400));
    for (let i = 0; i < xml.length; i += step) {
      const r = fromEdXml(xml.slice(0, i));
      expect(r.ok).toBe(false);
    }
    for (const junk of [
      "<",
      "<?xml",
      "<edXML:edXMLEnvelope>",
      "<a><b></a>",
      "]]>",
      "&amp;",
      "<a x=>",
      "\u0000",
      '<edXML:edXMLEnvelope xmlns:edXML="' + EDXML_NAMESPACE + '"/>',
    ]) {
      expect(() => fromEdXml(junk)).not.toThrow();
      expect(fromEdXml(junk).ok).toBe(false);
    }
  });
});

// Tests the PDF renderers end to end: valid PDFs, DejaVu fonts embedded, Vietnamese text extractable, QR image present.
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { PDFDict, PDFDocument, PDFName, PDFRawStream, PDFString } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { renderPaymentReceipt, type PaymentReceiptData } from "@/lib/pdf/payment-receipt";
import { renderDossierReceipt, type DossierReceiptData } from "@/lib/pdf/receipt";
import { renderResultDocument, type ResultDocumentData } from "@/lib/pdf/result";

const receipt: DossierReceiptData = {
  agencyName: "UBND phường Phúc Xá",
  code: "G22.99-260504-0001",
  applicantName: "Nguyễn Thị Minh Anh",
  applicantPhone: "0912 345 678",
  applicantEmail: "minhanh@example.vn",
  applicantAddress: "Số 12 ngõ 34 phố Phúc Xá, phường Phúc Xá, quận Ba Đình, Hà Nội",
  serviceName: "Đăng ký khai sinh",
  papers: [
    { name: "Tờ khai đăng ký khai sinh theo mẫu", copies: "01 bản chính" },
    { name: "Giấy chứng sinh do cơ sở y tế cấp", copies: "01 bản chính" },
    { name: "Giấy chứng nhận kết hôn của cha mẹ", copies: null },
  ],
  channelLabel: "Trực tuyến",
  // 03:05 UTC is 10:05 in Hà Nội.
  submittedAt: new Date("2016-05-04T03:05:00Z"),
  dueDate: "2016-05-11",
  processingDays: 5,
  feeText: "Không thu phí",
  trackingUrl: "https://dichvucong.gov.vn/tra-cuu-ho-so?ma=G22.99-260504-0001",
};

const payment: PaymentReceiptData = {
  receiptNumber: "0000123",
  receiptSeries: "BL-26E",
  agencyName: "Sở Tư pháp thành phố Hà Nội",
  payerName: "Trần Văn Đức",
  dossierCode: "G22.99-260504-0002",
  serviceName: "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam",
  lines: [{ description: "Phí cấp Phiếu lý lịch tư pháp", amount: 100_000 }],
  // 17:30 UTC on the 4th is already 00:30 on the 5th in Vietnam.
  paidAt: new Date("2016-05-04T17:30:00Z"),
  channelLabel: "Cổng thanh toán (mô phỏng)",
  transactionId: "PAY-20160505-7F3A9C",
};

const result: ResultDocumentData = {
  agencyName: "UBND phường Phúc Xá",
  parentAgencyName: "UBND quận Ba Đình",
  documentNumber: "15/QĐ-UBND",
  issuedAt: new Date("2016-05-10T08:00:00Z"),
  place: "Hà Nội",
  dossierCode: "G22.99-260504-0001",
  applicantName: "Nguyễn Thị Minh Anh",
  serviceName: "Đăng ký khai sinh",
  resultTitle: "Giấy khai sinh (bản điện tử)",
  body: [
    "Căn cứ Luật Hộ tịch ngày 20 tháng 11 năm 2014; căn cứ hồ sơ đề nghị của bà Nguyễn Thị Minh Anh, Ủy ban nhân dân phường Phúc Xá đã đăng ký khai sinh cho cháu Lê Minh Khôi, sinh ngày 01/05/2016 tại Bệnh viện Phụ sản Hà Nội.",
    "Bản điện tử có giá trị sử dụng như bản chính theo quy định của pháp luật.",
  ],
  signer: { position: "Chủ tịch", name: "Phạm Quốc Hưng" },
};

/** All text of all pages, whitespace collapsed: pdfjs may split one drawn line into several items. */
async function extractText(bytes: Uint8Array): Promise<string> {
  // pdfjs transfers (detaches) the buffer it is given; pass a copy so the caller's bytes stay usable.
  const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
  const chunks: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    for (const item of content.items) if ("str" in item) chunks.push(item.str);
  }
  await pdf.destroy();
  return chunks.join(" ").replace(/\s+/g, " ");
}

/** Base names of every font object, without a subset tag ("ABCDEF+") or pdf-lib's random suffix ("-1234"). */
function fontNames(doc: PDFDocument): Set<string> {
  const names = new Set<string>();
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of("Type")) !== PDFName.of("Font")) continue;
    const base = object.get(PDFName.of("BaseFont"));
    if (base instanceof PDFName)
      names.add(
        base
          .decodeText()
          .replace(/^[A-Z]{6}\+/, "")
          .replace(/-\d+$/, ""),
      );
  }
  return names;
}

/** Number of image XObjects the pages actually reference. */
function pageImageCount(doc: PDFDocument): number {
  let count = 0;
  for (const page of doc.getPages()) {
    const xObjects = page.node.Resources()?.lookupMaybe(PDFName.of("XObject"), PDFDict);
    for (const ref of xObjects?.values() ?? []) {
      const stream = doc.context.lookup(ref);
      if (stream instanceof PDFRawStream && stream.dict.get(PDFName.of("Subtype")) === PDFName.of("Image")) count++;
    }
  }
  return count;
}

async function checkPdf(bytes: Uint8Array, title: string): Promise<{ doc: PDFDocument; text: string }> {
  expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe("%PDF-");
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  expect(doc.getPageCount()).toBeGreaterThanOrEqual(1);
  const [width, height] = [doc.getPage(0).getWidth(), doc.getPage(0).getHeight()];
  expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
  // Only DejaVu: a standard font (Helvetica) cannot encode Vietnamese, so its presence would mean a fallback slipped in.
  expect([...fontNames(doc)].sort()).toEqual(["DejaVuSans", "DejaVuSans-Bold"]);
  expect(doc.getTitle()).toContain(title);
  const lang = doc.catalog.get(PDFName.of("Lang"));
  expect(lang instanceof PDFString ? lang.decodeText() : null).toBe("vi");
  return { doc, text: await extractText(bytes) };
}

describe("dossier receipt (form 01, Circular 01/2018/TT-VPCP)", () => {
  it("renders the Vietnamese content, the Vietnam-time dates and the QR code", async () => {
    const bytes = await renderDossierReceipt(receipt);
    const { doc, text } = await checkPdf(bytes, "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ");
    for (const s of [
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "UBND PHƯỜNG PHÚC XÁ",
      "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
      "Mã hồ sơ: G22.99-260504-0001",
      "Nguyễn Thị Minh Anh",
      "0912 345 678",
      "minhanh@example.vn",
      "quận Ba Đình, Hà Nội",
      "Đăng ký khai sinh",
      "Giấy chứng sinh do cơ sở y tế cấp",
      "01 bản chính",
      "Trực tuyến",
      "10 giờ 05 phút, ngày 04/05/2016",
      "ngày 04 tháng 05 năm 2016",
      "Ngày hẹn trả kết quả",
      "11/05/2016 (5 ngày làm việc)",
      "Không thu phí",
      "Quét mã để tra cứu tình trạng hồ sơ",
      receipt.trackingUrl,
    ]) {
      expect(text).toContain(s);
    }
    expect(pageImageCount(doc)).toBe(1);
  });

  it("omits contact rows that were not given", async () => {
    const text = await extractText(
      await renderDossierReceipt({ ...receipt, applicantPhone: undefined, applicantEmail: undefined, applicantAddress: undefined }),
    );
    expect(text).toContain("Nguyễn Thị Minh Anh");
    expect(text).not.toContain("Số điện thoại");
    expect(text).not.toContain("Thư điện tử");
    expect(text).not.toContain("Địa chỉ");
  });

  it("refuses an appointment date that is not a real yyyy-mm-dd date", async () => {
    await expect(renderDossierReceipt({ ...receipt, dueDate: "2016-02-30" })).rejects.toThrow(RangeError);
    await expect(renderDossierReceipt({ ...receipt, dueDate: "11/05/2016" })).rejects.toThrow(RangeError);
  });

  it("continues a long list of papers on a second page", async () => {
    const papers = Array.from({ length: 40 }, (_, i) => ({ name: `Giấy tờ kèm theo số ${i + 1}`, copies: "01 bản sao" }));
    const bytes = await renderDossierReceipt({ ...receipt, papers });
    const { doc, text } = await checkPdf(bytes, "GIẤY TIẾP NHẬN");
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(2);
    expect(text).toContain("Giấy tờ kèm theo số 40");
    expect(text).toContain(receipt.trackingUrl);
  });
});

describe("payment receipt", () => {
  it("renders lines, totals in figures and words, and the Vietnam-time payment moment", async () => {
    const { text } = await checkPdf(await renderPaymentReceipt(payment), "BIÊN LAI THU PHÍ, LỆ PHÍ");
    for (const s of [
      "BIÊN LAI THU PHÍ, LỆ PHÍ",
      "Ký hiệu: BL-26E – Số: 0000123",
      "SỞ TƯ PHÁP THÀNH PHỐ HÀ NỘI",
      "Trần Văn Đức",
      "G22.99-260504-0002",
      "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam",
      "Phí cấp Phiếu lý lịch tư pháp",
      "100.000 đồng",
      "Một trăm nghìn đồng",
      "00 giờ 30 phút, ngày 05/05/2016",
      "Cổng thanh toán (mô phỏng)",
      "PAY-20160505-7F3A9C",
    ]) {
      expect(text).toContain(s);
    }
  });

  it("sums several lines", async () => {
    const lines = [
      { description: "Lệ phí đăng ký", amount: 1_000_000 },
      { description: "Phí thẩm định", amount: 250_000 },
    ];
    const text = await extractText(await renderPaymentReceipt({ ...payment, lines }));
    expect(text).toContain("1.250.000 đồng");
    expect(text).toContain("Một triệu hai trăm năm mươi nghìn đồng");
  });

  it("refuses non-integer or negative amounts and empty receipts", async () => {
    await expect(renderPaymentReceipt({ ...payment, lines: [{ description: "x", amount: 10.5 }] })).rejects.toThrow(RangeError);
    await expect(renderPaymentReceipt({ ...payment, lines: [{ description: "x", amount: -1 }] })).rejects.toThrow(RangeError);
    await expect(renderPaymentReceipt({ ...payment, lines: [] })).rejects.toThrow(RangeError);
  });
});

describe("result document", () => {
  it("renders the header, number, body, signer and the electronic-result line", async () => {
    const { doc, text } = await checkPdf(await renderResultDocument(result), "Giấy khai sinh (bản điện tử)");
    for (const s of [
      "UBND QUẬN BA ĐÌNH",
      "UBND PHƯỜNG PHÚC XÁ",
      "Số: 15/QĐ-UBND",
      "Hà Nội, ngày 10 tháng 05 năm 2016",
      "KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH",
      "Giấy khai sinh (bản điện tử)",
      "G22.99-260504-0001",
      "Nguyễn Thị Minh Anh",
      // The paragraph is wrapped over several lines; whitespace normalisation rejoins it.
      "sinh ngày 01/05/2016 tại Bệnh viện Phụ sản Hà Nội.",
      "Bản điện tử có giá trị sử dụng như bản chính",
      "CHỦ TỊCH",
      "Phạm Quốc Hưng",
      "Văn bản điện tử trả kết quả trực tuyến qua Cổng Dịch vụ công Quốc gia",
    ]) {
      expect(text).toContain(s);
    }
    expect(pageImageCount(doc)).toBe(0);
  });

  it("flows a long body onto further pages without losing text", async () => {
    const body = Array.from(
      { length: 30 },
      (_, i) => `Đoạn ${i + 1}: nội dung quyết định được trình bày đầy đủ, rõ ràng và chính xác theo quy định.`,
    );
    const bytes = await renderResultDocument({ ...result, body });
    const { doc, text } = await checkPdf(bytes, "Giấy khai sinh");
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(2);
    expect(text).toContain("Đoạn 30: nội dung quyết định");
    expect(text).toContain("Văn bản điện tử trả kết quả trực tuyến qua Cổng Dịch vụ công Quốc gia");
  });
});

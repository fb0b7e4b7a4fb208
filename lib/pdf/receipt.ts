// Renders the dossier receipt and result appointment (form 01, Circular 01/2018/TT-VPCP) as a PDF with a tracking QR.
import QRCode from "qrcode";
import { isoDateToVn, PdfLayout, vnDateTime, vnLongDate } from "@/lib/pdf/layout";

export interface DossierReceiptData {
  agencyName: string;
  code: string;
  applicantName: string;
  /** For whom the dossier was filed (an organisation, or a person represented), as label and value. */
  principal?: { label: string; value: string }[];
  applicantPhone?: string;
  applicantEmail?: string;
  applicantAddress?: string;
  serviceName: string;
  papers: { name: string; copies?: string | null }[];
  channelLabel: string;
  submittedAt: Date;
  /** yyyy-mm-dd, a calendar date in Vietnam. */
  dueDate: string;
  processingDays: number;
  feeText: string;
  /** How the fee was computed (lines, reduction, exemption, total), when it was computed at filing. */
  feeDetails?: string[];
  /** With the code, lets anyone holding the receipt track the dossier without signing in. */
  trackingPin?: string;
  trackingUrl: string;
}

const RECEIPT_TITLE = "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ";

export async function renderDossierReceipt(d: DossierReceiptData): Promise<Uint8Array> {
  // Validate before any work: a wrong appointment date printed on a receipt is a promise the agency cannot keep.
  const due = isoDateToVn(d.dueDate);
  if (!Number.isInteger(d.processingDays) || d.processingDays < 0) {
    throw new RangeError(`processingDays must be a non-negative integer: ${d.processingDays}`);
  }
  const qr = await QRCode.toBuffer(d.trackingUrl, { type: "png", errorCorrectionLevel: "M", margin: 1, width: 240 });

  const pdf = await PdfLayout.create({ title: `${RECEIPT_TITLE} — ${d.code}`, author: d.agencyName, subject: d.serviceName });
  pdf.nationalHeader({ agencyName: d.agencyName, placeAndDate: vnLongDate(d.submittedAt) });
  pdf.heading(RECEIPT_TITLE);
  pdf.text(`Mã hồ sơ: ${d.code}`, { bold: true, align: "center", after: d.trackingPin ? 2 : 10 });
  if (d.trackingPin) pdf.text(`Mã tra cứu: ${d.trackingPin}`, { bold: true, align: "center", after: 10 });

  pdf.text(`${d.agencyName} đã tiếp nhận hồ sơ của:`, { after: 2 });
  pdf.keyValue("Ông/Bà:", d.applicantName, { boldValue: true });
  for (const row of d.principal ?? []) pdf.keyValue(`${row.label}:`, row.value);
  if (d.applicantAddress) pdf.keyValue("Địa chỉ:", d.applicantAddress);
  if (d.applicantPhone) pdf.keyValue("Số điện thoại:", d.applicantPhone);
  if (d.applicantEmail) pdf.keyValue("Thư điện tử:", d.applicantEmail);
  pdf.keyValue("Nội dung yêu cầu giải quyết:", d.serviceName);
  pdf.space(4);

  pdf.text("1. Thành phần hồ sơ nộp gồm:", { bold: true, after: 2 });
  pdf.table(
    [
      { header: "STT", share: 0.09, align: "center" },
      { header: "Tên giấy tờ", share: 0.71 },
      { header: "Số lượng", share: 0.2, align: "center" },
    ],
    d.papers.map((p, i) => [String(i + 1), p.name, p.copies?.trim() || "—"]),
  );
  pdf.keyValue("2. Hình thức nộp hồ sơ:", d.channelLabel);
  pdf.keyValue("3. Thời gian nhận hồ sơ:", vnDateTime(d.submittedAt));
  pdf.keyValue("4. Thời gian giải quyết:", `${d.processingDays} ngày làm việc`);
  pdf.keyValue("5. Ngày hẹn trả kết quả:", `${due} (${d.processingDays} ngày làm việc)`, { boldValue: true });
  pdf.keyValue("6. Phí, lệ phí:", d.feeText);
  for (const line of d.feeDetails ?? []) pdf.text(`   ${line}`, { size: 10, after: 1 });
  pdf.space(8);

  await pdf.image(qr, { width: 100, align: "center" });
  pdf.text(
    d.trackingPin
      ? `Quét mã, hoặc nhập mã hồ sơ và mã tra cứu ${d.trackingPin} tại trang tra cứu, để xem tình trạng hồ sơ`
      : "Quét mã để tra cứu tình trạng hồ sơ",
    { size: 10, align: "center" },
  );
  pdf.text(d.trackingUrl, { size: 9, align: "center", grey: true, after: 10 });

  pdf.signatures([
    { title: "Người nộp hồ sơ", note: `(${d.channelLabel})`, name: d.applicantName },
    { title: "Người tiếp nhận hồ sơ", note: "(Giấy tiếp nhận điện tử)" },
  ]);
  return pdf.save();
}

// Renders the electronic fee receipt ("Biên lai thu phí, lệ phí") issued when a dossier's fees are paid online.
import { formatMoney } from "@/lib/format";
import { amountInWords } from "@/lib/money/words";
import { PdfLayout, vnDateTime, vnLongDate } from "@/lib/pdf/layout";

export interface PaymentReceiptLine {
  description: string;
  /** Whole đồng. */
  amount: number;
}

export interface PaymentReceiptData {
  receiptNumber: string;
  /** Receipt template symbol ("Ký hiệu"), when the agency has one registered. */
  receiptSeries?: string;
  /** The collecting agency. */
  agencyName: string;
  payerName: string;
  payerAddress?: string;
  dossierCode: string;
  serviceName: string;
  lines: PaymentReceiptLine[];
  paidAt: Date;
  /** e.g. "Cổng thanh toán (mô phỏng)". */
  channelLabel: string;
  transactionId: string;
}

const PAYMENT_RECEIPT_TITLE = "BIÊN LAI THU PHÍ, LỆ PHÍ";

export async function renderPaymentReceipt(d: PaymentReceiptData): Promise<Uint8Array> {
  // The total is derived here, never passed in, so the figures and the words cannot disagree with the lines.
  if (d.lines.length === 0) throw new RangeError("a receipt needs at least one fee line");
  for (const line of d.lines) {
    if (!Number.isSafeInteger(line.amount) || line.amount < 0) throw new RangeError(`bad amount: ${line.amount}`);
  }
  const total = d.lines.reduce((sum, l) => sum + l.amount, 0);
  const totalInWords = amountInWords(total);

  const pdf = await PdfLayout.create({
    title: `${PAYMENT_RECEIPT_TITLE} — ${d.receiptNumber}`,
    author: d.agencyName,
    subject: d.serviceName,
  });
  pdf.nationalHeader({ agencyName: d.agencyName, placeAndDate: vnLongDate(d.paidAt) });
  pdf.heading(PAYMENT_RECEIPT_TITLE);
  pdf.text("(Biên lai điện tử)", { size: 10, align: "center", after: 2 });
  // Text is word-wrapped (runs of spaces collapse), so the two fields are separated by a dash rather than padding.
  const series = d.receiptSeries ? `Ký hiệu: ${d.receiptSeries} – ` : "";
  pdf.text(`${series}Số: ${d.receiptNumber}`, { size: 10, align: "center", after: 12 });

  pdf.keyValue("Đơn vị thu:", d.agencyName);
  pdf.keyValue("Người nộp:", d.payerName, { boldValue: true });
  if (d.payerAddress) pdf.keyValue("Địa chỉ:", d.payerAddress);
  pdf.keyValue("Mã hồ sơ:", d.dossierCode);
  pdf.keyValue("Thủ tục hành chính:", d.serviceName);
  pdf.space(6);

  pdf.table(
    [
      { header: "STT", share: 0.09, align: "center" },
      { header: "Nội dung khoản thu", share: 0.61 },
      { header: "Số tiền", share: 0.3, align: "right" },
    ],
    [...d.lines.map((l, i) => [String(i + 1), l.description, formatMoney(l.amount)]), ["", "Tổng cộng", formatMoney(total)]],
  );
  pdf.keyValue("Tổng số tiền:", formatMoney(total), { boldValue: true });
  pdf.keyValue("Số tiền bằng chữ:", totalInWords, { boldValue: true });
  pdf.keyValue("Thời điểm thanh toán:", vnDateTime(d.paidAt));
  pdf.keyValue("Hình thức thanh toán:", d.channelLabel);
  pdf.keyValue("Mã giao dịch:", d.transactionId);
  pdf.space(12);

  // Not signed: the receipt says so nowhere (a signature claim is made only where one exists).
  pdf.signatures([{ title: "Đơn vị thu", name: d.agencyName }]);
  return pdf.save();
}

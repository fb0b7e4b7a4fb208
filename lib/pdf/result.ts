// Renders the result document an agency returns for a dossier in this demo portal, as an electronic PDF. With
// `signing`, the page says it is digitally signed, when and where to verify it (QR code and verification code):
// the caller then signs exactly this document (lib/signing), so the words are true. Without it, nothing on the
// page claims a signature.
import QRCode from "qrcode";
import type { PDFDocument } from "pdf-lib";
import { PdfLayout, vnDateTime, vnLongDate } from "@/lib/pdf/layout";

interface ResultSigning {
  /** The signing time the signature will carry (whole seconds). */
  signedAt: Date;
  /** Printed for the public verification page, e.g. "K7QM-3XHP-W2RD". */
  verificationCode: string;
  /** The verification page with the dossier and verification codes filled in (also the QR code). */
  verificationUrl: string;
}

export interface ResultDocumentData {
  agencyName: string;
  /** Printed above the agency name, e.g. "UBND QUẬN BA ĐÌNH" for a ward. */
  parentAgencyName?: string;
  /** e.g. "15/QĐ-UBND"; printed after "Số: ". */
  documentNumber: string;
  issuedAt: Date;
  /** Place name before the date, e.g. "Hà Nội". */
  place?: string;
  dossierCode: string;
  applicantName: string;
  serviceName: string;
  /** e.g. "Giấy khai sinh (bản điện tử)". */
  resultTitle: string;
  /** Paragraphs of the body; each is wrapped to the page width. */
  body: string[];
  signer: { position: string; name: string };
  signing?: ResultSigning;
}

const RESULT_TITLE = "KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH";
const RESULT_FOOTER = "Văn bản điện tử trả kết quả trực tuyến qua Cổng Dịch vụ công Quốc gia";

/** The document before saving, so a signature placeholder can be added to it. */
export async function composeResultDocument(d: ResultDocumentData): Promise<PDFDocument> {
  const pdf = await PdfLayout.create({
    title: `${d.resultTitle} — ${d.dossierCode}`,
    author: d.agencyName,
    subject: `${RESULT_TITLE}: ${d.serviceName}`,
  });
  const date = vnLongDate(d.issuedAt);
  pdf.nationalHeader({
    agencyName: d.agencyName,
    parentAgencyName: d.parentAgencyName,
    numberLine: `Số: ${d.documentNumber}`,
    placeAndDate: d.place ? `${d.place}, ${date}` : date,
  });
  pdf.heading(RESULT_TITLE);
  pdf.text(d.resultTitle, { bold: true, align: "center", size: 12, after: 12 });

  pdf.keyValue("Mã hồ sơ:", d.dossierCode);
  pdf.keyValue("Người yêu cầu:", d.applicantName, { boldValue: true });
  pdf.keyValue("Thủ tục hành chính:", d.serviceName);
  pdf.space(8);

  for (const paragraph of d.body) pdf.text(paragraph, { after: 6 });
  pdf.space(10);

  pdf.signatures([{ title: d.signer.position, note: d.signing ? "(Đã ký số)" : undefined, name: d.signer.name }]);
  pdf.space(16);
  pdf.text(RESULT_FOOTER, { size: 9, align: "center", grey: true });

  if (d.signing) {
    const s = d.signing;
    const qr = await QRCode.toBuffer(s.verificationUrl, { type: "png", errorCorrectionLevel: "M", margin: 1, width: 200 });
    pdf.space(8);
    pdf.ensure(150);
    await pdf.image(qr, { width: 80, align: "center" });
    pdf.text(`Văn bản được ký số bởi ${d.agencyName} lúc ${vnDateTime(s.signedAt)}.`, { size: 9, align: "center" });
    pdf.text(`Mã xác minh: ${s.verificationCode}`, { size: 10, bold: true, align: "center" });
    pdf.text(`Xác minh văn bản (quét mã QR hoặc nhập mã hồ sơ và mã xác minh) tại: ${new URL(s.verificationUrl).origin}/xac-minh-ket-qua`, {
      size: 9,
      align: "center",
      grey: true,
    });
  }
  return pdf.doc;
}

export async function renderResultDocument(d: ResultDocumentData): Promise<Uint8Array> {
  return (await composeResultDocument(d)).save();
}

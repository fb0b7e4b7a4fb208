// Renders the result document an agency returns for a dossier in this demo portal, as an electronic PDF.
import { PdfLayout, vnLongDate } from "@/lib/pdf/layout";

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
}

const RESULT_TITLE = "KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH";
const RESULT_FOOTER = "Văn bản điện tử trả kết quả trực tuyến qua Cổng Dịch vụ công Quốc gia";

export async function renderResultDocument(d: ResultDocumentData): Promise<Uint8Array> {
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

  pdf.signatures([{ title: d.signer.position, note: "(Đã ký điện tử)", name: d.signer.name }]);
  pdf.space(16);
  pdf.text(RESULT_FOOTER, { size: 9, align: "center", grey: true });
  return pdf.save();
}

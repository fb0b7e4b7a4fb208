// Texts of signed results and of the public verification page (/xac-minh-ket-qua).
import { formatDateTime } from "@/lib/format";
import type { VerifyStatus } from "@/lib/signing/verify";

export const signingText = {
  title: "Xác minh kết quả giải quyết thủ tục hành chính",
  lead:
    "Kiểm tra một văn bản kết quả có đúng do Cổng Dịch vụ công Quốc gia phát hành, do cơ quan nào ký số và có bị sửa đổi sau khi ký hay không. " +
    "Không cần đăng nhập.",
  upload: {
    heading: "Kiểm tra tệp kết quả",
    lead: "Chọn tệp PDF kết quả đã tải về (tối đa 10 MB). Tệp chỉ được dùng để kiểm tra, không được lưu lại.",
    fileLabel: "Tệp kết quả (PDF)",
    submit: "Kiểm tra tệp",
    pending: "Đang kiểm tra…",
    missing: "Tệp kết quả: vui lòng chọn tệp PDF cần kiểm tra.",
    tooBig: (mb: number) => `Tệp kết quả: tệp lớn hơn ${mb} MB, không phải văn bản kết quả của Cổng.`,
    notPdf: "Tệp kết quả: tệp không phải PDF (đã kiểm tra nội dung tệp, không dựa vào tên tệp).",
  },
  code: {
    heading: "Tra cứu bằng mã",
    lead: "Nhập mã hồ sơ và mã xác minh in ở cuối văn bản kết quả (hoặc quét mã QR trên văn bản).",
    dossierLabel: "Mã hồ sơ",
    dossierHint: "Ví dụ: 000.00.00.H29-261207-0001",
    codeLabel: "Mã xác minh",
    codeHint: "12 ký tự, ví dụ: K7QM-3XHP-W2RD",
    submit: "Tra cứu",
    badDossier: "Mã hồ sơ: không đúng định dạng (ví dụ 000.00.00.H29-261207-0001).",
    badCode: "Mã xác minh: gồm 12 chữ và số in trên văn bản kết quả.",
    notFound: "Không có văn bản kết quả nào khớp với mã hồ sơ và mã xác minh này. Vui lòng kiểm tra lại hai mã trên văn bản.",
  },
  /** The verdict, by status. */
  verdict: {
    valid: "Hợp lệ: văn bản có chữ ký số hợp lệ và không bị sửa đổi sau khi ký.",
    not_signed: "Không có chữ ký số: tệp này không được ký số, không phải bản điện tử do Cổng phát hành.",
    altered: "Không hợp lệ: nội dung tệp đã bị thay đổi sau khi ký số.",
    bad_signature: "Không hợp lệ: chữ ký số không khớp với chứng thư của người ký.",
    untrusted_chain: "Không hợp lệ: chữ ký số không do cơ quan được Cổng tin cậy cấp chứng thư, hoặc chứng thư không còn hiệu lực khi ký.",
    malformed: "Không đọc được chữ ký số trong tệp này.",
  } satisfies Record<VerifyStatus, string>,
  issuedByPortal: "Văn bản này do Cổng Dịch vụ công Quốc gia phát hành.",
  validButUnknown: "Chữ ký số hợp lệ, nhưng Cổng không có văn bản nào trùng với tệp này trong sổ kết quả đã phát hành.",
  storedCopy:
    "Bản lưu tại Cổng của văn bản này đã được kiểm tra lại. Để chắc chắn bản ông/bà đang có không bị sửa, hãy tải tệp đó lên ở trên.",
  facts: {
    heading: "Thông tin văn bản",
    agency: "Cơ quan ban hành",
    documentNumber: "Số, ký hiệu văn bản",
    issuedAt: "Ngày ban hành",
    dossierCode: "Mã hồ sơ",
    signer: "Ký số bởi",
    signedAt: "Thời điểm ký",
    serial: "Số hiệu chứng thư",
    issuer: "Tổ chức cấp chứng thư",
  },
  verifyLink: "Xác minh văn bản kết quả",
} as const;

/** Beside a result on the citizen's and officer's dossier pages: "ký số" only for a result whose signature was recorded. */
export function signatureLabel(signature: { agencyName: string; signedAt: Date } | undefined): string {
  return signature ? `đã ký số bởi ${signature.agencyName}, ${formatDateTime(signature.signedAt)}` : "không có chữ ký số";
}

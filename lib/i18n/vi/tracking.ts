// Texts of public dossier tracking (/tra-cuu-ho-so) and of the tracking PIN on receipts.
const minutes = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));

export const trackingText = {
  codeRequired: "Mã hồ sơ: vui lòng nhập mã hồ sơ.",
  codeFormat: "Mã hồ sơ: không đúng dạng mã hồ sơ (ví dụ 000.00.00.H29-261127-0001).",
  pinRequired: "Mã tra cứu: vui lòng nhập mã tra cứu 6 chữ số in trên giấy tiếp nhận hoặc 4 số cuối số điện thoại của người nộp hồ sơ.",
  pinFormat: "Mã tra cứu: nhập đúng 6 chữ số của mã tra cứu, hoặc 4 chữ số cuối của số điện thoại.",
  notFound:
    "Không tìm thấy hồ sơ khớp với mã hồ sơ và mã tra cứu đã nhập. Vui lòng kiểm tra lại mã hồ sơ và mã tra cứu trên giấy tiếp nhận.",
  tooManyFromClient: (retryAfterSeconds: number) =>
    `Bạn đã tra cứu quá nhiều lần trong thời gian ngắn. Vui lòng thử lại sau ${minutes(retryAfterSeconds)} phút.`,
  tooManyForCode: (retryAfterSeconds: number) =>
    `Mã hồ sơ này đã được tra cứu với mã tra cứu sai quá nhiều lần, nên tạm khóa tra cứu. Vui lòng thử lại sau ${minutes(retryAfterSeconds)} phút.`,
  /** On the receipt and the citizen's dossier page. */
  pin: "Mã tra cứu",
  pinNote: "Dùng cùng mã hồ sơ để tra cứu không cần đăng nhập; giữ kín như giấy tiếp nhận.",
} as const;

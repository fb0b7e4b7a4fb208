// Texts of online fee payment (level 4): the dossier's payment panel, the simulated bank, receipts and notices.
import type { ErrorKind } from "@/lib/errors/app-error";

export const paymentsText = {
  simulatedGatewayLabel: "Ngân hàng mô phỏng",
  vnpayGatewayLabel: "Cổng thanh toán VNPAY",
  returnTitle: "Kết quả thanh toán",
  /** The order description the gateway shows and the receipt prints. */
  description: (code: string) => `Nộp phí, lệ phí hồ sơ ${code}`,
  receiptChannel: (gatewayLabel: string) => `Thanh toán trực tuyến qua ${gatewayLabel}`,
  receiptLine: (code: string) => `Phí, lệ phí giải quyết thủ tục hành chính, hồ sơ ${code}`,

  notOnline: "Hồ sơ này không thanh toán trực tuyến: phí, lệ phí được nộp tại bộ phận một cửa.",
  wrongStatus: "Không thể thanh toán ở trạng thái hiện tại của hồ sơ.",
  unavailable: "Thanh toán trực tuyến hiện chưa được cấu hình trên cổng. Vui lòng nộp phí, lệ phí tại bộ phận một cửa.",
  refundReasonClosed: "Hồ sơ đã rút hoặc đã kết thúc khi ngân hàng báo thanh toán: khoản tiền được hoàn lại cho người nộp.",
  nothingDue: "Hồ sơ không còn khoản phí, lệ phí nào phải nộp.",
  wrongGateway: "Cổng thanh toán chỉ được xác nhận giao dịch đi qua chính cổng đó.",

  failureReason: "Ngân hàng báo giao dịch không thành công hoặc đã bị hủy.",
  paidEventNote: (amount: string, receiptNo: string) => `Đã thanh toán trực tuyến ${amount}, biên lai số ${receiptNo}.`,
  notifyPaidTitle: (code: string) => `Hồ sơ ${code}: đã nhận thanh toán phí, lệ phí`,
  notifyPaidBody: (service: string, amount: string, receiptNo: string) =>
    `${service}: đã nhận ${amount} qua thanh toán trực tuyến. Biên lai điện tử số ${receiptNo} có thể tải về trong trang hồ sơ.`,

  panel: {
    title: "Phí, lệ phí",
    atCounter: "Nộp phí, lệ phí tại bộ phận một cửa khi nhận kết quả",
    noFee: "Thủ tục này không thu phí, lệ phí.",
    amount: "Số tiền phí, lệ phí",
    paid: "Đã nộp",
    due: "Còn phải nộp",
    pay: "Thanh toán trực tuyến",
    payHint: "Bạn sẽ được chuyển sang cổng thanh toán; sau khi thanh toán, hệ thống tự động cấp biên lai điện tử.",
    fullyPaid: "Đã nộp đủ phí, lệ phí.",
    history: "Các lần thanh toán",
    createdAt: "Thời điểm tạo",
    paidAt: "Thời điểm thanh toán",
    amountColumn: "Số tiền",
    statusColumn: "Trạng thái",
    receiptColumn: "Biên lai",
    receipt: "Tải biên lai",
    receiptOf: (no: string) => `số ${no}`,
    status: {
      PENDING: "Đang chờ thanh toán",
      PAID: "Đã thanh toán",
      FAILED: "Không thành công",
      CANCELLED: "Đã hủy",
    },
    refundDue: "Chờ hoàn tiền",
    pending: "Ngân hàng đang xác nhận giao dịch. Trang sẽ cập nhật khi cổng dịch vụ công nhận được kết quả; bạn không cần thanh toán lại.",
    succeeded: "Thanh toán thành công. Biên lai điện tử đã được cấp.",
    failed: "Giao dịch chưa thành công, bạn chưa bị trừ tiền. Bạn có thể thanh toán lại.",
    startError: {
      invalid: "Hồ sơ hiện không có khoản phí, lệ phí nào có thể thanh toán trực tuyến. Vui lòng tải lại trang.",
      unauthenticated: "Phiên đăng nhập đã kết thúc. Vui lòng đăng nhập lại.",
      forbidden: "Bạn không có quyền thanh toán cho hồ sơ này.",
      not_found: "Không tìm thấy hồ sơ.",
      conflict: "Hồ sơ vừa được cập nhật. Vui lòng tải lại trang rồi thanh toán lại.",
      unexpected: "Chưa khởi tạo được giao dịch thanh toán. Vui lòng thử lại sau ít phút.",
    } satisfies Partial<Record<ErrorKind, string>>,
  },

  bank: {
    title: "Cổng thanh toán mô phỏng — không phải ngân hàng thật",
    lead: "Trang này mô phỏng cổng thanh toán của ngân hàng để trình diễn thanh toán trực tuyến mức độ 4. Không có tiền thật nào được chuyển.",
    order: "Thông tin giao dịch",
    merchant: "Đơn vị thụ hưởng",
    description: "Nội dung thanh toán",
    amount: "Số tiền",
    amountInWords: "Bằng chữ",
    paymentId: "Mã giao dịch của cổng dịch vụ công",
    confirm: "Xác nhận thanh toán",
    cancel: "Hủy giao dịch",
    notFound: "Không tìm thấy giao dịch thanh toán.",
    processed: "Giao dịch này đã được xử lý. Vui lòng quay lại trang hồ sơ để xem kết quả.",
    backToDossier: "Quay lại trang hồ sơ",
  },
} as const;

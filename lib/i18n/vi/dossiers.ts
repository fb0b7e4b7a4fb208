// Texts of dossier processing: refusals of the state machine, events, notifications.
import type { Action, Refusal } from "@/lib/dossiers/state-machine";

export const dossierText = {
  notFound: "Không tìm thấy hồ sơ.",
  changed: "Hồ sơ vừa được người khác cập nhật. Vui lòng tải lại trang để xem trạng thái mới nhất; thao tác của bạn chưa được thực hiện.",
  withdrawConfirmRequired: "Xác nhận: vui lòng đánh dấu để xác nhận rút hồ sơ.",
  refusal: {
    wrong_status: "Không thể thực hiện thao tác này ở trạng thái hiện tại của hồ sơ.",
    wrong_actor: "Bạn không có quyền thực hiện thao tác này với hồ sơ.",
    missing_reason: "Lý do: vui lòng nhập lý do.",
    missing_papers: "Giấy tờ cần bổ sung: vui lòng liệt kê ít nhất một giấy tờ.",
    missing_amount: "Số tiền: vui lòng nhập số tiền phải nộp (đồng).",
    missing_result: "Kết quả giải quyết: vui lòng đính kèm văn bản kết quả.",
  } satisfies Record<Refusal, string>,
  action: {
    submit: "Nộp hồ sơ trực tuyến",
    receive: "Tiếp nhận hồ sơ",
    refuse: "Từ chối tiếp nhận",
    startProcessing: "Chuyển xử lý",
    requestSupplement: "Yêu cầu bổ sung, hoàn thiện hồ sơ",
    supply: "Công dân bổ sung giấy tờ",
    requestFees: "Yêu cầu thực hiện nghĩa vụ tài chính",
    payFees: "Đã thanh toán phí, lệ phí",
    confirmCounterPayment: "Xác nhận đã nộp phí, lệ phí tại bộ phận một cửa",
    stop: "Dừng xử lý",
    finish: "Hoàn thành xử lý, có kết quả",
    returnResult: "Trả kết quả",
    withdraw: "Công dân rút hồ sơ",
    pay: "Thanh toán trực tuyến",
    rate: "Đánh giá mức độ hài lòng",
    assign: "Phân công cán bộ xử lý",
    transfer: "Chuyển cơ quan giải quyết",
    apologize: "Thư xin lỗi và hẹn lại ngày trả kết quả",
  } satisfies Record<Action | "submit" | "pay" | "rate" | "assign" | "transfer" | "apologize", string>,
  apologyDateInvalid: "Ngày hẹn trả kết quả mới: vui lòng chọn một ngày có thật (ngày/tháng/năm).",
  notifyTitle: (code: string, status: string) => `Hồ sơ ${code}: ${status}`,
  notifySubmitted: (service: string, due: string) =>
    `Hồ sơ “${service}” đã được gửi tới cơ quan giải quyết. Ngày hẹn trả kết quả dự kiến: ${due}.`,
} as const;

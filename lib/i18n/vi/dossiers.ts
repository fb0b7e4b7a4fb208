// Texts of dossier processing: refusals of the state machine, events, notifications.
import type { Action, Refusal } from "@/lib/dossiers/state-machine";
import type { OfficerAction } from "@/lib/dossiers/officer-actions";
import { STATUS_NAME, type Status } from "@/lib/dossiers/status";

/** The labels of the officer's action forms; refusals name the field by the same words. */
const field = {
  refuseReason: "Lý do từ chối tiếp nhận",
  stopReason: "Lý do dừng xử lý",
  supplementPapers: "Giấy tờ cần bổ sung",
  supplementReason: "Lý do yêu cầu bổ sung",
  amount: "Số tiền phải nộp (đồng)",
  documentNumber: "Số, ký hiệu văn bản kết quả",
  title: "Tên kết quả",
  body: "Nội dung kết quả",
  signerPosition: "Chức vụ người ký",
  signerName: "Họ tên người ký",
  assignee: "Cán bộ xử lý",
  toAgency: "Cơ quan nhận",
  transferReason: "Lý do chuyển",
  apologyReason: "Lý do chậm trả kết quả",
  newDate: "Ngày hẹn trả kết quả mới",
  confirm: "Xác nhận",
} as const;

/** What each reason field is called, by action (the refusal names the field as the form labels it). */
const reasonLabel: Partial<Record<Action, string>> = {
  refuse: field.refuseReason,
  stop: field.stopReason,
  requestSupplement: field.supplementReason,
};

const quoted = (statuses: readonly Status[]) => statuses.map((s) => `“${STATUS_NAME[s]}”`).join(", ");

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
    agencySuccession: "Chuyển sang cơ quan kế thừa do sáp nhập",
    // Issue 17: received at the agency (counter, provincial portal, post) and pushed by its one-stop system.
    syncReceive: "Tiếp nhận tại cơ quan (hệ thống một cửa của cơ quan)",
  } satisfies Record<Action | "submit" | "pay" | "rate" | "assign" | "transfer" | "apologize" | "agencySuccession" | "syncReceive", string>,
  /** A status action refused by the state machine, said with the field at fault and what to do. */
  refusalFor(refusal: Refusal, action: Action): string {
    switch (refusal) {
      case "missing_reason":
        return `${reasonLabel[action] ?? "Lý do"}: vui lòng nhập lý do; người nộp hồ sơ sẽ nhận được lý do này.`;
      case "missing_papers":
        return `${field.supplementPapers}: vui lòng liệt kê ít nhất một giấy tờ, mỗi giấy tờ một dòng.`;
      case "missing_amount":
        return `${field.amount}: vui lòng nhập số tiền lớn hơn 0, tính bằng đồng, không có dấu chấm (ví dụ 50000).`;
      case "missing_result":
        return "Kết quả giải quyết: vui lòng nhập số, ký hiệu, tên, nội dung kết quả và người ký.";
      default:
        return dossierText.refusal[refusal];
    }
  },
  /** An action the dossier's current status does not allow (often: someone else acted first). */
  wrongStatus: (action: Action | OfficerAction, current: number, allowed: readonly Status[]) =>
    `Không thể “${dossierText.action[action]}”: hồ sơ đang ở trạng thái “${
      current in STATUS_NAME ? STATUS_NAME[current as Status] : current
    }”, thao tác này chỉ làm được khi hồ sơ ở trạng thái ${quoted(allowed)}. Có thể người khác vừa xử lý hồ sơ: vui lòng tải lại trang để xem các thao tác còn làm được.`,
  /** The officer's dossier page: its action forms. */
  officer: {
    field,
    heading: "Thao tác",
    more: "Thao tác khác",
    moreList: "Các thao tác khác được phép",
    none: "Không còn thao tác nào ở trạng thái này của hồ sơ.",
    waitingSupplement: "Đang chờ người nộp bổ sung giấy tờ; khi giấy tờ đến, hồ sơ tự chuyển sang “Đang xử lý”.",
    back: "Quay lại thao tác chính",
    papersHelp: "Mỗi giấy tờ một dòng.",
    documentNumberHelp: "Ví dụ: 15/QĐ-UBND",
    titleHelp: "Ví dụ: Giấy xác nhận tình trạng hôn nhân (bản điện tử)",
    noAssignee: "— Chưa phân công —",
    chooseAgency: "— Chọn cơ quan —",
    /** What an action that needs confirmation does, said before the officer confirms. */
    warning: {
      refuse: "Hồ sơ sẽ không được tiếp nhận và kết thúc; người nộp nhận được Phiếu từ chối kèm lý do. Không hoàn tác được.",
      stop: "Hồ sơ sẽ dừng xử lý và kết thúc; người nộp nhận được lý do. Không hoàn tác được.",
      transfer: "Hồ sơ sẽ chuyển sang cơ quan nhận; cơ quan bạn chỉ còn theo dõi, không xử lý được nữa.",
      finish: "Văn bản kết quả sẽ được ký số nhân danh cơ quan và gửi vào kho dữ liệu của người nộp; sau đó không sửa được.",
      returnResult: "Hồ sơ sẽ chuyển sang “Đã trả kết quả” và kết thúc. Không hoàn tác được.",
    } satisfies Partial<Record<OfficerAction, string>>,
    confirmLabel: {
      refuse: "Tôi xác nhận từ chối tiếp nhận hồ sơ này",
      stop: "Tôi xác nhận dừng xử lý hồ sơ này",
      transfer: "Tôi xác nhận chuyển hồ sơ này sang cơ quan khác",
      finish: "Tôi đã kiểm tra nội dung và xác nhận hoàn thành xử lý",
      returnResult: "Tôi xác nhận đã trả kết quả cho người nộp",
    } satisfies Partial<Record<OfficerAction, string>>,
    confirmRequired: (action: OfficerAction) => `${field.confirm}: vui lòng đánh dấu ô xác nhận trước khi “${dossierText.action[action]}”.`,
    done: (action: OfficerAction) => `Đã thực hiện: ${dossierText.action[action]}.`,
    notHolder: "Hồ sơ đã được chuyển cho cơ quan khác giải quyết; cơ quan bạn chỉ theo dõi được.",
    amountNotNumber: `${field.amount}: phải là số nguyên dương, tính bằng đồng, không có dấu chấm (ví dụ 50000).`,
    amountTooLarge: `${field.amount}: không quá 1.000.000.000 đồng.`,
    resultMissing: (labels: readonly string[]) => `Chưa hoàn thành được: còn thiếu ${labels.join(", ")}.`,
    fieldRequired: (label: string) => `${label}: vui lòng nhập.`,
  },
  apologyDateInvalid: "Ngày hẹn trả kết quả mới: vui lòng chọn một ngày có thật (ngày/tháng/năm).",
  notifyTitle: (code: string, status: string) => `Hồ sơ ${code}: ${status}`,
  notifySubmitted: (service: string, due: string) =>
    `Hồ sơ “${service}” đã được gửi tới cơ quan giải quyết. Ngày hẹn trả kết quả dự kiến: ${due}.`,
} as const;

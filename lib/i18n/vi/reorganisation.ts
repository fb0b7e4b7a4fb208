// Quản trị → Sổ đăng ký cơ quan → Áp dụng sáp nhập (lib/agencies/reorganisation.ts).
export const reorganisationText = {
  title: "Áp dụng sáp nhập",
  lead: "Chuyển toàn bộ công việc còn dở của cơ quan đã thôi hoạt động sang cơ quan kế thừa trong một thao tác: hồ sơ đang giải quyết (giữ nguyên mã và lịch sử), văn bản đang xử lý, cán bộ, dịch vụ công; khóa API và địa chỉ nhận đẩy được chuyển theo hoặc thu hồi. Số liệu thống kê trước ngày hiệu lực vẫn thuộc cơ quan cũ.",
  back: "Sổ đăng ký cơ quan",
  one: (name: string, identifier: string) => `Cơ quan: ${name} (${identifier})`,
  all: "Tất cả cơ quan đã đến ngày sáp nhập",
  showAll: "Xem tất cả cơ quan đã đến ngày sáp nhập",
  nothingDue:
    "Không có cơ quan nào cần áp dụng: chưa có cơ quan nào thôi hoạt động (đến hôm nay) mà có cơ quan kế thừa đang hoạt động, hoặc mọi việc đã được chuyển.",
  previewTitle: "Xem trước: những gì sẽ được chuyển",
  previewCaption: "Số lượng sẽ được chuyển sang cơ quan kế thừa, theo từng cơ quan thôi hoạt động",
  columns: {
    agency: "Cơ quan thôi hoạt động",
    successor: "Cơ quan kế thừa",
    validTo: "Hiệu lực từ",
  },
  /** What moves, in the order the page and the result show it (lib/agencies/reorganisation-core.ts SuccessionCounts). */
  counts: {
    openDossiers: "Hồ sơ đang giải quyết",
    documentCopies: "Văn bản đến đang xử lý",
    officers: "Cán bộ",
    servicesMoved: "Dịch vụ chuyển sang",
    servicesUnpublished: "Dịch vụ ngừng công bố",
    apiKeys: "Khóa API",
    pushEndpoints: "Địa chỉ nhận đẩy",
    pendingJobs: "Lượt gửi đang chờ",
  },
  total: "Cộng",
  notes: [
    "Văn bản đến mà cơ quan kế thừa đã nhận một bản riêng thì giữ ở cơ quan cũ (không gộp hai bản).",
    "Văn bản do cơ quan cũ gửi giữ nguyên cơ quan gửi; văn bản trả lời gửi tới mã định danh cũ được chuyển tới cơ quan kế thừa.",
    "Dịch vụ: nếu cơ quan kế thừa chưa có thủ tục đó thì dịch vụ được chuyển sang (mã dịch vụ đổi theo mã định danh của cơ quan kế thừa); nếu đã có thì dịch vụ cũ ngừng công bố và hồ sơ mới nộp vào dịch vụ của cơ quan kế thừa. Hồ sơ đang soạn vẫn tiếp tục được.",
  ],
  duplicates: (n: number) => `${n} văn bản đến mà cơ quan kế thừa đã có bản riêng sẽ giữ ở cơ quan cũ.`,
  formTitle: "Áp dụng",
  keysLegend: "Khóa API và địa chỉ nhận đẩy văn bản của cơ quan cũ",
  keysFollow: "Chuyển theo sang cơ quan kế thừa (hệ thống của cơ quan cũ tiếp tục kết nối thay cho cơ quan kế thừa)",
  keysRevoke: "Thu hồi (khóa API bị thu hồi, địa chỉ nhận đẩy bị tắt)",
  confirm: "Tôi đã xem các số liệu trên và xác nhận áp dụng sáp nhập. Thao tác này được ghi nhật ký và không hoàn tác tự động.",
  submit: "Áp dụng sáp nhập",
  pending: "Đang áp dụng…",
  done: (agencies: number) => `Đã áp dụng sáp nhập cho ${agencies} cơ quan.`,
  doneNothing: "Không còn gì để chuyển: sáp nhập đã được áp dụng trước đó.",
  resultTitle: "Kết quả",
  resultCaption: "Số lượng đã chuyển",
  resultMs: (ms: number) => `Thời gian thực hiện: ${ms} ms.`,
  linkFromAgency: "Áp dụng sáp nhập: chuyển hồ sơ, văn bản, cán bộ và dịch vụ sang cơ quan kế thừa",
} as const;

/** The counts a succession shows, in the text's order. */
export const SHOWN_COUNTS = Object.keys(reorganisationText.counts) as (keyof typeof reorganisationText.counts)[];

// Issue 17, dossier sync (outbound half): the words of the agency API's refusals, the intake-mode settings of the
// services admin, and what the officer's and the citizen's dossier pages say of a dossier delivered to the
// agency's own one-stop system.
export const syncOutText = {
  api: {
    notFound: "Không tìm thấy hồ sơ được chuyển đến hệ thống một cửa của cơ quan với mã này.",
    paperNotFound: "Không tìm thấy giấy tờ này trong hồ sơ.",
    limitInvalid: (max: number) => `so-luong: vui lòng nhập số nguyên từ 1 đến ${max}.`,
    externalCodeTaken: "externalCode: mã này đã dùng cho một hồ sơ khác của cơ quan.",
    externalCodeInvalid: "externalCode: mã hồ sơ của hệ thống cơ quan gồm chữ, số và các ký tự . _ / -, không quá 64 ký tự.",
  },
  /** The state of a delivery, as lists and pages say it. */
  deliveryState: {
    PENDING: "Đang chờ chuyển đến hệ thống một cửa của cơ quan",
    DELIVERED: "Đã chuyển đến hệ thống một cửa của cơ quan, chờ tiếp nhận",
    ACKNOWLEDGED: "Hệ thống một cửa của cơ quan đã tiếp nhận",
  } as Record<string, string>,
  eventAction: {
    agencyAcknowledge: "Hệ thống một cửa của cơ quan đã tiếp nhận hồ sơ",
  } as Record<string, string>,
  officer: {
    heading: "Hồ sơ được xử lý trên hệ thống một cửa của cơ quan",
    body: "Dịch vụ này được cơ quan xử lý trên hệ thống thông tin một cửa điện tử của mình: hồ sơ đã được chuyển sang đó, trạng thái trên Cổng cập nhật theo hệ thống của cơ quan. Không có thao tác xử lý trên Cổng.",
    refused: "Hồ sơ này được xử lý trên hệ thống một cửa của cơ quan; không thao tác trên Cổng.",
    deliveryLabel: "Chuyển đến hệ thống của cơ quan",
  },
  citizen: {
    heading: "Hồ sơ được chuyển đến hệ thống của cơ quan",
    sent: "Hồ sơ của bạn được gửi đến hệ thống thông tin một cửa điện tử của cơ quan giải quyết; trạng thái ở đây cập nhật theo hệ thống đó.",
    deliveredAt: (when: string) => `Đã chuyển đến hệ thống của cơ quan lúc ${when}.`,
    acknowledgedAt: (when: string) => `Cơ quan đã tiếp nhận trên hệ thống của mình lúc ${when}.`,
    waiting: "Đang chuyển đến hệ thống của cơ quan; bạn không cần làm gì thêm.",
  },
  intake: {
    legend: "Nơi xử lý hồ sơ nộp trực tuyến",
    save: "Lưu nơi xử lý hồ sơ",
    portal: "Cán bộ xử lý trên Cổng Dịch vụ công (trang cán bộ)",
    sync: "Đồng bộ với hệ thống một cửa của cơ quan (hồ sơ được chuyển sang hệ thống đó)",
    syncHelp: "Hồ sơ mới được gửi đến địa chỉ nhận hồ sơ của cơ quan dưới đây; hệ thống của cơ quan cũng có thể lấy hồ sơ qua API.",
    listSync: "Đồng bộ hệ thống một cửa",
    listPortal: "Xử lý trên Cổng",
    invalid: "Nơi xử lý hồ sơ: vui lòng chọn một trong hai cách.",
    endpointHeading: "Địa chỉ nhận hồ sơ của hệ thống một cửa",
    endpointIntro:
      "Cổng gửi mỗi hồ sơ mới của các dịch vụ đồng bộ đến địa chỉ này (HTTP POST, ký HMAC-SHA256 trong tiêu đề X-Portal-Signature). Khóa API của cơ quan dùng để tải giấy tờ và xác nhận tiếp nhận.",
    endpointUrl: "Địa chỉ nhận hồ sơ (URL)",
    endpointEnabled: "Đang dùng địa chỉ này",
    endpointSave: "Lưu địa chỉ nhận hồ sơ",
    endpointSaved: "Đã lưu địa chỉ nhận hồ sơ.",
    endpointNone: "Chưa có địa chỉ nhận hồ sơ: hệ thống của cơ quan lấy hồ sơ mới qua API (GET /api/v1/ho-so/moi).",
    secretOnce: "Khóa ký của địa chỉ này (chỉ hiển thị một lần — hãy lưu lại ngay):",
    syncWithoutEndpoint: "Chưa có địa chỉ nhận hồ sơ: hồ sơ chờ hệ thống của cơ quan lấy qua API.",
    saved: "Đã lưu nơi xử lý hồ sơ.",
  },
} as const;

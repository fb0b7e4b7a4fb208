// Texts of sending and following documents between agencies, shared by the portal's registers and the
// agency API (/api/v1): refusals of the rules in lib/documents and of the API's request handling.
const MB = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

export const documentExchangeText = {
  notFound: "Không tìm thấy văn bản.",
  noAgency: "Tài khoản chưa gắn với cơ quan nào.",
  messageIdUsed: (field: string, messageId: string) => `${field}: mã thông điệp ${messageId} đã được dùng cho văn bản khác.`,
  foreignSender: (keyAgency: string, claimed: string) =>
    `from.organId: khóa API thuộc cơ quan ${keyAgency}, không được gửi văn bản thay cơ quan ${claimed}.`,
  unknownRecipient: (field: string, missing: string[]) => `${field}: không tìm thấy cơ quan nhận ${missing.join(", ")}.`,
  retiredRecipient: (field: string, reason: string) => `${field}: ${reason}`,
  selfRecipient: (field: string) => `${field}: không gửi văn bản cho chính cơ quan mình.`,
  numberUsed: (number: number, typeCode: string, year: number, documentKey: string) =>
    `code.number: số ${number} loại ${typeCode} năm ${year} đã được dùng cho văn bản ${documentKey}.`,
  unknownReplacedApi: (documentKey: string) => `trace.replacesDocumentId: không tìm thấy văn bản ${documentKey} của cơ quan gửi.`,
  unknownReplacedPortal: "Văn bản được cập nhật hoặc thay thế: không tìm thấy trong sổ văn bản đi của cơ quan.",
  unknownAnswered: "Văn bản được trả lời: không tìm thấy trong sổ văn bản đến của cơ quan.",
  unknownAnsweredApi: (documentKey: string) =>
    `responseFor.documentId: cơ quan chưa nhận văn bản ${documentKey}, nên không trả lời văn bản này được.`,
  unsupportedAttachment: (field: string, name: string, declared: string) =>
    `${field}: tệp "${name}" (khai báo ${declared}) có nội dung không phải PDF, JPEG, PNG, DOCX, XLSX, ODT hoặc ODS.`,
  recipientsLabel: "Nơi nhận",
  refusalReasonRequired: "Lý do từ chối: vui lòng nhập.",
  stale: "Văn bản vừa được cập nhật bởi người khác. Vui lòng tải lại trang.",
  arrivedEvent: "Văn bản đã đến hệ thống của cơ quan nhận.",
  resumedEvent: "Tiếp tục xử lý sau khi từ chối lấy lại.",
  statusUpdated: "Đã cập nhật.",

  /** Recall (13) and its answer (15 agree, 16 refuse) from the registers' pages. */
  recall: {
    reasonRequired: "Lý do lấy lại: vui lòng nhập.",
    refuseReasonRequired: "Lý do từ chối cho lấy lại: vui lòng nhập.",
    nothingToRecall: "Không còn bản nào của văn bản này lấy lại được: các nơi nhận đã hoàn thành, từ chối hoặc đã trả lời yêu cầu lấy lại.",
    confirmRequired: {
      "13": "Xác nhận: vui lòng đánh dấu ô xác nhận yêu cầu lấy lại văn bản.",
      "15": "Xác nhận: vui lòng đánh dấu ô xác nhận đồng ý cho lấy lại văn bản.",
      "16": "Xác nhận: vui lòng đánh dấu ô xác nhận từ chối cho lấy lại văn bản.",
    } as Record<string, string>,
    asked: (count: number) => (count === 1 ? "Đã gửi yêu cầu lấy lại văn bản." : `Đã gửi yêu cầu lấy lại tới ${count} nơi nhận.`),
    answered: { "15": "Đã đồng ý cho bên gửi lấy lại văn bản.", "16": "Đã từ chối cho bên gửi lấy lại văn bản." } as Record<string, string>,
    // The sent register's forms.
    openOne: (agency: string) => `Lấy lại văn bản tại ${agency}…`,
    oneTitle: (notation: string, agency: string) => `Lấy lại văn bản ${notation} tại ${agency}`,
    openAll: (count: number) => `Lấy lại văn bản tại cả ${count} nơi nhận…`,
    allTitle: (notation: string) => `Lấy lại văn bản ${notation} tại mọi nơi nhận`,
    submit: "Lấy lại",
    submitAll: "Lấy lại tất cả",
    reasonLabel: "Lý do lấy lại",
    reasonHelp: "Nơi nhận đọc lý do này khi quyết định đồng ý hay từ chối.",
    warning:
      "Nơi nhận được đề nghị trả lại văn bản và phải trả lời: nếu đồng ý, văn bản được lấy lại; nếu từ chối, văn bản tiếp tục được xử lý như trước.",
    warningAll: "Mọi nơi nhận còn đang giữ văn bản (chưa hoàn thành, chưa từ chối) được đề nghị trả lại văn bản và phải trả lời.",
    confirmLabel: "Tôi xác nhận yêu cầu lấy lại văn bản này.",
    updateOne: (agency: string) => `Gửi bản cập nhật cho ${agency}`,
    // The incoming register.
    pending: (count: number) => `Có ${count} văn bản bên gửi đang yêu cầu lấy lại: cần đồng ý hoặc từ chối.`,
    pendingLink: "Xem các văn bản này",
    requestHeading: "Bên gửi yêu cầu lấy lại văn bản này",
    requestReason: (reason: string | null) => (reason ? `Lý do: ${reason}` : "Bên gửi không nêu lý do."),
    agreeTitle: (notation: string) => `Đồng ý lấy lại – ${notation}`,
    agreeSubmit: "Đồng ý lấy lại",
    agreeWarning: "Văn bản được trả lại bên gửi và không còn được xử lý tại cơ quan. Bên gửi được báo ngay.",
    agreeConfirm: "Tôi xác nhận đồng ý cho bên gửi lấy lại văn bản.",
    refuseTitle: (notation: string) => `Từ chối lấy lại – ${notation}`,
    refuseSubmit: "Từ chối",
    refuseLabel: "Lý do từ chối cho lấy lại",
    refuseWarning: "Văn bản tiếp tục được xử lý tại cơ quan như trước khi có yêu cầu. Bên gửi được báo ngay, kèm lý do.",
    refuseConfirm: "Tôi xác nhận từ chối cho bên gửi lấy lại văn bản.",
  },

  /** A status event in words, as each side's timeline shows it (no raw codes). */
  eventWords: {
    "01": "Văn bản đã đến nơi nhận",
    "02": "Nơi nhận từ chối văn bản",
    "03": "Nơi nhận đã tiếp nhận (vào sổ)",
    "04": "Nơi nhận đã phân công xử lý",
    "05": "Nơi nhận đang xử lý",
    "06": "Nơi nhận đã hoàn thành xử lý",
    "13": "Bên gửi yêu cầu lấy lại văn bản",
    "15": "Nơi nhận đồng ý cho lấy lại văn bản",
    "16": "Nơi nhận từ chối cho lấy lại văn bản",
  } as Record<string, string>,
  unknownEvent: "Trạng thái khác",

  /** The API's stable problem codes (problem+json `code`; the `type` links to /tai-lieu-api#loi-<code>). */

  api: {
    unauthenticated: "Thiếu khóa API hoặc khóa không hợp lệ (Authorization: Bearer <khóa>).",
    tooManyRequests: (seconds: number) => `Khóa API đã dùng hết số yêu cầu cho phép; thử lại sau ${seconds} giây.`,
    tooManyWrongKeys: (minutes: number) => `Có quá nhiều lần gửi khóa API sai từ địa chỉ này; thử lại sau ${minutes} phút.`,
    tooLarge: (limit: number) =>
      `Nội dung yêu cầu vượt quá giới hạn ${limit >= 1024 * 1024 ? MB(limit) : `${Math.round(limit / 1024)} KB`}.`,
    invalidEncoding: "Nội dung yêu cầu không phải văn bản UTF-8 hợp lệ.",
    emptyBody: "Nội dung yêu cầu rỗng: cần văn bản dạng JSON hoặc edXML.",
    unsupportedMediaType: (mediaType: string) =>
      `Kiểu nội dung "${mediaType}" không được hỗ trợ: dùng application/json hoặc application/xml.`,
    invalidJson: (detail: string) => `Nội dung yêu cầu không phải JSON hợp lệ (${detail}).`,
    syntaxError: "lỗi cú pháp",
    invalidFormat: (format: string) => `dinh-dang: phải là "json" hoặc "edxml", nhận được "${format}".`,
    invalidSince: (since: string) => `tu: thời điểm "${since}" không hợp lệ (dạng ISO 8601).`,
    invalidLimit: (max: number) => `so-luong: phải là số nguyên từ 1 đến ${max}.`,
    documentKeyRequired: "ma: bắt buộc phải có mã văn bản (OrganId,yyyy/MM/dd,số/ký hiệu).",
    reasonRequired: "description: bắt buộc khi từ chối văn bản (02), nêu lý do từ chối.",
  },
} as const;

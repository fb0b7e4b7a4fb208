// Texts of an agency's dossier statistics (Khu vực cán bộ → Thống kê hồ sơ) and of its CSV export.

/** "2025-01" → "01/2025", the way months are written in Vietnamese reports. */
export function monthLabel(month: string): string {
  const [y, m] = month.split("-");
  return `${m}/${y}`;
}

export const statisticsText = {
  title: "Thống kê hồ sơ",
  lead: (agency: string) => `Số liệu tiếp nhận và giải quyết hồ sơ của ${agency}. Thời điểm được tính theo giờ Việt Nam.`,
  noAgency: "Tài khoản chưa được gắn với cơ quan nào nên chưa có số liệu thống kê. Vui lòng liên hệ quản trị cơ quan.",
  backToWorkspace: "Về khu vực cán bộ",

  yearHeading: (year: number) => `Năm ${year}, tính đến hôm nay`,
  yearCards: {
    received: "Hồ sơ tiếp nhận",
    processed: "Hồ sơ đã giải quyết",
    processedDetail: (early: string, onTime: string, late: string) => `Trước hạn ${early} · đúng hạn ${onTime} · quá hạn ${late}`,
    inProgress: "Đang giải quyết",
    inProgressDetail: (paused: string) => `Trong đó tạm dừng: ${paused}`,
    averageDays: "Thời gian giải quyết trung bình",
    days: (n: string) => `${n} ngày`,
    satisfaction: "Mức hài lòng trung bình",
    satisfactionDetail: (count: string) => `${count} lượt đánh giá`,
  },

  rangeLegend: "Khoảng thời gian",
  from: "Từ tháng",
  to: "Đến tháng",
  monthHint: "Năm-tháng, ví dụ 2025-01.",
  show: "Xem",
  downloadCsv: "Tải CSV",
  downloadCsvDetail: (from: string, to: string) => `Số liệu từ tháng ${monthLabel(from)} đến tháng ${monthLabel(to)}, mở được bằng Excel.`,
  rangeErrors: {
    format: "Tháng phải viết theo dạng năm-tháng, ví dụ 2025-01.",
    order: "Tháng bắt đầu phải trước hoặc trùng tháng kết thúc.",
    future: "Chưa có số liệu cho những tháng sau tháng hiện tại.",
    tooLong: (max: number) => `Mỗi lần xem được tối đa ${max} tháng.`,
  },
  showingDefault: "Đang hiển thị 12 tháng gần nhất.",

  chartHeading: "Tiếp nhận và giải quyết theo tháng",
  chartTitle: (from: string, to: string) =>
    `Hồ sơ tiếp nhận và hồ sơ đã giải quyết theo tháng, từ ${monthLabel(from)} đến ${monthLabel(to)}`,
  chartMonth: (month: string, received: string, processed: string) =>
    `Tháng ${monthLabel(month)}: tiếp nhận ${received}, đã giải quyết ${processed}.`,
  legendReceived: "Tiếp nhận",
  legendProcessed: "Đã giải quyết",

  tableHeading: "Số liệu chi tiết",
  tableCaption: (from: string, to: string) => `Số liệu hồ sơ theo tháng, từ ${monthLabel(from)} đến ${monthLabel(to)}`,
  columns: {
    month: "Tháng",
    received: "Tiếp nhận",
    carriedOver: "Tồn kỳ trước",
    processed: "Đã giải quyết",
    early: "Trước hạn",
    onTime: "Đúng hạn",
    late: "Quá hạn",
    inProgress: "Đang giải quyết cuối tháng",
    paused: "Trong đó tạm dừng",
    withdrawn: "Rút hồ sơ",
    refused: "Không được tiếp nhận",
    averageProcessingDays: "Thời gian giải quyết trung bình (ngày)",
    satisfaction: "Mức hài lòng trung bình (1–5)",
    ratings: "Lượt đánh giá",
  },
  none: "không có",

  definitionsHeading: "Cách tính",
  definitions: [
    ["Tiếp nhận", "hồ sơ nộp vào cơ quan trong tháng, kể cả hồ sơ sau đó bị từ chối hoặc bị rút."],
    ["Tồn kỳ trước", "hồ sơ cơ quan đang giữ còn chưa kết thúc vào đầu tháng."],
    [
      "Đã giải quyết",
      "hồ sơ cơ quan đang giữ có kết quả trong tháng; so ngày có kết quả với hạn giải quyết theo quy định (theo giờ Việt Nam) để biết trước hạn, đúng hạn hay quá hạn; ngày hẹn lại trong thư xin lỗi không làm hồ sơ trễ hạn thành đúng hạn. Hồ sơ không có ngày hẹn trả được tính là đúng hạn.",
    ],
    [
      "Đang giải quyết cuối tháng",
      "hồ sơ đã nộp mà chưa có kết quả, chưa bị rút, từ chối hay dừng xử lý vào cuối tháng (với tháng hiện tại: đến lúc xem).",
    ],
    [
      "Trong đó tạm dừng",
      "những hồ sơ đang giải quyết mà hiện đang chờ công dân bổ sung giấy tờ hoặc thực hiện nghĩa vụ tài chính. Hệ thống chỉ biết trạng thái hiện tại, nên với các tháng trước đây con số này là số hồ sơ đó nay vẫn đang chờ.",
    ],
    [
      "Thời gian giải quyết trung bình",
      "số ngày (kể cả ngày nghỉ) từ khi tiếp nhận, hoặc từ khi nộp nếu chưa ghi ngày tiếp nhận, đến khi có kết quả.",
    ],
    ["Mức hài lòng", "đánh giá của công dân (từ 1 đến 5) gửi trong tháng."],
  ] as readonly (readonly [string, string])[],

  csvHeader: [
    "Tháng",
    "Tiếp nhận",
    "Tồn kỳ trước",
    "Đã giải quyết",
    "Trước hạn",
    "Đúng hạn",
    "Quá hạn",
    "Đang giải quyết cuối tháng",
    "Trong đó tạm dừng",
    "Rút hồ sơ",
    "Không được tiếp nhận",
    "Thời gian giải quyết trung bình (ngày)",
    "Mức hài lòng trung bình (1-5)",
    "Lượt đánh giá",
  ] as readonly string[],
  csvFileName: (agencyIdentifier: string, from: string, to: string) => `thong-ke-ho-so-${agencyIdentifier}-${from}-${to}.csv`,
} as const;

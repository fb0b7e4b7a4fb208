// Texts of the working-day calendar that VPCP administrators keep (Quản trị → Lịch làm việc).
export const calendarText = {
  title: "Lịch làm việc",
  lead: "Ngày nghỉ lễ, Tết và ngày làm việc bù của các cơ quan hành chính nhà nước. Thời hạn giải quyết hồ sơ được tính theo bảng này; các ngày thứ Bảy, Chủ nhật không có trong bảng là ngày nghỉ.",
  backToAdmin: "Về trang quản trị",
  yearNav: "Chọn năm",
  yearHeading: (year: number) => `Năm ${year}`,
  otherYear: "Năm khác",
  show: "Xem",
  workingDays: (year: number) => `Số ngày làm việc trong năm ${year}`,
  workingDaysDetail: (holidays: number, workdays: number) =>
    `Đã trừ ${holidays} ngày nghỉ lễ, Tết rơi vào ngày thường và cộng ${workdays} ngày làm việc bù vào thứ Bảy, Chủ nhật.`,

  tableCaption: (year: number) => `Các ngày nghỉ lễ, Tết và ngày làm việc bù năm ${year}`,
  empty: (year: number) => `Chưa có ngày nào của năm ${year}. Có thể thêm các ngày nghỉ gợi ý rồi đối chiếu với thông báo chính thức.`,
  columns: { date: "Ngày", kind: "Loại", name: "Tên", source: "Căn cứ", actions: "Thao tác" },
  noSource: "—",
  weekday: ["Chủ nhật", "thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy"] as readonly string[],
  kind: {
    HOLIDAY: "Ngày nghỉ lễ, Tết",
    WORKDAY: "Ngày làm việc bù (thứ Bảy, Chủ nhật)",
  },
  delete: "Xóa",
  deleteWhich: (date: string) => `ngày ${date}`,
  deleting: "Đang xóa…",

  formTitle: "Thêm hoặc sửa một ngày",
  formLead: "Nếu ngày đã có trong bảng, thông tin mới thay cho thông tin cũ.",
  date: "Ngày",
  dateHelp: "Ngày nghỉ lễ, Tết là ngày từ thứ Hai đến thứ Sáu; ngày làm việc bù là thứ Bảy hoặc Chủ nhật.",
  kindLegend: "Loại ngày",
  name: "Tên ngày",
  nameHelp: "Ví dụ: Tết Nguyên đán, Nghỉ bù Quốc khánh, Làm bù cho ngày 2/5.",
  save: "Lưu",
  saving: "Đang lưu…",
  manualSource: "Quản trị Văn phòng Chính phủ nhập",

  suggestTitle: "Ngày nghỉ gợi ý",
  suggestLead:
    "Tính theo âm lịch (Tết Nguyên đán, Giỗ Tổ Hùng Vương) và Bộ luật Lao động, kể cả ngày nghỉ bù khi ngày lễ trùng cuối tuần. Chỉ thêm những ngày từ thứ Hai đến thứ Sáu chưa có trong bảng. Thủ tướng Chính phủ quyết định lịch nghỉ chính thức hằng năm: vui lòng đối chiếu và sửa lại nếu cần.",
  suggest: (year: number) => `Thêm ngày nghỉ gợi ý cho năm ${year}`,
  suggesting: "Đang thêm…",
  suggestedSource: "Gợi ý theo âm lịch và Bộ luật Lao động",

  saved: (date: string) => `Đã lưu ngày ${date}.`,
  deleted: (date: string) => `Đã xóa ngày ${date} khỏi lịch.`,
  added: (count: number, year: number) =>
    count === 0
      ? `Không có ngày gợi ý nào mới cho năm ${year}: các ngày đều đã có trong bảng.`
      : `Đã thêm ${count} ngày nghỉ gợi ý cho năm ${year}.`,

  errors: {
    date: "Ngày: vui lòng nhập một ngày hợp lệ (ngày/tháng/năm).",
    dateRange: (min: number, max: number) => `Ngày: chỉ nhận các ngày từ năm ${min} đến năm ${max}.`,
    holidayOnWeekend: (date: string, weekday: string) =>
      `Ngày: ${date} là ${weekday}. Ngày nghỉ lễ, Tết chỉ ghi cho ngày từ thứ Hai đến thứ Sáu; ngày lễ trùng cuối tuần được nghỉ bù vào ngày làm việc kế tiếp, hãy ghi ngày nghỉ bù đó.`,
    workdayOnWeekday: (date: string, weekday: string) =>
      `Ngày: ${date} là ${weekday}, vốn đã là ngày làm việc. Ngày làm việc bù chỉ ghi cho thứ Bảy hoặc Chủ nhật.`,
    kind: "Loại ngày: vui lòng chọn ngày nghỉ lễ, Tết hoặc ngày làm việc bù.",
    name: "Tên ngày: vui lòng nhập tên (1–200 ký tự).",
    year: (min: number, max: number) => `Năm: vui lòng chọn một năm từ ${min} đến ${max}.`,
    notFound: (date: string) => `Ngày ${date} không có trong lịch (có thể vừa được xóa).`,
  },
} as const;

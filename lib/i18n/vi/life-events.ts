// Help by life event (issue 18): the words of /su-kien-cuoc-song and its event pages. The events themselves
// (titles, notes, procedures in order) are data: prisma/data/life-events.json.
export const lifeEventText = {
  title: "Hướng dẫn theo sự kiện cuộc sống",
  lead: "Chưa biết tên thủ tục? Chọn việc đang diễn ra trong cuộc sống của bạn để xem các thủ tục cần làm, theo thứ tự, và giấy tờ cần chuẩn bị.",
  back: "Tất cả sự kiện cuộc sống",
  steps: "Các thủ tục cần làm",
  procedureCount: (n: number) => `${n} thủ tục`,
  connectedTitle: "Cách nhanh nhất: dịch vụ công liên thông",
  connectedBadge: "Nên chọn",
  fileIt: "Nộp hồ sơ liên thông",
  fileItHelp: "Chọn cơ quan nơi bạn nộp trên trang dịch vụ, rồi nộp hồ sơ trực tuyến.",
  notOffered: "Hiện chưa có cơ quan nào cung cấp dịch vụ này trực tuyến trên Cổng. Hãy làm riêng từng thủ tục dưới đây.",
  offeredBy: (n: number) => `${n.toLocaleString("vi-VN")} cơ quan cung cấp trực tuyến`,
  stepLabel: (n: number) => `Bước ${n}`,
  optional: "Nếu cần",
  chooseOne: "Chọn một trong các thủ tục:",
  code: "Mã thủ tục",
  prepare: "Cần chuẩn bị",
  toSubmit: "Giấy tờ nộp",
  toShow: "Giấy tờ xuất trình",
  noComponents: "Danh mục chưa ghi thành phần hồ sơ cho thủ tục này; xem trang thủ tục.",
  openProcedure: "Xem thủ tục và nộp hồ sơ",
  missing: (code: string) => `Thủ tục mã ${code} hiện không có trong danh mục của Cổng.`,
  sourceNote:
    "Tên thủ tục và giấy tờ cần chuẩn bị lấy từ danh mục thủ tục hành chính của Cổng; mỗi cơ quan có thể có yêu cầu riêng, xem trang thủ tục trước khi nộp. Ghi chú các bước là hướng dẫn của Cổng, không phải văn bản pháp luật.",
  faqLink: "Câu hỏi thường gặp",
} as const;

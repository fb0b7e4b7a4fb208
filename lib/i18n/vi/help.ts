// Help (issue 18): the frequently asked questions (lib/help/faq.ts), their public page (/hoi-dap) and admin page
// (/quan-tri/hoi-dap), the contact page (/lien-he) and the footer's links. The life events have their own file
// (life-events.ts).
export const faqText = {
  question: "Câu hỏi",
  answer: "Câu trả lời",
  procedureCode: "Mã thủ tục (để trống nếu là câu hỏi chung)",
  procedureHelp: "Mã thủ tục hành chính, ví dụ 1.001193. Để trống cho câu hỏi chung về Cổng.",
  position: "Thứ tự hiển thị",
  errors: {
    question: "Câu hỏi: từ 5 đến 300 ký tự.",
    answer: "Câu trả lời: từ 5 đến 5.000 ký tự.",
    procedureFormat: "Mã thủ tục: có dạng 1.001193.",
    procedure: "Mã thủ tục: không tìm thấy thủ tục có mã này.",
    position: "Thứ tự hiển thị: một số nguyên từ 0 đến 999.",
    notFound: "Không tìm thấy câu hỏi này (có thể đã bị xóa).",
    changed: "Câu hỏi này vừa được người khác sửa. Vui lòng tải lại trang và kiểm tra trước khi lưu.",
  },
  public: {
    title: "Câu hỏi thường gặp",
    lead: "Câu trả lời cho những câu hỏi thường gặp khi dùng Cổng Dịch vụ công và khi làm từng thủ tục hành chính.",
    searchLabel: "Tìm trong câu hỏi thường gặp",
    searchButton: "Tìm",
    results: (n: number, q: string) => `${n.toLocaleString("vi-VN")} câu hỏi phù hợp với «${q}»`,
    none: "Không có câu hỏi nào phù hợp. Hãy thử từ khác, hoặc gửi phản ánh, kiến nghị.",
    general: "Câu hỏi chung",
    aboutProcedure: "Về thủ tục",
    byProcedure: "Câu hỏi về từng thủ tục",
    askMore: "Không tìm thấy câu trả lời? Liên hệ bộ phận hỗ trợ",
  },
  admin: {
    pageTitle: "Câu hỏi thường gặp",
    pageLead:
      "Câu hỏi chung về Cổng và câu hỏi về từng thủ tục. Câu hỏi về một thủ tục hiện trên trang của thủ tục đó; mọi câu hỏi hiện trên trang Hỏi đáp và được tìm kiếm như danh mục thủ tục.",
    add: "Thêm câu hỏi",
    edit: "Sửa",
    save: "Lưu",
    remove: "Xóa",
    actions: "Thao tác",
    procedure: "Thủ tục",
    general: "Câu hỏi chung",
    count: (n: number) => `${n} câu hỏi thường gặp`,
    saved: "Đã lưu câu hỏi.",
    deleted: "Đã xóa câu hỏi.",
    view: "Xem trên trang Hỏi đáp",
  },
} as const;

export const contactText = {
  title: "Liên hệ, hỗ trợ",
  lead: "Các kênh hỗ trợ người dân và doanh nghiệp khi sử dụng Cổng Dịch vụ công.",
  demoNote:
    "Đây là bản trình diễn. Các thông tin liên hệ dưới đây là thiết lập của Cổng; mục nào chưa được cấu hình được ghi rõ là giá trị giữ chỗ, không phải thông tin chính thức.",
  placeholder: "Giá trị giữ chỗ — chưa được cấu hình",
  placeholderHelp: (setting: string) => `Thiết lập ${setting} chưa được đặt; đây không phải thông tin chính thức.`,
  channels: "Kênh liên hệ",
  email: "Thư điện tử bộ phận hỗ trợ",
  phone: "Điện thoại hỗ trợ",
  address: "Địa chỉ tiếp nhận",
  hours: "Thời gian hỗ trợ",
  onlineTitle: "Tự tra cứu và gửi yêu cầu trên Cổng",
  faq: "Câu hỏi thường gặp",
  faqHelp: "Tìm câu trả lời về cách nộp, theo dõi và thanh toán hồ sơ.",
  lifeEvents: "Hướng dẫn theo sự kiện cuộc sống",
  lifeEventsHelp: "Sinh con, kết hôn, chuyển nơi ở…: các thủ tục cần làm theo thứ tự.",
  tracking: "Tra cứu hồ sơ",
  trackingHelp: "Xem tình trạng hồ sơ bằng mã hồ sơ.",
  feedback: "Gửi phản ánh, kiến nghị",
  feedbackHelp:
    "Phản ánh về quy định, thủ tục hành chính hoặc hành vi của cơ quan, cán bộ; nhận mã để theo dõi và trả lời qua thư điện tử.",
  reportProblem: "Báo lỗi trên Cổng",
  reportProblemHelp: "Mỗi trang có liên kết «Báo lỗi trang này» ở chân trang; phản ánh gửi kèm địa chỉ trang bạn đang xem.",
} as const;

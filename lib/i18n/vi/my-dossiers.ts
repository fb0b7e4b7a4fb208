// Texts of "Hồ sơ của tôi" (the citizen's dossiers as cards, with the next step of each) and of the
// citizen's notifications (/thong-bao, the header's count).
import type { NextStepCode } from "@/lib/dossiers/next-step";

export const myDossiersText = {
  filedTitle: "Hồ sơ đã nộp",
  none: "Bạn chưa nộp hồ sơ nào.",
  findProcedure: "Tìm thủ tục để nộp hồ sơ trực tuyến",
  count: (total: number) => `Tổng số: ${total} hồ sơ.`,
  showing: (n: number) => `Đang hiển thị ${n} hồ sơ.`,
  pages: "Các trang hồ sơ",
  more: "Xem thêm hồ sơ",
  fromStart: "Về đầu danh sách",
  code: "Mã hồ sơ",
  agency: "Cơ quan giải quyết",
  status: "Trạng thái",
  due: "Ngày hẹn trả",
  noDate: "Chưa có",
  nextLabel: "Việc cần làm tiếp theo",
  /** What the card's link says, per next-step code; `until` is the formatted due date for "wait". */
  next: {
    pay: "Nộp phí, lệ phí trực tuyến",
    payAtCounter: "Nộp phí, lệ phí tại bộ phận một cửa (xem số tiền)",
    supplement: "Bổ sung giấy tờ theo yêu cầu",
    rate: "Đánh giá mức độ hài lòng",
    download: "Tải kết quả giải quyết",
    collect: "Nhận kết quả tại bộ phận một cửa (xem hướng dẫn)",
    representativeActs: "Người nộp thay ông/bà thực hiện bước tiếp theo — xem hồ sơ",
    wait: "Không cần làm gì — chờ kết quả",
    closed: "Không cần làm gì thêm — xem quá trình xử lý",
  } satisfies Record<NextStepCode, string>,
  waitUntil: (date: string) => `Không cần làm gì — chờ kết quả đến ngày ${date}`,
  waitNoDate: "Không cần làm gì — chờ cơ quan tiếp nhận và hẹn ngày trả kết quả",
  /** Hidden words that tell links of several cards apart for screen readers. */
  ofDossier: (code: string) => ` — hồ sơ ${code}`,
  draftsTitle: "Hồ sơ đang soạn (bản nháp)",
  savedAt: (agency: string, at: string) => `${agency}, lưu lúc ${at}`,
  profileTitle: "Thông tin tài khoản",
} as const;

export const noticesText = {
  title: "Thông báo",
  latest: "Thông báo mới nhất",
  all: "Xem tất cả thông báo",
  none: "Chưa có thông báo.",
  unread: "Chưa đọc",
  read: "Đã đọc",
  summary: (total: number, unread: number) => `Tổng số: ${total} thông báo, ${unread} chưa đọc.`,
  markAll: "Đánh dấu tất cả là đã đọc",
  markedAll: (n: number) => (n === 0 ? "Không có thông báo chưa đọc." : `Đã đánh dấu ${n} thông báo là đã đọc.`),
  openHint: "Mở một thông báo sẽ đánh dấu thông báo đó là đã đọc.",
  pages: "Các trang thông báo",
  more: "Xem thông báo cũ hơn",
  fromStart: "Về thông báo mới nhất",
  notFound: "Không tìm thấy thông báo.",
} as const;

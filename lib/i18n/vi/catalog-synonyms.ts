// Texts of the search synonyms (lib/catalog/synonyms.ts) and their admin page.
export const catalogText = {
  phrase: "Cách gọi thông dụng",
  official: "Từ ngữ trong tên chính thức",
  required: (label: string) => `Vui lòng nhập «${label}».`,
  tooLong: (label: string, max: number) => `«${label}» dài tối đa ${max} ký tự.`,
  noLetters: (label: string) => `«${label}» phải có chữ hoặc số.`,
  same: "Cách gọi thông dụng và từ ngữ chính thức đang giống nhau.",
  exists: "Đã có một cặp từ đồng nghĩa với cách gọi này.",
  notFound: "Không tìm thấy cặp từ đồng nghĩa này (có thể đã bị xóa).",
  saved: "Đã lưu cặp từ đồng nghĩa.",
  deleted: "Đã xóa cặp từ đồng nghĩa.",
  pageTitle: "Từ đồng nghĩa khi tìm kiếm",
  pageLead:
    "Người dân thường gọi thủ tục theo tên quen thuộc (“sổ đỏ”, “bằng lái”, “CCCD”). Mỗi cặp dưới đây cho ô tìm kiếm biết tên quen thuộc ứng với những từ nào trong tên chính thức của thủ tục. Thay đổi có hiệu lực trên mọi máy chủ trong vòng một phút.",
  add: "Thêm cặp từ",
  save: "Lưu",
  edit: "Sửa",
  actions: "Thao tác",
  remove: "Xóa",
  count: (n: number) => `${n} cặp từ đồng nghĩa`,
  tryIt: "Thử tìm",
} as const;

// Texts shared across the portal.
export const commonText = {
  siteName: "Cổng Dịch vụ công Quốc gia",
  siteTagline: "Kết nối, cung cấp thông tin và dịch vụ công mọi lúc, mọi nơi",
  fixErrors: "Thông tin chưa hợp lệ. Vui lòng kiểm tra các mục được đánh dấu bên dưới.",
  errorSummaryTitle: "Có lỗi cần sửa",
  myDossiers: "Hồ sơ của tôi",
  workspace: "Khu vực cán bộ",
  admin: "Quản trị",
  demoData: "Dữ liệu mẫu",
  required: "bắt buộc",
  concurrentConflict: "Thông tin này vừa được ghi nhận bởi một yêu cầu khác. Vui lòng tải lại trang và kiểm tra.",
  fileNotFound: "Không tìm thấy tệp.",
} as const;

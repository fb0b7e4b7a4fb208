// Texts of sign-in, sign-out and access control.
export const authText = {
  badCredentials: "Thư điện tử hoặc mật khẩu không đúng.",
  disabled: "Tài khoản đã bị khóa. Vui lòng liên hệ cơ quan quản lý tài khoản.",
  // Refusals of the limiter: the same words whether or not the account exists.
  tooManyAttempts: (minutes: number) => `Bạn đã nhập sai thư điện tử hoặc mật khẩu nhiều lần. Vui lòng thử lại sau ${minutes} phút.`,
  tooManyFromClient: (minutes: number) => `Có quá nhiều lần đăng nhập sai từ mạng bạn đang dùng. Vui lòng thử lại sau ${minutes} phút.`,
  emailRequired: "Thư điện tử: vui lòng nhập địa chỉ thư điện tử.",
  passwordRequired: "Mật khẩu: vui lòng nhập mật khẩu.",
  signInTitle: "Đăng nhập",
  signOutEverywhere: "Đăng xuất khỏi mọi thiết bị",
  signedOutEverywhere: "Đã đăng xuất khỏi mọi thiết bị.",
  forbiddenTitle: "Bạn không có quyền truy cập trang này",
  forbiddenLead: "Trang này chỉ dành cho cán bộ, công chức có thẩm quyền. Nếu cho rằng đây là nhầm lẫn, vui lòng liên hệ quản trị cơ quan.",
  unexpected: (ref: string) => `Đã có lỗi xảy ra, vui lòng thử lại. Mã tham chiếu: ${ref}.`,
  sessionEnded: "Phiên đăng nhập đã kết thúc. Vui lòng đăng nhập lại.",
  downloadSignIn: "Vui lòng đăng nhập để tải nội dung này.",
  downloadForbidden: "Bạn không có quyền tải nội dung này.",
} as const;

// Texts of the second factor (TOTP) for officers and administrators: the code step after the password,
// enrolment, recovery codes, turning it off, and an administrator's reset.
const minutes = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));

export const secondFactorText = {
  issuer: "Cổng Dịch vụ công Quốc gia",

  verify: {
    title: "Xác thực hai bước",
    lead: "Tài khoản của bạn được bảo vệ bằng xác thực hai bước. Nhập mã gồm 6 chữ số đang hiển thị trong ứng dụng xác thực trên điện thoại.",
    code: "Mã xác thực",
    codeHelp:
      "6 chữ số từ ứng dụng xác thực (ví dụ Google Authenticator, Microsoft Authenticator), hoặc một mã khôi phục dạng XXXXX-XXXXX nếu bạn mất điện thoại.",
    submit: "Xác nhận",
    submitting: "Đang kiểm tra…",
    lostDevice:
      "Mất điện thoại và mã khôi phục? Đề nghị quản trị cơ quan (hoặc Văn phòng Chính phủ, nếu bạn là quản trị cơ quan) đặt lại xác thực hai bước cho tài khoản của bạn.",
    signOut: "Đăng xuất",
  },

  manage: {
    title: "Xác thực hai bước",
    lead: "Sau khi nhập mật khẩu, bạn nhập thêm một mã 6 chữ số do ứng dụng xác thực trên điện thoại tạo ra, mỗi 30 giây một mã. Kẻ gian biết mật khẩu cũng không đăng nhập được nếu không có điện thoại của bạn.",
    required: "Tài khoản quản trị Văn phòng Chính phủ bắt buộc dùng xác thực hai bước. Hãy thiết lập ngay để tiếp tục.",
    offState: "Trạng thái: chưa bật.",
    onState: (date: string) => `Trạng thái: đã bật từ ${date}.`,
    codesLeft: (n: number) => `Còn ${n} mã khôi phục chưa dùng.`,
    usedRecovery:
      "Bạn vừa đăng nhập bằng một mã khôi phục; mã đó không dùng lại được. Nếu đã mất điện thoại, hãy thay thiết bị xác thực; nếu còn ít mã, hãy tạo bộ mã khôi phục mới.",
    start: "Bắt đầu thiết lập",
    starting: "Đang tạo khóa…",
    replace: "Thay thiết bị xác thực",
    replacing: "Đang tạo khóa mới…",
    regenerate: "Tạo bộ mã khôi phục mới",
    regenerating: "Đang tạo…",
    regenerateHelp: "Bộ mã mới thay thế toàn bộ các mã cũ.",
    disable: "Tắt xác thực hai bước",
    disabling: "Đang tắt…",
    disabledDone: "Đã tắt xác thực hai bước.",
    cannotDisable: "Tài khoản quản trị Văn phòng Chính phủ không được tắt xác thực hai bước; bạn chỉ có thể thay thiết bị xác thực.",
    backHome: "Về trang làm việc",
  },

  enrol: {
    title: "Thiết lập ứng dụng xác thực",
    step1: "1. Mở ứng dụng xác thực trên điện thoại và quét mã QR dưới đây.",
    qrLabel: "Mã QR để thêm tài khoản vào ứng dụng xác thực",
    manual: "Không quét được? Nhập khóa sau vào ứng dụng (loại: theo thời gian):",
    secretLabel: "Khóa thiết lập",
    step2: "2. Nhập mã 6 chữ số ứng dụng hiển thị để xác nhận.",
    confirm: "Xác nhận và bật",
    confirming: "Đang xác nhận…",
    cancelHint: "Thiết bị đang dùng (nếu có) vẫn có hiệu lực cho đến khi bạn xác nhận thiết bị mới.",
  },

  codes: {
    title: "Mã khôi phục",
    lead: "Mỗi mã dưới đây dùng được một lần để đăng nhập khi bạn không có điện thoại. Hãy in hoặc chép lại và cất ở nơi an toàn: các mã chỉ hiển thị lần này.",
    listLabel: "Danh sách mã khôi phục",
    saved: "Tôi đã lưu các mã khôi phục ở nơi an toàn",
    continue: "Tiếp tục",
    savedRequired: "Vui lòng xác nhận bạn đã lưu các mã khôi phục.",
    enabled: "Đã bật xác thực hai bước.",
  },

  reset: {
    action: "Đặt lại xác thực hai bước",
    which: (name: string) => `cho ${name}`,
    pending: "Đang đặt lại…",
    done: (name: string) => `Đã đặt lại xác thực hai bước của ${name}; các phiên đăng nhập của tài khoản này đã kết thúc.`,
    column: "Xác thực hai bước",
    on: "Đã bật",
    off: "Chưa bật",
    adminsTitle: "Tài khoản quản trị cơ quan",
    adminsCaption: "Tài khoản quản trị của cơ quan và trạng thái xác thực hai bước",
    columns: { name: "Họ và tên", email: "Thư điện tử", actions: "Thao tác" },
  },

  errors: {
    code: "Mã xác thực: vui lòng nhập 6 chữ số từ ứng dụng, hoặc một mã khôi phục.",
    wrongCode: "Mã xác thực không đúng hoặc đã hết hạn. Vui lòng nhập mã đang hiển thị trong ứng dụng.",
    reused: "Mã này vừa được dùng. Vui lòng đợi mã tiếp theo trong ứng dụng (sau tối đa 30 giây).",
    tooMany: (seconds: number) => `Nhập sai quá nhiều lần. Vui lòng thử lại sau ${minutes(seconds)} phút.`,
    notEnrolled: "Tài khoản chưa bật xác thực hai bước.",
    noPending: "Chưa có khóa đang thiết lập. Vui lòng bấm «Bắt đầu thiết lập» lại.",
    verifyFirst: "Vui lòng nhập mã xác thực hai bước trước.",
    notAllowedToDisable: "Tài khoản quản trị Văn phòng Chính phủ không được tắt xác thực hai bước.",
    sealBroken: "Không đọc được khóa xác thực hai bước của tài khoản. Vui lòng đề nghị quản trị đặt lại.",
    userNotFound: "Không tìm thấy tài khoản cần đặt lại.",
    routeDue: "Vui lòng hoàn tất xác thực hai bước trước khi tải tệp.",
  },
};

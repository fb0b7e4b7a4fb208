// Texts of citizen accounts: registration, e-mail verification, passwords (change, forgotten, reset) and
// the e-mails these send.
const portal = "Cổng Dịch vụ công Quốc gia";
const hint = "Gợi ý: dùng một cụm từ dễ nhớ gồm nhiều từ không liên quan đến nhau (có thể có dấu cách).";
const minutes = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));

export const accountText = {
  title: "Đăng ký tài khoản công dân",
  lead: "Tài khoản dùng để nộp hồ sơ trực tuyến, theo dõi tiến độ và nhận kết quả giải quyết thủ tục hành chính.",
  fullName: "Họ và tên",
  cccd: "Số căn cước công dân",
  cccdHelp: "12 chữ số, in trên thẻ căn cước công dân.",
  dateOfBirth: "Ngày sinh",
  phone: "Số điện thoại di động",
  phoneHelp: "Ví dụ: 0912345678 hoặc +84912345678.",
  email: "Thư điện tử",
  emailHelp: "Chúng tôi gửi liên kết xác nhận tới địa chỉ này; tài khoản dùng được sau khi bạn mở liên kết.",
  password: "Mật khẩu",
  passwordHelp:
    "Ít nhất 12 ký tự, nên là một cụm từ dễ nhớ (có thể có dấu cách). Không dùng mật khẩu phổ biến, họ tên, ngày sinh hay số căn cước.",
  passwordConfirm: "Nhập lại mật khẩu",
  submit: "Đăng ký",
  submitting: "Đang đăng ký…",
  haveAccount: "Đã có tài khoản?",
  errors: {
    fullName: "Họ và tên: vui lòng nhập họ và tên đầy đủ (2–100 ký tự).",
    cccdFormat: "Số căn cước công dân phải gồm đúng 12 chữ số.",
    cccdProvince: "Số căn cước công dân: 3 chữ số đầu không phải mã tỉnh, thành phố nơi đăng ký khai sinh.",
    cccdCentury: "Số căn cước công dân: chữ số thứ 4 (mã giới tính và thế kỷ sinh) không khớp với năm sinh.",
    cccdBirthYear: (yy: string) => `Số căn cước công dân: chữ số thứ 5 và 6 phải là hai số cuối của năm sinh (${yy}).`,
    dateOfBirth: "Ngày sinh: vui lòng nhập ngày sinh hợp lệ, không sau ngày hôm nay.",
    phone: "Số điện thoại di động không hợp lệ: bắt đầu bằng 0 hoặc +84, tiếp theo là đầu số 3, 5, 7, 8 hoặc 9 và 8 chữ số.",
    email: "Thư điện tử không hợp lệ. Ví dụ: ten@example.com.",
    passwordConfirm: "Nhập lại mật khẩu: hai mật khẩu không khớp.",
    rateLimited: (seconds: number) =>
      `Có quá nhiều lượt đăng ký từ địa chỉ mạng này. Vui lòng thử lại sau ${minutes(seconds)} phút, hoặc đăng ký tại bộ phận một cửa.`,
  },

  /** The answer to every accepted registration, whoever already has an account (nothing is revealed). */
  checkMail: {
    title: "Kiểm tra hộp thư của bạn",
    lead: "Chúng tôi đã ghi nhận yêu cầu đăng ký và gửi một thư tới địa chỉ thư điện tử bạn vừa nhập.",
    steps: [
      "Mở thư từ Cổng Dịch vụ công Quốc gia và làm theo hướng dẫn trong thư.",
      "Liên kết xác nhận có hiệu lực trong 24 giờ; tài khoản chỉ đăng nhập được sau khi xác nhận.",
      "Không thấy thư sau vài phút? Hãy kiểm tra thư mục thư rác, hoặc đăng ký lại với cùng thông tin.",
    ],
    signIn: "Đến trang đăng nhập",
  },

  passwordRules: {
    tooShort: (label: string, n: number) => `${label}: cần ít nhất ${n} ký tự. ${hint}`,
    tooLong: (label: string, n: number) => `${label}: tối đa ${n} ký tự.`,
    common: (label: string) =>
      `${label}: quá phổ biến hoặc dễ đoán (như 12345678, matkhau123, anhyeuem2026). ${hint} Tránh dãy số, từ quen thuộc và tên địa danh.`,
    personal: (label: string) =>
      `${label}: dễ đoán vì dựa vào họ tên, thư điện tử, số căn cước, ngày sinh hoặc số điện thoại của bạn. ${hint}`,
  },

  verify: {
    title: "Xác nhận địa chỉ thư điện tử",
    lead: "Nhấn nút dưới đây để xác nhận địa chỉ thư điện tử và kích hoạt tài khoản.",
    submit: "Xác nhận địa chỉ",
    submitting: "Đang xác nhận…",
    invalid:
      "Liên kết xác nhận không hợp lệ, đã được dùng hoặc đã hết hạn. Hãy đăng ký lại với cùng thông tin để nhận liên kết mới, hoặc dùng “Quên mật khẩu?”.",
    done: "Đã xác nhận địa chỉ thư điện tử. Tài khoản của bạn đã sẵn sàng.",
    signIn: "Đăng nhập",
    register: "Đăng ký lại",
  },

  signIn: {
    forgot: "Quên mật khẩu?",
    /** Only after the right password: someone without it sees the usual "wrong e-mail or password". */
    unverified:
      "Tài khoản chưa được kích hoạt: vui lòng mở liên kết xác nhận trong thư chúng tôi đã gửi tới địa chỉ này. Không tìm thấy thư? Dùng “Quên mật khẩu?” để nhận liên kết mới.",
  },

  forgot: {
    title: "Quên mật khẩu",
    lead: "Nhập địa chỉ thư điện tử của tài khoản. Nếu địa chỉ này có tài khoản, chúng tôi gửi tới đó một liên kết để đặt mật khẩu mới, có hiệu lực trong 30 phút.",
    submit: "Gửi liên kết đặt lại mật khẩu",
    submitting: "Đang gửi…",
    sent: "Nếu địa chỉ vừa nhập có tài khoản, thư hướng dẫn đặt lại mật khẩu đã được gửi tới đó. Liên kết có hiệu lực trong 30 phút và chỉ dùng được một lần; mỗi địa chỉ nhận tối đa 3 thư trong một giờ. Hãy kiểm tra cả thư mục thư rác.",
    counter:
      "Không còn dùng được địa chỉ thư điện tử của tài khoản? Mang thẻ căn cước công dân đến bộ phận một cửa gần nhất để được hỗ trợ.",
    rateLimited: (seconds: number) =>
      `Có quá nhiều yêu cầu đặt lại mật khẩu từ địa chỉ mạng này. Vui lòng thử lại sau ${minutes(seconds)} phút.`,
  },

  reset: {
    title: "Đặt lại mật khẩu",
    lead: "Chọn mật khẩu mới cho tài khoản. Sau khi đặt, mọi phiên đăng nhập cũ trên các thiết bị sẽ kết thúc.",
    newPassword: "Mật khẩu mới",
    newPasswordConfirm: "Nhập lại mật khẩu mới",
    confirmMismatch: "Nhập lại mật khẩu mới: hai mật khẩu không khớp.",
    submit: "Đặt mật khẩu mới",
    submitting: "Đang lưu…",
    invalid: "Liên kết đặt lại mật khẩu không hợp lệ, đã được dùng hoặc đã hết hạn. Vui lòng yêu cầu liên kết mới.",
    again: "Yêu cầu liên kết mới",
    done: "Đã đặt mật khẩu mới. Mọi phiên đăng nhập cũ đã kết thúc; vui lòng đăng nhập bằng mật khẩu mới.",
    signIn: "Đăng nhập",
  },

  change: {
    title: "Đổi mật khẩu",
    lead: "Sau khi đổi, các phiên đăng nhập trên những thiết bị khác sẽ kết thúc; phiên này vẫn tiếp tục.",
    currentPassword: "Mật khẩu hiện tại",
    currentRequired: "Mật khẩu hiện tại: vui lòng nhập mật khẩu đang dùng.",
    currentWrong: "Mật khẩu hiện tại không đúng.",
    sameAsCurrent: "Mật khẩu mới: phải khác mật khẩu hiện tại.",
    submit: "Đổi mật khẩu",
    submitting: "Đang đổi…",
    done: (others: number) =>
      others > 0
        ? `Đã đổi mật khẩu. ${others} phiên đăng nhập trên thiết bị khác đã được đăng xuất.`
        : "Đã đổi mật khẩu. Không có phiên đăng nhập nào khác cần đăng xuất.",
    rateLimited: (seconds: number) => `Đã nhập sai mật khẩu hiện tại quá nhiều lần. Vui lòng thử lại sau ${minutes(seconds)} phút.`,
  },

  demoMailbox: {
    title: "Hộp thư trình diễn",
    lead: "Bản trình diễn không gửi thư thật: mọi thư điện tử cổng gửi đi (mới nhất trước) hiện ở đây để bạn mở liên kết xác nhận hoặc đặt lại mật khẩu. Trang này không tồn tại khi cổng chạy thật hoặc đã cấu hình máy chủ thư.",
    pointer: "Bản trình diễn: thư không được gửi thật, hãy xem thư tại",
    empty: "Chưa có thư nào.",
    to: "Gửi tới",
    queuedAt: "Lúc",
  },

  /** E-mails. Each ends with the portal's name; links are absolute. */
  mail: {
    signature: `\n\n${portal}\nThư này được gửi tự động, vui lòng không trả lời.`,
    verify: {
      subject: `Xác nhận địa chỉ thư điện tử – ${portal}`,
      body: (name: string, link: string) =>
        `Kính gửi ${name},\n\nĐịa chỉ thư điện tử này vừa được dùng để đăng ký tài khoản công dân trên ${portal}. Để kích hoạt tài khoản, vui lòng mở liên kết sau (có hiệu lực trong 24 giờ, dùng một lần):\n\n${link}\n\nNếu bạn không đăng ký, hãy bỏ qua thư này: tài khoản sẽ không được kích hoạt.`,
    },
    alreadyRegistered: {
      subject: `Địa chỉ thư điện tử của bạn đã có tài khoản – ${portal}`,
      body: (signIn: string, reset: string, verify: string | null) =>
        `Xin chào,\n\nVừa có yêu cầu đăng ký tài khoản mới bằng địa chỉ thư điện tử này, nhưng địa chỉ này đã có tài khoản trên ${portal}, nên không có tài khoản nào được tạo thêm.\n\n` +
        (verify ? `Tài khoản của bạn chưa được kích hoạt. Để kích hoạt, mở liên kết sau (có hiệu lực trong 24 giờ):\n${verify}\n\n` : "") +
        `Đăng nhập: ${signIn}\nQuên mật khẩu? Đặt lại tại: ${reset}\n\nNếu bạn không gửi yêu cầu này, bạn không cần làm gì; tài khoản của bạn không thay đổi.`,
    },
    cccdTaken: {
      subject: `Số căn cước công dân đã có tài khoản – ${portal}`,
      body: (reset: string) =>
        `Xin chào,\n\nVừa có yêu cầu đăng ký tài khoản bằng địa chỉ thư điện tử này, nhưng số căn cước công dân đã nhập đã có tài khoản trên ${portal}. Mỗi số căn cước chỉ có một tài khoản, nên không có tài khoản mới nào được tạo.\n\nNếu đó là số căn cước của bạn:\n- Đặt lại mật khẩu qua địa chỉ thư điện tử đã đăng ký với tài khoản đó (chúng tôi vừa gửi một thông báo tới địa chỉ ấy): ${reset}\n- Nếu không còn dùng được địa chỉ đó, mang thẻ căn cước công dân đến bộ phận một cửa gần nhất để được xác minh và hỗ trợ.\n\nNếu bạn không gửi yêu cầu này, hãy bỏ qua thư này.`,
    },
    cccdNotice: {
      subject: `Có yêu cầu đăng ký bằng số căn cước của bạn – ${portal}`,
      body: (signIn: string, reset: string) =>
        `Xin chào,\n\nVừa có yêu cầu đăng ký tài khoản mới trên ${portal} bằng số căn cước công dân của tài khoản này, với một địa chỉ thư điện tử khác. Không có tài khoản mới nào được tạo và tài khoản của bạn không thay đổi.\n\nNếu đó là bạn: hãy đăng nhập (${signIn}) hoặc đặt lại mật khẩu (${reset}).\nNếu không phải bạn: bạn không cần làm gì. Nếu nghi ngờ thông tin của mình bị lạm dụng, hãy liên hệ bộ phận một cửa.`,
    },
    reset: {
      subject: `Đặt lại mật khẩu – ${portal}`,
      body: (link: string) =>
        `Xin chào,\n\nVừa có yêu cầu đặt lại mật khẩu cho tài khoản dùng địa chỉ thư điện tử này. Để đặt mật khẩu mới, mở liên kết sau (có hiệu lực trong 30 phút, dùng một lần; liên kết cũ hơn không còn dùng được):\n\n${link}\n\nNếu bạn không gửi yêu cầu này, hãy bỏ qua thư này: mật khẩu của bạn không thay đổi.`,
    },
    passwordChanged: {
      subject: `Mật khẩu tài khoản đã được thay đổi – ${portal}`,
      body: (reset: string) =>
        `Xin chào,\n\nMật khẩu tài khoản của bạn trên ${portal} vừa được thay đổi, và các phiên đăng nhập khác đã được đăng xuất.\n\nNếu không phải bạn thay đổi, hãy đặt lại mật khẩu ngay: ${reset}, rồi liên hệ bộ phận một cửa.`,
    },
  },
} as const;

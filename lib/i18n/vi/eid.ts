// Words of the national e-ID sign-in, linking and step-up (lib/auth/eid.ts, app/(public)/dang-nhap).
export const eidText = {
  button: "Dùng tài khoản định danh điện tử",
  buttonPending: "Đang chuyển đến định danh điện tử…",
  verified: "Đã xác thực qua định danh điện tử",
  address: "Địa chỉ",
  prefilledVerified: "Họ tên, ngày sinh, số định danh cá nhân và số điện thoại được điền sẵn từ định danh điện tử (đã xác thực).",
  verifiedNote: "Các thông tin dưới đây do hệ thống định danh điện tử cung cấp và không sửa được trên Cổng.",
  /** Why an e-ID sign-in was refused (the sign-in page's `loi-eid` parameter). */
  refused: {
    acr_missing: "Định danh điện tử không cho biết mức định danh của tài khoản. Bạn chưa được đăng nhập.",
    acr_too_low: "Tài khoản định danh điện tử chưa đạt mức được yêu cầu. Hãy đăng nhập lại và chọn mức 2.",
    claims_invalid: "Định danh điện tử không cung cấp đủ thông tin (họ tên, ngày sinh, số định danh cá nhân). Bạn chưa được đăng nhập.",
    disabled: "Tài khoản này đã bị khóa.",
    staff_account: "Tài khoản cán bộ không liên kết với định danh điện tử của cá nhân.",
    other_eid: "Tài khoản đang đăng nhập đã liên kết với một tài khoản định danh điện tử khác.",
    eid_taken: "Tài khoản định danh điện tử này đã liên kết với một tài khoản khác trên Cổng.",
    cccd_mismatch:
      "Số định danh cá nhân của tài khoản định danh điện tử khác với số căn cước của tài khoản đang đăng nhập, nên không liên kết được. Hãy đăng xuất rồi đăng nhập bằng định danh điện tử.",
    cccd_taken: "Số định danh cá nhân này đã thuộc một tài khoản khác trên Cổng.",
    no_cccd:
      "Tài khoản đang đăng nhập chưa có số định danh cá nhân, nên không được liên kết với định danh điện tử. Hãy đăng xuất rồi đăng nhập chỉ bằng định danh điện tử, hoặc liên hệ bộ phận hỗ trợ để được xác minh và liên kết tài khoản.",
    conflict: "Tài khoản đang được cập nhật từ một lần đăng nhập khác. Hãy đăng nhập lại bằng định danh điện tử.",
    failed: "Không xác thực được phản hồi của hệ thống định danh điện tử, nên bạn chưa được đăng nhập. Hãy thử lại.",
  },
  link: {
    title: "Liên kết tài khoản với định danh điện tử",
    lead: "Đã có một tài khoản trên Cổng mang số định danh cá nhân này. Để liên kết tài khoản đó với định danh điện tử của bạn, hãy nhập mật khẩu của tài khoản.",
    account: "Tài khoản",
    password: "Mật khẩu của tài khoản",
    submit: "Xác nhận và liên kết",
    submitting: "Đang liên kết…",
    expired: "Yêu cầu liên kết không còn hiệu lực (đã dùng hoặc quá 15 phút). Hãy đăng nhập lại bằng định danh điện tử.",
    badPassword: "Mật khẩu không đúng.",
    passwordRequired: "Nhập mật khẩu của tài khoản.",
    restart: "Bắt đầu lại với định danh điện tử",
  },
  /** The link page's other choice: the account holding the number is not the citizen's (lib/auth/eid.ts claimEidCccd). */
  claim: {
    title: "Tôi không có tài khoản này — tạo tài khoản mới bằng định danh điện tử",
    lead: "Nếu tài khoản trên không phải của bạn: số định danh cá nhân của tài khoản đó chưa từng được xác thực, còn định danh điện tử đã xác thực số này là của bạn. Số định danh sẽ được gỡ khỏi tài khoản kia (chủ tài khoản được báo qua thư điện tử) và một tài khoản mới được tạo cho bạn bằng định danh điện tử.",
    submit: "Tạo tài khoản mới bằng định danh điện tử",
    submitting: "Đang tạo tài khoản…",
    done: "Đã tạo tài khoản của bạn bằng định danh điện tử. Hãy đăng nhập lại bằng định danh điện tử để vào tài khoản.",
    signIn: "Đăng nhập bằng định danh điện tử",
    notAllowed:
      "Số định danh cá nhân của tài khoản này đã được xác thực, nên không thể tạo tài khoản mới với số đó. Hãy liên hệ bộ phận hỗ trợ (bộ phận một cửa) để được xác minh.",
    mail: {
      subject: "Số định danh cá nhân đã được gỡ khỏi tài khoản của bạn – Cổng Dịch vụ công Quốc gia",
      body: (signIn: string) =>
        `Xin chào,\n\nNgười có số định danh cá nhân mà tài khoản của bạn đã nhập khi đăng ký vừa xác thực số đó bằng tài khoản định danh điện tử (VNeID). Vì số định danh trên tài khoản của bạn chưa từng được xác thực, số đó đã được gỡ khỏi tài khoản của bạn; tài khoản, mật khẩu và hồ sơ của bạn vẫn giữ nguyên.\n\nNếu số định danh đó là của bạn, hãy đăng nhập (${signIn}) bằng định danh điện tử của mình, hoặc liên hệ bộ phận một cửa để được xác minh và hỗ trợ.`,
    },
  },
  stepUp: {
    title: "Cần định danh điện tử mức 2",
    lead: "Thủ tục này yêu cầu tài khoản định danh điện tử mức 2 (theo Nghị định 69/2024/NĐ-CP). Phiên đăng nhập hiện tại của bạn mới ở mức 1.",
    how: "Bấm nút dưới đây để xác thực bằng tài khoản định danh điện tử mức 2. Sau khi xác thực, bạn quay lại đúng biểu mẫu đang nộp; bản nháp đã lưu được giữ nguyên.",
    button: "Xác thực bằng định danh điện tử mức 2",
    unavailable: "Cổng chưa được kết nối với hệ thống định danh điện tử, nên chưa thể nâng mức định danh.",
    back: "Quay lại thông tin thủ tục",
  },
  assuranceTooLow: "Thủ tục này yêu cầu định danh điện tử mức 2. Hãy xác thực bằng định danh điện tử mức 2 rồi nộp lại.",
} as const;

export type EidRefusal = keyof typeof eidText.refused;

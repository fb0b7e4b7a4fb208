// Texts of the integrity page (/quan-tri/kiem-tra-lich-su): the dossier histories' chains and the audit trail's.

export const integrityText = {
  title: "Kiểm tra toàn vẹn lịch sử hồ sơ và nhật ký hệ thống",
  backToAdmin: "← Quản trị",
  dossiers: {
    heading: "Lịch sử xử lý hồ sơ",
    lead: "Mỗi sự kiện xử lý hồ sơ mang mã băm của sự kiện trước; hệ thống tính lại toàn bộ chuỗi để phát hiện sự kiện bị sửa hoặc bị xóa.",
    codeLabel: "Mã hồ sơ",
    codePlaceholder: "Mã hồ sơ (để trống: 500 hồ sơ gần nhất)",
    check: "Kiểm tra",
    result: (checked: number, bad: number) =>
      `Đã kiểm tra ${checked} hồ sơ: ${bad === 0 ? "không phát hiện sai lệch." : `${bad} hồ sơ có sai lệch.`}`,
    caption: "Hồ sơ có sai lệch",
    columns: { code: "Mã hồ sơ", seq: "Sự kiện", problem: "Sai lệch" },
  },
  audit: {
    heading: "Nhật ký hệ thống (audit log)",
    lead: "Mỗi mục nhật ký mang số thứ tự, mã băm của mục trước và mã băm nội dung của chính nó; sửa, xóa hay chèn một mục đều làm đứt chuỗi.",
    checkAll: "Kiểm tra toàn bộ nhật ký",
    checkLatest: (n: number) => `Chỉ kiểm tra ${n.toLocaleString("vi-VN")} mục gần nhất`,
    result: (checked: number, complete: boolean, bad: number) =>
      `Đã kiểm tra ${checked.toLocaleString("vi-VN")} mục nhật ký${complete ? " (toàn bộ chuỗi)" : " gần nhất"}: ${
        bad === 0 ? "không phát hiện sai lệch." : `${bad} sai lệch.`
      }`,
    head: "Mục mới nhất (ghi lại để đối chiếu về sau: chuỗi không tự phát hiện được việc xóa các mục cuối)",
    headSeq: "Số thứ tự",
    headHash: "Mã băm",
    headAt: "Thời điểm",
    legacy: (n: number) =>
      `${n.toLocaleString("vi-VN")} mục ghi trước khi nhật ký được xâu chuỗi, được niêm phong bằng mã băm tổng ở mục đầu chuỗi.`,
    caption: "Sai lệch trong nhật ký hệ thống",
    columns: { where: "Vị trí", problem: "Sai lệch" },
    entry: (seq: number) => `Mục số ${seq}`,
    row: (id: string) => `Dòng id ${id}`,
    whole: "Toàn chuỗi",
  },
  problem: {
    hash_mismatch: "Nội dung đã bị sửa (mã băm không khớp)",
    broken_link: "Chuỗi liên kết bị đứt (mục trước đã bị sửa hoặc xóa)",
    gap: "Thiếu mục (số thứ tự không liên tục)",
    count_mismatch: "Số sự kiện không khớp số phiên bản hồ sơ (sự kiện cuối có thể đã bị xóa)",
    unchained: "Mục được ghi ngoài chuỗi (không có số thứ tự và mã băm)",
    legacy_changed: "Các mục ghi trước khi xâu chuỗi đã bị thay đổi (không khớp mã băm niêm phong)",
    no_genesis: "Thiếu mục khởi đầu của chuỗi",
  },
} as const;

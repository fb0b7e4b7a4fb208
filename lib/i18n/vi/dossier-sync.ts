// Words of the dossier sync API (issue 17, inbound half) and of what the portal's pages say about synced
// dossiers: API refusals, the officer's "processed in the agency's own system", the citizen's note, the
// VPCP dashboard's reconciliation and sync lag.
export const dossierSyncText = {
  api: {
    idempotencyKeyMissing: "Thiếu tiêu đề Idempotency-Key (8–64 ký tự chữ, số, . _ : -)",
    idempotencyKeyReused: "Idempotency-Key này đã được dùng cho một yêu cầu có nội dung khác",
    codeAgency: (identifier: string) => `code: mã hồ sơ phải bắt đầu bằng mã cơ quan tiếp nhận ${identifier}`,
    codeTaken: (code: string) => `Mã hồ sơ ${code} đã có trên Cổng`,
    serviceUnknown: "serviceCode: cơ quan không cung cấp thủ tục này trên Cổng (kiểm tra serviceCode hoặc procedureCode)",
    notFound: "Không tìm thấy hồ sơ của cơ quan với mã này",
    notSynced: "Hồ sơ này được xử lý trên Cổng, không qua hệ thống một cửa của cơ quan",
    staleVersion: (current: number) => `Hồ sơ đã thay đổi (phiên bản hiện tại ${current}); đọc lại trạng thái rồi gửi lại`,
    apologyClosed: "apology: hồ sơ đã kết thúc, không hẹn lại được ngày trả kết quả",
    noMove: (from: number, to: number) => `status: không chuyển được hồ sơ từ trạng thái ${from} sang ${to}`,
    apologyFuture: "apology.newDueAt: ngày hẹn mới phải sau ngày hẹn hiện tại",
    sameStatus: "status: hồ sơ đã ở trạng thái này; gửi kèm apology để hẹn lại ngày trả",
  },
  channel: { counter: "Bộ phận một cửa", provincial_portal: "Cổng dịch vụ công cấp tỉnh", post: "Bưu chính công ích" },
  /** Officer pages. */
  officer: {
    origin: "Nguồn hồ sơ",
    originAgency: "Tiếp nhận tại cơ quan, đồng bộ từ hệ thống một cửa của cơ quan",
    externalCode: "Mã hồ sơ tại hệ thống của cơ quan",
    readOnly: "Hồ sơ này được xử lý trên hệ thống một cửa của cơ quan; Cổng chỉ hiển thị trạng thái được đồng bộ.",
    syncedAt: "Đồng bộ lần cuối",
  },
  /** The citizen's pages. */
  citizen: {
    receivedAtAgency: (agency: string) => `Tiếp nhận trực tiếp tại ${agency}`,
    readOnly: "Hồ sơ được tiếp nhận và xử lý tại cơ quan; Cổng hiển thị tiến độ do hệ thống của cơ quan cập nhật.",
  },
  /** The VPCP monitoring dashboard. */
  dashboard: {
    title: "Đồng bộ hồ sơ với hệ thống một cửa của địa phương",
    lagNote:
      "Độ trễ đồng bộ = thời điểm hiện tại trừ lần cuối hệ thống của tỉnh báo về Cổng (synced_at mới nhất của các hồ sơ đồng bộ). Tỉnh thí điểm được xếp trước.",
    province: "Tỉnh, thành phố",
    pilot: "thí điểm",
    synced: "Hồ sơ đồng bộ",
    lastSync: "Đồng bộ lần cuối",
    lag: "Độ trễ",
    never: "Chưa đồng bộ",
    reconciliation: "Đối soát gần nhất",
    differences: "Chênh lệch",
    noReport: "Chưa có báo cáo đối soát",
    reportOf: (day: string) => `ngày ${day}`,
    zero: "Khớp (0 chênh lệch)",
    differing: (n: number) => `${n} hồ sơ chênh lệch`,
    countsCaption: "Số hồ sơ theo trạng thái: hệ thống của cơ quan / Cổng",
    lagMinutes: (m: number) =>
      m < 60 ? `${m} phút` : m < 1440 ? `${Math.floor(m / 60)} giờ ${m % 60} phút` : `${Math.floor(m / 1440)} ngày`,
  },
} as const;

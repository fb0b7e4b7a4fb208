// Texts of a dossier's due dates: the date in force (moved by an apology, restarted by supplied papers) and
// the legal deadline (lib/dossiers/due.ts), on the pages, the timeline and the apology's refusals.
export const dueDateText = {
  /** The date in force, as every page names it. */
  inForce: "Ngày hẹn trả kết quả",
  /** The legal deadline, shown beside the date in force when they differ (after an apology). */
  legal: "Hạn theo quy định",
  legalNote: (date: string) => `Hạn theo quy định: ${date}`,
  /** On the timeline: how an apology or supplied papers moved the date in force. */
  change: (from: string | null, to: string) => (from ? `Hạn trả kết quả: ${from} → ${to}` : `Hạn trả kết quả mới: ${to}`),
  apologyNote: "Cơ quan đã gửi thư xin lỗi và hẹn lại ngày trả kết quả",
  /** The apology's refusals, each naming the field. */
  apologyNotAfterDue: (current: string) => `Ngày hẹn trả kết quả mới: phải sau ngày hẹn trả kết quả hiện tại (${current}).`,
  apologyNotAfterToday: "Ngày hẹn trả kết quả mới: phải sau ngày hôm nay.",
  apologyNotWorkingDay: (date: string) =>
    `Ngày hẹn trả kết quả mới: ${date} không phải ngày làm việc (thứ Bảy, Chủ nhật hoặc ngày nghỉ lễ, Tết); vui lòng chọn một ngày làm việc.`,
} as const;

// The national dossier status codes (TrangThaiHoSo, Circular 01/2018/TT-VPCP) and their names.
export const STATUS = {
  NEW: 1,
  RECEIVED: 2,
  REFUSED: 3,
  PROCESSING: 4,
  SUPPLEMENT_REQUESTED: 5,
  FEES_REQUESTED: 6,
  WITHDRAWN: 7,
  STOPPED: 8,
  DONE: 9,
  RETURNED: 10,
} as const;

export type Status = (typeof STATUS)[keyof typeof STATUS];

export const STATUS_NAME: Record<Status, string> = {
  1: "Mới đăng ký",
  2: "Được tiếp nhận",
  3: "Không được tiếp nhận",
  4: "Đang xử lý",
  5: "Yêu cầu bổ sung giấy tờ",
  6: "Yêu cầu thực hiện nghĩa vụ tài chính",
  7: "Công dân yêu cầu rút hồ sơ",
  8: "Dừng xử lý",
  9: "Đã xử lý xong",
  10: "Đã trả kết quả",
};

/** Statuses after which nothing more happens to a dossier. */
export const FINAL_STATUSES: ReadonlySet<Status> = new Set([STATUS.REFUSED, STATUS.WITHDRAWN, STATUS.STOPPED, STATUS.RETURNED]);

/** Dossiers that are over, in whatever way: the final statuses, and finished with a result (not yet returned). */
export const CLOSED_STATUSES: ReadonlySet<number> = new Set<number>([...FINAL_STATUSES, STATUS.DONE]);

export function isStatus(n: number): n is Status {
  return Number.isInteger(n) && n >= 1 && n <= 10;
}

export function statusName(n: number): string {
  return isStatus(n) ? STATUS_NAME[n] : `Trạng thái ${n}`;
}

/** Submission channels (national codes). */
export const CHANNEL = { IN_PERSON: 1, ONLINE: 2, POST: 3 } as const;

// Display formats: money in đồng, dates and times in Asia/Ho_Chi_Minh.
export const TIME_ZONE = "Asia/Ho_Chi_Minh";

export function formatMoney(dong: number): string {
  return `${new Intl.NumberFormat("vi-VN").format(dong)} đồng`;
}

export function formatDate(d: Date | string): string {
  const date = typeof d === "string" ? new Date(d.length === 10 ? `${d}T00:00:00Z` : d) : d;
  const tz = typeof d === "string" && d.length === 10 ? "UTC" : TIME_ZONE;
  return new Intl.DateTimeFormat("vi-VN", { timeZone: tz, day: "2-digit", month: "2-digit", year: "numeric" }).format(date);
}

export function formatDateTime(d: Date): string {
  return new Intl.DateTimeFormat("vi-VN", {
    timeZone: TIME_ZONE,
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  }).format(d);
}

/** A file size for people: "820 KB", "3,4 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 1 }).format(bytes / (1024 * 1024))} MB`;
}

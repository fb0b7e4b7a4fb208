// Small input rules shared by the programme's actions (priority list, milestones, inspections).
import { z } from "zod";
import { isIsoDate } from "@/lib/calendar/time";

/** A required yyyy-mm-dd date, the message naming the field. */
export const isoDate = (label: string) =>
  z.string().trim().min(1, `${label}: vui lòng nhập ngày.`).refine(isIsoDate, `${label}: ngày không hợp lệ (ngày/tháng/năm).`);

/** An optional yyyy-mm-dd date: empty means none. */
export const optionalIsoDate = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || isIsoDate(v), `${label}: ngày không hợp lệ (ngày/tháng/năm).`);

export const dbDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
export const isoOf = (d: Date) => d.toISOString().slice(0, 10);
export const id = (label: string) =>
  z.coerce
    .number({ error: `${label}: không hợp lệ.` })
    .int()
    .positive(`${label}: không hợp lệ.`);

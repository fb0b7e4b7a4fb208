// The programme's dated milestones. "Late" is derived, never stored: not done and the due date (Vietnam time) has passed.
import "server-only";
import { z } from "zod";
import { defineUseCase, AppError } from "@/lib/auth/door";
import { localDate } from "@/lib/calendar/time";
import { db } from "@/lib/db/client";
import { dbDate, id, isoDate, isoOf, optionalIsoDate } from "./common";

export const MILESTONE_STATUS_LABEL = { PLANNED: "Chưa bắt đầu", IN_PROGRESS: "Đang thực hiện", DONE: "Đã hoàn thành" } as const;
type MilestoneStatus = keyof typeof MILESTONE_STATUS_LABEL;

export interface MilestoneView {
  id: number;
  code: string;
  title: string;
  description: string;
  dueDate: string;
  status: MilestoneStatus;
  doneOn: string | null;
  note: string;
  late: boolean;
}

export function isLate(m: { status: string; dueDate: string }, today: string): boolean {
  return m.status !== "DONE" && m.dueDate < today;
}

export async function listMilestones(now = new Date()): Promise<MilestoneView[]> {
  const today = localDate(now);
  const rows = await db.milestone.findMany({ orderBy: [{ dueDate: "asc" }, { id: "asc" }] });
  return rows.map((m) => {
    const v = { ...m, dueDate: isoOf(m.dueDate), doneOn: m.doneOn ? isoOf(m.doneOn) : null, status: m.status as MilestoneStatus };
    return { ...v, late: isLate(v, today) };
  });
}

/** For the dashboard: how many are late (with the late ones) and the next one due. One aggregate query plus two small reads. */
export async function milestoneSummary(now = new Date()) {
  const today = localDate(now);
  const [counts] = await db.$queryRaw<{ total: bigint; done: bigint; late: bigint }[]>`
    SELECT count(*) AS total, count(*) FILTER (WHERE status = 'DONE') AS done,
           count(*) FILTER (WHERE status <> 'DONE' AND due_date < ${today}::date) AS late
    FROM milestone`;
  const [late, next] = await Promise.all([
    db.milestone.findMany({ where: { status: { not: "DONE" }, dueDate: { lt: dbDate(today) } }, orderBy: { dueDate: "asc" }, take: 10 }),
    db.milestone.findFirst({ where: { status: { not: "DONE" }, dueDate: { gte: dbDate(today) } }, orderBy: { dueDate: "asc" } }),
  ]);
  return {
    total: Number(counts?.total ?? 0),
    done: Number(counts?.done ?? 0),
    lateCount: Number(counts?.late ?? 0),
    late: late.map((m) => ({ code: m.code, title: m.title, dueDate: isoOf(m.dueDate) })),
    next: next ? { code: next.code, title: next.title, dueDate: isoOf(next.dueDate) } : null,
  };
}

export const updateMilestone = defineUseCase({
  name: "milestone.update",
  permission: "programme.manage",
  entityType: "milestone",
  schema: z.object({
    id: id("Mốc"),
    title: z.string().trim().min(5, "Tên mốc: vui lòng nhập (ít nhất 5 ký tự).").max(300, "Tên mốc: không quá 300 ký tự."),
    dueDate: isoDate("Hạn hoàn thành"),
    status: z.enum(["PLANNED", "IN_PROGRESS", "DONE"], "Trạng thái: vui lòng chọn."),
    doneOn: optionalIsoDate("Ngày hoàn thành"),
    note: z.string().trim().max(2000, "Ghi chú: không quá 2000 ký tự.").optional(),
  }),
  async run(input, { tx }) {
    const before = await tx.milestone.findUnique({ where: { id: input.id } });
    if (!before) throw new AppError("not_found", "Không tìm thấy mốc tiến độ.");
    if (input.status === "DONE" && !input.doneOn)
      throw new AppError("invalid", "Ngày hoàn thành: vui lòng nhập khi mốc đã hoàn thành.", "doneOn");
    if (input.status !== "DONE" && input.doneOn)
      throw new AppError("invalid", "Ngày hoàn thành: chỉ nhập khi trạng thái là đã hoàn thành.", "doneOn");
    await tx.milestone.update({
      where: { id: before.id },
      data: {
        title: input.title,
        dueDate: dbDate(input.dueDate),
        status: input.status,
        doneOn: input.doneOn ? dbDate(input.doneOn) : null,
        note: input.note ?? "",
      },
    });
    return {
      result: { id: before.id, code: before.code },
      entityId: before.code,
      details: {
        before: { title: before.title, dueDate: isoOf(before.dueDate), status: before.status },
        after: { dueDate: input.dueDate, status: input.status },
      },
    };
  },
});

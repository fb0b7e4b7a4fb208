// Inspections of agencies by the Government Office: planned (agency, date, scope), then findings recorded and
// follow-ups assigned (owner, due date, done). "Open" = still planned, or with a follow-up not done.
import "server-only";
import { z } from "zod";
import { isAgencyIdentifier } from "@/lib/agencies/identifier";
import { defineUseCase, AppError } from "@/lib/auth/door";
import { localDate } from "@/lib/calendar/time";
import { db } from "@/lib/db/client";
import { dbDate, id, isoDate, isoOf, optionalIsoDate } from "./common";

export const INSPECTION_STATUS_LABEL = { PLANNED: "Đã lên kế hoạch", DONE: "Đã kiểm tra", CANCELLED: "Đã hủy" } as const;

export const planInspection = defineUseCase({
  name: "inspection.plan",
  permission: "programme.manage",
  entityType: "inspection",
  schema: z.object({
    agency: z.string().trim().refine(isAgencyIdentifier, "Cơ quan được kiểm tra: vui lòng chọn cơ quan."),
    plannedOn: isoDate("Ngày kiểm tra dự kiến"),
    scope: z
      .string()
      .trim()
      .min(5, "Nội dung kiểm tra: vui lòng nhập (ít nhất 5 ký tự).")
      .max(2000, "Nội dung kiểm tra: không quá 2000 ký tự."),
  }),
  async run(input, { tx }) {
    const agency = await tx.agency.findUnique({ where: { identifier: input.agency } });
    if (!agency) throw new AppError("invalid", "Cơ quan được kiểm tra: không tìm thấy cơ quan.", "agency");
    if (agency.validTo && isoOf(agency.validTo) <= input.plannedOn)
      throw new AppError("invalid", "Cơ quan được kiểm tra: cơ quan đã thôi hoạt động vào ngày này.", "agency");
    const i = await tx.inspection.create({ data: { agencyId: agency.id, plannedOn: dbDate(input.plannedOn), scope: input.scope } });
    return { result: { id: i.id }, entityId: String(i.id), details: { agency: agency.identifier, plannedOn: input.plannedOn } };
  },
});

export const recordFindings = defineUseCase({
  name: "inspection.findings",
  permission: "programme.manage",
  entityType: "inspection",
  schema: z.object({
    id: id("Đợt kiểm tra"),
    conductedOn: isoDate("Ngày kiểm tra"),
    findings: z
      .string()
      .trim()
      .min(5, "Kết quả kiểm tra: vui lòng nhập (ít nhất 5 ký tự).")
      .max(8000, "Kết quả kiểm tra: không quá 8000 ký tự."),
  }),
  async run(input, { tx }) {
    const i = await tx.inspection.findUnique({ where: { id: input.id } });
    if (!i) throw new AppError("not_found", "Không tìm thấy đợt kiểm tra.");
    if (i.status === "CANCELLED") throw new AppError("conflict", "Đợt kiểm tra đã hủy.");
    await tx.inspection.update({
      where: { id: i.id },
      data: { status: "DONE", conductedOn: dbDate(input.conductedOn), findings: input.findings },
    });
    return { result: { id: i.id }, entityId: String(i.id), details: { conductedOn: input.conductedOn } };
  },
});

export const addFollowUp = defineUseCase({
  name: "inspection.addFollowUp",
  permission: "programme.manage",
  entityType: "inspection",
  schema: z.object({
    inspectionId: id("Đợt kiểm tra"),
    action: z.string().trim().min(5, "Việc cần làm: vui lòng nhập (ít nhất 5 ký tự).").max(2000, "Việc cần làm: không quá 2000 ký tự."),
    owner: z
      .string()
      .trim()
      .min(2, "Người/đơn vị chịu trách nhiệm: vui lòng nhập.")
      .max(300, "Người/đơn vị chịu trách nhiệm: không quá 300 ký tự."),
    dueDate: isoDate("Hạn xử lý"),
  }),
  async run(input, { tx }) {
    const i = await tx.inspection.findUnique({ where: { id: input.inspectionId } });
    if (!i) throw new AppError("not_found", "Không tìm thấy đợt kiểm tra.");
    const f = await tx.inspectionFollowUp.create({
      data: { inspectionId: i.id, action: input.action, owner: input.owner, dueDate: dbDate(input.dueDate) },
    });
    return {
      result: { id: f.id, inspectionId: i.id },
      entityId: String(i.id),
      details: { followUpId: f.id, owner: input.owner, dueDate: input.dueDate },
    };
  },
});

export const completeFollowUp = defineUseCase({
  name: "inspection.completeFollowUp",
  permission: "programme.manage",
  entityType: "inspection",
  schema: z.object({ id: id("Việc cần làm"), doneOn: optionalIsoDate("Ngày hoàn thành") }),
  async run(input, { tx }) {
    const f = await tx.inspectionFollowUp.findUnique({ where: { id: input.id } });
    if (!f) throw new AppError("not_found", "Không tìm thấy việc cần làm.");
    if (f.doneOn) throw new AppError("conflict", "Việc này đã được ghi nhận hoàn thành.");
    const doneOn = input.doneOn ?? localDate(new Date());
    await tx.inspectionFollowUp.update({ where: { id: f.id }, data: { doneOn: dbDate(doneOn) } });
    return { result: { id: f.id, inspectionId: f.inspectionId }, entityId: String(f.inspectionId), details: { followUpId: f.id, doneOn } };
  },
});

export interface InspectionRow {
  id: number;
  agencyIdentifier: string;
  agencyName: string;
  plannedOn: string;
  conductedOn: string | null;
  scope: string;
  status: keyof typeof INSPECTION_STATUS_LABEL;
  findings: string;
  openFollowUps: number;
  overdueFollowUps: number;
  followUps: number;
}

/** Inspections with their follow-up counts (one aggregate query); `openOnly` keeps planned ones and those with work left. */
export async function listInspections(openOnly: boolean, now = new Date()): Promise<InspectionRow[]> {
  const today = localDate(now);
  const rows = await db.$queryRaw<
    (Omit<InspectionRow, "openFollowUps" | "overdueFollowUps" | "followUps"> & {
      openFollowUps: bigint;
      overdueFollowUps: bigint;
      followUps: bigint;
    })[]
  >`
    SELECT i.id, a.identifier AS "agencyIdentifier", a.name AS "agencyName", to_char(i.planned_on, 'YYYY-MM-DD') AS "plannedOn",
           to_char(i.conducted_on, 'YYYY-MM-DD') AS "conductedOn", i.scope, i.status::text AS status, i.findings,
           count(f.id) FILTER (WHERE f.done_on IS NULL) AS "openFollowUps",
           count(f.id) FILTER (WHERE f.done_on IS NULL AND f.due_date < ${today}::date) AS "overdueFollowUps",
           count(f.id) AS "followUps"
    FROM inspection i JOIN agency a ON a.id = i.agency_id LEFT JOIN inspection_follow_up f ON f.inspection_id = i.id
    GROUP BY i.id, a.id
    HAVING ${openOnly} = false OR i.status = 'PLANNED' OR count(f.id) FILTER (WHERE f.done_on IS NULL) > 0
    ORDER BY i.planned_on DESC, i.id DESC`;
  return rows.map((r) => ({
    ...r,
    openFollowUps: Number(r.openFollowUps),
    overdueFollowUps: Number(r.overdueFollowUps),
    followUps: Number(r.followUps),
  }));
}

export async function followUpsOf(inspectionIds: number[]) {
  const rows = await db.inspectionFollowUp.findMany({
    where: { inspectionId: { in: inspectionIds } },
    orderBy: [{ dueDate: "asc" }, { id: "asc" }],
  });
  return rows.map((f) => ({
    id: f.id,
    inspectionId: f.inspectionId,
    action: f.action,
    owner: f.owner,
    dueDate: isoOf(f.dueDate),
    doneOn: f.doneOn ? isoOf(f.doneOn) : null,
  }));
}

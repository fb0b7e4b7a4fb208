// The VPCP administrators' upkeep of the agency registry: create, edit, retire an agency, and record a merger
// (the old agency ends on the effective date and names its successor; see succession.ts for what that changes).
import "server-only";
import { z } from "zod";
import { defineUseCase, AppError } from "@/lib/auth/door";
import { isIsoDate, localDate } from "@/lib/calendar/time";
import { db, type Tx } from "@/lib/db/client";
import { isAgencyIdentifier } from "./identifier";
import { AGENCY_KINDS } from "./records";
import { expireCatalogEverywhere } from "@/lib/cache/shared-tags";

const isoOf = (d: Date) => d.toISOString().slice(0, 10);
const dbDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

const date = (label: string) => z.string().trim().min(1, `${label}: vui lòng nhập ngày.`).refine(isIsoDate, `${label}: ngày không hợp lệ.`);
const identifier = (label: string) =>
  z.string().trim().refine(isAgencyIdentifier, `${label}: mã định danh theo QCVN 102:2016 có dạng 000.00.00.H29.`);

const AgencyFields = z.object({
  name: z.string().trim().min(5, "Tên cơ quan: vui lòng nhập (ít nhất 5 ký tự).").max(300, "Tên cơ quan: không quá 300 ký tự."),
  shortName: z.string().trim().min(2, "Tên ngắn: vui lòng nhập.").max(100, "Tên ngắn: không quá 100 ký tự."),
  kind: z.enum(AGENCY_KINDS, "Loại cơ quan: vui lòng chọn."),
  provinceCode: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || null)
    .refine((v) => v === null || /^\d{2}$/.test(v), "Mã tỉnh: hai chữ số (ví dụ 79)."),
});

function checkProvince(input: { kind: string; provinceCode: string | null }) {
  if (input.kind === "PROVINCE" && !input.provinceCode)
    throw new AppError("invalid", "Mã tỉnh: vui lòng nhập cho cơ quan cấp tỉnh.", "provinceCode");
}

async function byIdentifier(tx: Tx, value: string, field: string) {
  const a = await tx.agency.findUnique({ where: { identifier: value } });
  if (!a) throw new AppError("not_found", `Không tìm thấy cơ quan ${value}.`, field);
  return a;
}

export const createAgency = defineUseCase({
  name: "agency.create",
  permission: "agency.manage",
  entityType: "agency",
  schema: AgencyFields.extend({ identifier: identifier("Mã định danh"), validFrom: date("Ngày bắt đầu hoạt động") }),
  async run(input, { tx }) {
    checkProvince(input);
    if (await tx.agency.findUnique({ where: { identifier: input.identifier } }))
      throw new AppError("invalid", "Mã định danh: đã có cơ quan dùng mã này.", "identifier");
    const a = await tx.agency.create({
      data: {
        identifier: input.identifier,
        name: input.name,
        shortName: input.shortName,
        kind: input.kind,
        provinceCode: input.provinceCode,
        validFrom: dbDate(input.validFrom),
      },
    });
    await expireCatalogEverywhere(tx);
    return { result: { identifier: a.identifier }, entityId: a.identifier, details: { name: a.name, kind: a.kind } };
  },
});

export const updateAgency = defineUseCase({
  name: "agency.update",
  permission: "agency.manage",
  entityType: "agency",
  schema: AgencyFields.extend({ identifier: identifier("Mã định danh") }),
  async run(input, { tx }) {
    checkProvince(input);
    const before = await byIdentifier(tx, input.identifier, "identifier");
    await tx.agency.update({
      where: { id: before.id },
      data: { name: input.name, shortName: input.shortName, kind: input.kind, provinceCode: input.provinceCode },
    });
    await expireCatalogEverywhere(tx);
    return {
      result: { identifier: before.identifier },
      entityId: before.identifier,
      details: { before: { name: before.name, shortName: before.shortName, kind: before.kind, provinceCode: before.provinceCode } },
    };
  },
});

/**
 * Ends an agency on `effectiveDate`; with a successor, records a merger. The successor must exist on that date
 * and must not lead back to the agency (no cycles). An agency already ended cannot be ended again.
 */
export const retireAgency = defineUseCase({
  name: "agency.retire",
  permission: "agency.manage",
  entityType: "agency",
  schema: z.object({
    identifier: identifier("Cơ quan"),
    effectiveDate: date("Ngày hiệu lực"),
    successor: z
      .string()
      .trim()
      .optional()
      .transform((v) => v || undefined)
      .refine((v) => v === undefined || isAgencyIdentifier(v), "Cơ quan kế thừa: mã định danh không hợp lệ."),
    legalBasis: z.string().trim().max(300, "Căn cứ: không quá 300 ký tự.").optional(),
  }),
  async run(input, { tx }) {
    // Registry changes are serialised, so two mergers recorded at once cannot make a cycle between them.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('agency-registry', 0))`;
    const agency = await byIdentifier(tx, input.identifier, "identifier");
    if (agency.validTo) throw new AppError("conflict", `Cơ quan này đã thôi hoạt động từ ${isoOf(agency.validTo)}.`);
    if (input.effectiveDate <= isoOf(agency.validFrom))
      throw new AppError("invalid", "Ngày hiệu lực: phải sau ngày cơ quan bắt đầu hoạt động.", "effectiveDate");
    let successorId: number | null = null;
    if (input.successor) {
      if (input.successor === agency.identifier)
        throw new AppError("invalid", "Cơ quan kế thừa: không thể là chính cơ quan này.", "successor");
      const successor = await byIdentifier(tx, input.successor, "successor");
      if (successor.validTo && isoOf(successor.validTo) <= input.effectiveDate) {
        throw new AppError("invalid", "Cơ quan kế thừa: cơ quan này đã thôi hoạt động vào ngày hiệu lực.", "successor");
      }
      // Walk the successor's chain: it must never come back to the agency being retired.
      const seen = new Set<number>([agency.id]);
      let cursor: { id: number; successorId: number | null } | null = successor;
      while (cursor) {
        if (seen.has(cursor.id))
          throw new AppError("invalid", "Cơ quan kế thừa: tạo thành vòng sáp nhập, không thể ghi nhận.", "successor");
        seen.add(cursor.id);
        cursor = cursor.successorId
          ? await tx.agency.findUnique({ where: { id: cursor.successorId }, select: { id: true, successorId: true } })
          : null;
      }
      successorId = successor.id;
    }
    await tx.agency.update({ where: { id: agency.id }, data: { validTo: dbDate(input.effectiveDate), successorId } });
    await expireCatalogEverywhere(tx);
    return {
      result: { identifier: agency.identifier, successor: input.successor ?? null, effectiveDate: input.effectiveDate },
      entityId: agency.identifier,
      details: { effectiveDate: input.effectiveDate, successor: input.successor ?? null, legalBasis: input.legalBasis ?? null },
    };
  },
});

export interface RegistryRow {
  identifier: string;
  name: string;
  shortName: string;
  kind: string;
  provinceCode: string | null;
  validFrom: string;
  validTo: string | null;
  successorIdentifier: string | null;
  successorName: string | null;
  predecessors: number;
  retired: boolean;
}

/** The whole registry, current and retired, with successors and predecessor counts (one query). */
export async function registryRows(now = new Date()): Promise<RegistryRow[]> {
  const today = localDate(now);
  const rows = await db.$queryRaw<(Omit<RegistryRow, "predecessors"> & { predecessors: bigint })[]>`
    SELECT a.identifier, a.name, a.short_name AS "shortName", a.kind::text AS kind, a.province_code AS "provinceCode",
           to_char(a.valid_from, 'YYYY-MM-DD') AS "validFrom", to_char(a.valid_to, 'YYYY-MM-DD') AS "validTo",
           s.identifier AS "successorIdentifier", s.name AS "successorName",
           (SELECT count(*) FROM agency p WHERE p.successor_id = a.id) AS predecessors,
           (a.valid_to IS NOT NULL AND a.valid_to <= ${today}::date) AS retired
    FROM agency a LEFT JOIN agency s ON s.id = a.successor_id
    ORDER BY (a.kind = 'PROVINCE'), a.identifier`;
  return rows.map((r) => ({ ...r, predecessors: Number(r.predecessors) }));
}

// The officers' one-stop work: their agency's queue, and every action on a dossier, each through the
// mutation door and the status module, scoped to the officer's agency by lib/dossiers/visibility.
import "server-only";
import { z } from "zod";
import { defineUseCase, AppError } from "@/lib/auth/door";
import type { CurrentUser } from "@/lib/auth/current-user";
import { isAgencyIdentifier } from "@/lib/agencies/identifier";
import { db, type Tx } from "@/lib/db/client";
import { isIsoDate, localDate } from "@/lib/calendar/time";
import { dossierText } from "@/lib/i18n/vi/dossiers";
import { notifyUser } from "@/lib/notify/notify";
import { isDossierCode } from "./code";
import { appendEvent } from "./events";
import { finishWithResult } from "./result";
import { ACTIONS, type Action } from "./state-machine";
import { STATUS, statusName } from "./status";
import { applyTransition, lockDossier } from "./transition";
import { AGENCY_SIDE, findVisibleDossier, requireVisibleDossier } from "./visibility";
import { isRetiredAt } from "@/lib/agencies/succession";

// --- the queue -----------------------------------------------------------------------------------

// Issue 19: the queue (tabs, filters, order, counts, saved filters) lives in lib/dossiers/queue.ts.
export { listQueue, queueCounts } from "./queue";

/** Dossiers this agency handed on to others, with where they stand now. */
export async function transferredOut(user: CurrentUser, limit = 50) {
  if (user.agencyId == null) return [];
  return db.dossierTransfer.findMany({
    where: { fromAgencyId: user.agencyId },
    orderBy: { at: "desc" },
    take: limit,
    select: {
      at: true,
      reason: true,
      toAgency: { select: { name: true } },
      dossier: { select: { code: true, status: true, service: { select: { name: true } } } },
    },
  });
}

/** Everything the officer's dossier page shows, for an agency that may see it. */
export async function getAgencyDossier(user: CurrentUser, code: string) {
  const found = await findVisibleDossier(user, { code }, { as: AGENCY_SIDE });
  if (!found) return null;
  const d = await db.dossier.findUniqueOrThrow({
    where: { id: found.id },
    include: {
      service: { select: { code: true, name: true } },
      formVersion: { select: { version: true } },
      receivingAgency: { select: { identifier: true, name: true } },
      holderAgency: { select: { identifier: true, name: true } },
      assignee: { select: { id: true, fullName: true } },
      // Issue 15: for whom it was filed (lib/organisations/principal-view.ts).
      applicant: { select: { fullName: true } },
      organisation: { select: { name: true, taxCode: true } },
      events: { orderBy: { seq: "asc" } },
      attachments: { orderBy: { createdAt: "asc" } },
      transfers: { orderBy: { at: "asc" }, include: { fromAgency: { select: { name: true } }, toAgency: { select: { name: true } } } },
    },
  });
  return { ...d, access: found.access };
}

export async function agencyOfficers(user: CurrentUser) {
  if (user.agencyId == null) return [];
  return db.user.findMany({
    where: { agencyId: user.agencyId, role: { in: ["OFFICER", "AGENCY_ADMIN"] }, disabledAt: null },
    orderBy: { fullName: "asc" },
    select: { id: true, fullName: true },
  });
}

// --- actions -------------------------------------------------------------------------------------

const OFFICER_ACTIONS = ACTIONS.filter((a) => a !== "supply" && a !== "withdraw" && a !== "payFees") as Exclude<
  Action,
  "supply" | "withdraw" | "payFees"
>[];

const officerActor = (user: CurrentUser) => ({ kind: "officer" as const, id: user.id, role: user.role, agencyId: user.agencyId });

/** The dossier this officer's agency holds (acting needs holding; a sender only follows). */
async function heldDossierId(tx: Tx, user: CurrentUser, code: string): Promise<string> {
  const found = await requireVisibleDossier(user, { code }, { as: AGENCY_SIDE, client: tx });
  if (found.access !== "holder")
    throw new AppError("forbidden", "Hồ sơ đã được chuyển cho cơ quan khác giải quyết; cơ quan bạn chỉ theo dõi được.");
  return found.id;
}

const DossierActionInput = z.object({
  code: z.string().refine(isDossierCode, "Mã hồ sơ không hợp lệ."),
  version: z.coerce.number().int().positive(),
  action: z.enum(OFFICER_ACTIONS as [(typeof OFFICER_ACTIONS)[number], ...(typeof OFFICER_ACTIONS)[number][]]),
  reason: z.string().trim().max(2000, "Lý do: không quá 2000 ký tự.").optional(),
  papers: z.array(z.string().trim().min(1).max(300)).max(30).optional(),
  amount: z.coerce.number().int("Số tiền: phải là số nguyên (đồng).").nonnegative().optional(),
  result: z
    .object({
      documentNumber: z.string().trim().min(1, "Số, ký hiệu văn bản kết quả: vui lòng nhập.").max(50),
      title: z.string().trim().min(1, "Tên kết quả: vui lòng nhập.").max(300),
      body: z.string().trim().min(1, "Nội dung kết quả: vui lòng nhập.").max(5000),
      signerPosition: z.string().trim().min(1, "Chức vụ người ký: vui lòng nhập.").max(200),
      signerName: z.string().trim().min(1, "Họ tên người ký: vui lòng nhập.").max(200),
    })
    .optional(),
});

export const actOnDossier = defineUseCase({
  name: "dossier.act",
  permission: "dossier.process",
  schema: DossierActionInput,
  entityType: "dossier",
  async run(input, { tx, user: signedIn }) {
    const user = signedIn!;
    const id = await heldDossierId(tx, user, input.code);
    let r;
    if (input.action === "finish") {
      if (!input.result) throw new AppError("invalid", dossierText.refusal.missing_result, "result");
      r = await finishWithResult(
        tx,
        id,
        { ...officerActor(user), id: user.id },
        {
          documentNumber: input.result.documentNumber,
          resultTitle: input.result.title,
          body: input.result.body.split(/\n{2,}/),
          signer: { position: input.result.signerPosition, name: input.result.signerName },
        },
        input.version,
      );
    } else {
      r = await applyTransition(tx, {
        dossierId: id,
        action: input.action,
        actor: officerActor(user),
        expectedVersion: input.version,
        payload: { reason: input.reason, papers: input.papers, amount: input.amount },
      });
      if (input.action === "requestFees" && input.amount) {
        // What is asked now comes on top of what was already paid.
        const d = await tx.dossier.findUniqueOrThrow({ where: { id }, select: { paidAmount: true } });
        await tx.dossier.update({ where: { id }, data: { feeAmount: d.paidAmount + input.amount } });
      }
    }
    return { result: r, entityId: id, details: { action: input.action, code: input.code } };
  },
});

export const assignDossier = defineUseCase({
  name: "dossier.assign",
  permission: "dossier.process",
  schema: z.object({ code: z.string(), assigneeId: z.union([z.uuid(), z.literal("")]) }),
  entityType: "dossier",
  async run(input, { tx, user: signedIn }) {
    const user = signedIn!;
    const id = await heldDossierId(tx, user, input.code);
    await lockDossier(tx, id);
    let name: string | null = null;
    if (input.assigneeId) {
      const officer = await tx.user.findFirst({
        where: { id: input.assigneeId, agencyId: user.agencyId, role: { in: ["OFFICER", "AGENCY_ADMIN"] }, disabledAt: null },
      });
      if (!officer) throw new AppError("invalid", "Người xử lý: phải là cán bộ đang hoạt động của cơ quan.", "assigneeId");
      name = officer.fullName;
    }
    await tx.dossier.update({ where: { id }, data: { assigneeId: input.assigneeId || null, version: { increment: 1 } } });
    await appendEvent(tx, {
      dossierId: id,
      action: "assign",
      actorId: user.id,
      actorRole: user.role,
      agencyId: user.agencyId,
      note: name ? `Phân công: ${name}` : "Bỏ phân công",
      visibleToApplicant: false,
      data: { assigneeId: input.assigneeId || null },
    });
    return { result: { assignee: name }, entityId: id };
  },
});

export const transferDossier = defineUseCase({
  name: "dossier.transfer",
  permission: "dossier.process",
  schema: z.object({
    code: z.string(),
    version: z.coerce.number().int().positive(),
    toAgency: z.string().trim().refine(isAgencyIdentifier, "Cơ quan nhận: vui lòng chọn cơ quan (mã định danh dạng 000.00.00.G15)."),
    reason: z.string().trim().min(3, "Lý do chuyển: vui lòng nhập lý do.").max(2000),
  }),
  entityType: "dossier",
  async run(input, { tx, user: signedIn }) {
    const user = signedIn!;
    const id = await heldDossierId(tx, user, input.code);
    const row = await lockDossier(tx, id);
    if (row.version !== input.version) throw new AppError("conflict", dossierText.changed);
    if (![STATUS.RECEIVED, STATUS.PROCESSING].includes(row.status as 2 | 4))
      throw new AppError("invalid", "Chỉ chuyển được hồ sơ đã tiếp nhận hoặc đang xử lý.");
    const target = await tx.agency.findUnique({ where: { identifier: input.toAgency } });
    if (!target || isRetiredAt(target, new Date()))
      throw new AppError("invalid", "Cơ quan nhận: không tìm thấy cơ quan đang hoạt động có mã này.", "toAgency");
    if (target.id === user.agencyId) throw new AppError("invalid", "Cơ quan nhận: phải khác cơ quan đang giữ hồ sơ.", "toAgency");
    const from = await tx.agency.findUniqueOrThrow({ where: { id: user.agencyId! }, select: { name: true } });
    await tx.dossier.update({ where: { id }, data: { holderAgencyId: target.id, assigneeId: null, version: { increment: 1 } } });
    await tx.dossierTransfer.create({
      data: { dossierId: id, fromAgencyId: user.agencyId!, toAgencyId: target.id, byId: user.id, reason: input.reason },
    });
    await appendEvent(tx, {
      dossierId: id,
      action: "transfer",
      actorId: user.id,
      actorRole: user.role,
      agencyId: user.agencyId,
      note: input.reason,
      data: { from: from.name, to: target.name, toIdentifier: target.identifier },
    });
    const d = await tx.dossier.findUniqueOrThrow({ where: { id }, select: { applicantId: true, applicant: { select: { email: true } } } });
    await notifyUser(tx, {
      userId: d.applicantId,
      email: d.applicant.email,
      dossierId: id,
      title: `Hồ sơ ${row.code}: chuyển cơ quan giải quyết`,
      body: `Hồ sơ của ông/bà đã được ${from.name} chuyển tới ${target.name} để giải quyết. Lý do: ${input.reason}`,
      link: `/ho-so-cua-toi/${row.code}`,
    });
    return { result: { to: target.name }, entityId: id, details: { to: target.identifier } };
  },
});

/** Form 04: the agency apologises for a late dossier and gives a new return date. */
export const apologize = defineUseCase({
  name: "dossier.apologize",
  permission: "dossier.process",
  schema: z.object({
    code: z.string(),
    reason: z.string().trim().min(3, "Lý do chậm trả kết quả: vui lòng nhập.").max(2000),
    // An impossible date (2026-99-99) would be stored on the chain and break every page that shows it.
    newDate: z.string().refine(isIsoDate, dossierText.apologyDateInvalid),
  }),
  entityType: "dossier",
  async run(input, { tx, user: signedIn }) {
    const user = signedIn!;
    const id = await heldDossierId(tx, user, input.code);
    const row = await lockDossier(tx, id);
    const today = localDate(new Date());
    if (input.newDate <= today) throw new AppError("invalid", "Ngày hẹn trả kết quả mới: phải sau ngày hôm nay.", "newDate");
    if ([STATUS.REFUSED, STATUS.WITHDRAWN, STATUS.STOPPED, STATUS.RETURNED, STATUS.DONE].includes(row.status as 3)) {
      throw new AppError("invalid", dossierText.refusal.wrong_status);
    }
    await tx.dossier.update({ where: { id }, data: { version: { increment: 1 } } });
    await appendEvent(tx, {
      dossierId: id,
      action: "apologize",
      actorId: user.id,
      actorRole: user.role,
      agencyId: user.agencyId,
      note: input.reason,
      data: { newDate: input.newDate },
    });
    const d = await tx.dossier.findUniqueOrThrow({ where: { id }, select: { applicantId: true, applicant: { select: { email: true } } } });
    const [y, m, dd] = input.newDate.split("-");
    await notifyUser(tx, {
      userId: d.applicantId,
      email: d.applicant.email,
      dossierId: id,
      title: `Hồ sơ ${row.code}: thư xin lỗi và hẹn lại ngày trả kết quả`,
      body: `Cơ quan xin lỗi vì chậm trả kết quả. Lý do: ${input.reason}. Ngày hẹn trả kết quả mới: ${dd}/${m}/${y}.`,
      link: `/ho-so-cua-toi/${row.code}`,
    });
    return { result: { status: statusName(row.status) }, entityId: id };
  },
});

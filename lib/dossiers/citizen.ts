// What a citizen does with their own dossiers. Every query is scoped to the applicant by
// lib/dossiers/visibility, so no page or route can show someone else's dossier: it reads as "not found".
import "server-only";
import { z } from "zod";
import { defineUseCase, AppError } from "@/lib/auth/door";
import type { CurrentUser } from "@/lib/auth/current-user";
import { db, type Tx } from "@/lib/db/client";
import { isDossierCode } from "./code";
import { applyTransition } from "./transition";
import { STATUS } from "./status";
import { requireVisibleDossier, visibleDossiersWhere } from "./visibility";

const OWN = ["owner"] as const;

export async function getOwnDossier(user: CurrentUser, code: string) {
  if (!isDossierCode(code)) return null;
  return db.dossier.findFirst({
    where: { AND: [{ code }, visibleDossiersWhere(user, OWN)] },
    include: {
      service: { select: { code: true, name: true, procedure: { select: { components: true } } } },
      receivingAgency: { select: { identifier: true, name: true } },
      holderAgency: { select: { identifier: true, name: true } },
      events: { where: { visibleToApplicant: true }, orderBy: { seq: "asc" } },
      attachments: {
        orderBy: { createdAt: "asc" },
        select: { id: true, fieldId: true, purpose: true, fileName: true, size: true, sha256: true, createdAt: true },
      },
    },
  });
}

export async function listOwnDossiers(user: CurrentUser, limit = 50) {
  return db.dossier.findMany({
    where: visibleDossiersWhere(user, OWN),
    orderBy: { createdAt: "desc" },
    take: limit,
    select: {
      code: true,
      status: true,
      submittedAt: true,
      dueAt: true,
      service: { select: { name: true } },
      holderAgency: { select: { name: true } },
    },
  });
}

/** Public tracking by code: where the dossier stands, and nothing about the person. */
export async function trackDossier(code: string) {
  if (!isDossierCode(code)) return null;
  return db.dossier.findUnique({
    where: { code },
    select: {
      code: true,
      status: true,
      submittedAt: true,
      receivedAt: true,
      dueAt: true,
      finishedAt: true,
      returnedAt: true,
      service: { select: { name: true } },
      receivingAgency: { select: { name: true } },
      holderAgency: { select: { name: true } },
    },
  });
}

async function ownDossierId(tx: Tx, user: CurrentUser, code: string): Promise<string> {
  return (await requireVisibleDossier(user, { code }, { as: OWN, client: tx })).id;
}

const applicantActor = (user: CurrentUser) => ({ kind: "applicant" as const, id: user.id, role: user.role });

export const withdrawDossier = defineUseCase({
  name: "dossier.withdraw",
  permission: "dossier.readOwn",
  schema: z.object({ code: z.string(), version: z.number().int().positive(), reason: z.string().trim().max(1000).optional() }),
  entityType: "dossier",
  async run(input, { tx, user }) {
    const id = await ownDossierId(tx, user!, input.code);
    const r = await applyTransition(tx, {
      dossierId: id,
      action: "withdraw",
      actor: applicantActor(user!),
      expectedVersion: input.version,
      note: input.reason || null,
    });
    return { result: r, entityId: id };
  },
});

/** The citizen answers a supplementation request with the papers asked for (already uploaded to the dossier). */
export const supplyPapers = defineUseCase({
  name: "dossier.supply",
  permission: "dossier.readOwn",
  schema: z.object({
    code: z.string(),
    version: z.number().int().positive(),
    note: z.string().trim().max(2000).optional(),
    attachmentIds: z.array(z.uuid()).min(1, "Giấy tờ bổ sung: vui lòng tải lên ít nhất một tệp.").max(20),
  }),
  entityType: "dossier",
  async run(input, { tx, user }) {
    const id = await ownDossierId(tx, user!, input.code);
    const files = await tx.attachment.findMany({
      where: { id: { in: input.attachmentIds }, dossierId: id, purpose: "supplement", ownerId: user!.id },
    });
    if (files.length !== input.attachmentIds.length)
      throw new AppError("invalid", "Giấy tờ bổ sung: có tệp không thuộc hồ sơ này.", "attachmentIds");
    const r = await applyTransition(tx, {
      dossierId: id,
      action: "supply",
      actor: applicantActor(user!),
      expectedVersion: input.version,
      note: input.note || null,
      data: { files: files.map((f) => ({ id: f.id, name: f.fileName, sha256: f.sha256 })) },
    });
    return { result: r, entityId: id };
  },
});

export const rateDossier = defineUseCase({
  name: "dossier.rate",
  permission: "dossier.readOwn",
  schema: z.object({
    code: z.string(),
    rating: z.coerce
      .number()
      .int()
      .min(1, "Mức độ hài lòng: vui lòng chọn từ 1 đến 5.")
      .max(5, "Mức độ hài lòng: vui lòng chọn từ 1 đến 5."),
    comment: z.string().trim().max(2000, "Góp ý: không quá 2000 ký tự.").optional(),
  }),
  entityType: "dossier",
  async run(input, { tx, user }) {
    const id = await ownDossierId(tx, user!, input.code);
    const d = await tx.dossier.findUniqueOrThrow({ where: { id }, select: { status: true, ratedAt: true } });
    if (d.status !== STATUS.RETURNED) throw new AppError("invalid", "Chỉ đánh giá được khi hồ sơ đã trả kết quả.");
    if (d.ratedAt) throw new AppError("conflict", "Bạn đã đánh giá hồ sơ này.");
    await tx.dossier.update({ where: { id }, data: { rating: input.rating, ratingComment: input.comment || null, ratedAt: new Date() } });
    return { result: { rating: input.rating }, entityId: id, details: { rating: input.rating } };
  },
});

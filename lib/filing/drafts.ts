// Drafts: what a citizen has typed, saved on the server as they go, so they can resume anywhere.
import "server-only";
import { z } from "zod";
import { AppError, defineUseCase } from "@/lib/auth/door";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { filingText } from "@/lib/i18n/vi/filing";
import { compatibleAnswers } from "@/lib/forms/compare";
import { FormDefinition } from "@/lib/forms/definition";
import { DraftPrincipal } from "@/lib/organisations/principal";
import { getFilingService } from "./service-form";

const MAX_DRAFT_CHARS = 200_000;

const DraftInput = z.object({
  serviceCode: z.string().min(3).max(40),
  answers: z.record(z.string(), z.unknown()),
  step: z.number().int().min(0).max(50),
  // Who the draft is filed for, as chosen so far (issue 15: lib/organisations/principal.ts). Absent: unchanged.
  principal: DraftPrincipal.nullable().optional(),
});

export const saveDraft = defineUseCase({
  name: "draft.save",
  permission: "dossier.file",
  schema: DraftInput,
  entityType: "draft",
  async run(input, { tx, user }) {
    const service = await getFilingService(input.serviceCode, tx);
    if (!service) throw new AppError("not_found", filingText.notOnline);
    // Drafts keep what was typed as it was typed: validation happens per step and on submission.
    if (JSON.stringify(input.answers).length > MAX_DRAFT_CHARS) throw new AppError("invalid", filingText.draftTooLarge);
    const answers = input.answers as object;
    const principal = input.principal === undefined ? {} : { principal: input.principal ?? Prisma.DbNull };
    const draft = await tx.draft.upsert({
      where: { userId_serviceId: { userId: user!.id, serviceId: service.id } },
      // The filing page always shows the form in effect: a draft saved from it is on that version (a draft
      // started on an earlier one moves to it, keeping the answers that still fit: lib/forms/compare.ts).
      create: { userId: user!.id, serviceId: service.id, answers, step: input.step, formVersionId: service.formVersionId, ...principal },
      update: { answers, step: input.step, formVersionId: service.formVersionId, ...principal },
      select: { id: true, updatedAt: true },
    });
    return { result: { draftId: draft.id, savedAt: draft.updatedAt.toISOString() }, entityId: draft.id };
  },
});

/**
 * A draft started on a form version no longer in effect moves to the version in effect, keeping the answers
 * that still fit (lib/forms/compare.ts); the filing page offers this with the differences listed.
 */
export const moveDraftToCurrentForm = defineUseCase({
  name: "draft.upgrade",
  permission: "dossier.file",
  schema: z.object({ serviceCode: z.string().min(3).max(40) }),
  entityType: "draft",
  async run(input, { tx, user }) {
    const service = await getFilingService(input.serviceCode, tx);
    if (!service) throw new AppError("not_found", filingText.notOnline);
    const draft = await tx.draft.findUnique({
      where: { userId_serviceId: { userId: user!.id, serviceId: service.id } },
      include: { formVersion: { select: { id: true, version: true, definition: true } } },
    });
    if (!draft) throw new AppError("not_found", filingText.notOnline);
    if (!draft.formVersion || draft.formVersion.id === service.formVersionId)
      return { result: { moved: false }, entityId: draft.id, details: { moved: false } };
    const before = FormDefinition.parse(draft.formVersion.definition);
    const { answers, dropped } = compatibleAnswers(draft.answers as Record<string, unknown>, before, service.form);
    await tx.draft.update({ where: { id: draft.id }, data: { answers: answers as object, step: 0, formVersionId: service.formVersionId } });
    return {
      result: { moved: true },
      entityId: draft.id,
      details: { from: draft.formVersion.version, to: service.formVersionNumber, dropped: dropped.map((d) => d.id) },
    };
  },
});

export async function getDraft(userId: string, serviceId: number) {
  return db.draft.findUnique({
    where: { userId_serviceId: { userId, serviceId } },
    include: {
      attachments: { select: { id: true, fieldId: true, fileName: true, size: true, contentType: true, sha256: true } },
      formVersion: { select: { id: true, version: true, definition: true } },
    },
  });
}

export async function listDrafts(userId: string) {
  return db.draft.findMany({
    where: { userId },
    orderBy: { updatedAt: "desc" },
    select: { id: true, updatedAt: true, step: true, service: { select: { code: true, name: true, agency: { select: { name: true } } } } },
  });
}

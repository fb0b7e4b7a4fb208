// Uploading a paper (to a draft's file field, or as a supplement to one's own dossier) through the one door,
// and reading stored files back, each checked against who asks.
import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { auditActor, actorUser, type Actor } from "@/lib/auth/actor";
import { defineUseCase, type UseCase } from "@/lib/auth/door";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { recordAudit } from "@/lib/audit/record";
import { db, type Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { cleanFileName, MAX_DOSSIER_BYTES, MAX_FILE_BYTES, PAPER_TYPES, sniffFile } from "@/lib/files/sniff";
import { fileStorage, newStorageKey, sha256Hex, storedBytes } from "@/lib/files/storage";
import { filingText } from "@/lib/i18n/vi/filing";
import { dossierText } from "@/lib/i18n/vi/dossiers";
import { STATUS } from "@/lib/dossiers/status";
import { requireVisibleDossier, viewerActor, visibleDossiersWhere, type Viewer } from "@/lib/dossiers/visibility";
import { lockDossier } from "@/lib/dossiers/transition";
import { papersText } from "@/lib/i18n/vi/papers";
import { AUTHORISATION_FIELD } from "@/lib/organisations/principal";
import { removeUnreferenced, usablePapersWhere } from "@/lib/papers/store";
import { getFilingService, type FilingService } from "./service-form";
import { isUuid } from "@/lib/http/uuid";

const MB = (n: number) => Math.round(n / (1024 * 1024));

/** The stable code of a refusal by content type: the caller audits it as a denied upload. */
const CONTENT_TYPE = "attachment.content_type";

export interface StoredFile {
  id: string;
  fieldId: string | null;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
}

const SELECT = { id: true, fieldId: true, fileName: true, contentType: true, size: true, sha256: true } as const;

/** The file as the route read it: its bytes, or "too_big" when the body went over the limit. */
const bytesSchema = z.union([z.instanceof(Uint8Array), z.literal("too_big")]);
const fileNameSchema = z.string().max(1000).transform(cleanFileName);

/** The checks every upload passes: size, not empty, really a PDF/JPEG/PNG. */
function checkUpload(raw: Uint8Array | "too_big", name: string, field: string | undefined) {
  if (raw === "too_big") throw new AppError("too_large", filingText.file.tooBig(name, MB(MAX_FILE_BYTES)), field, "attachment.too_big");
  if (raw.byteLength === 0) throw new AppError("invalid", filingText.file.empty(name), field, "attachment.empty");
  const type = sniffFile(raw.subarray(0, 16), name, PAPER_TYPES);
  if (!type) throw new AppError("unsupported_media_type", filingText.file.type(name), field, CONTENT_TYPE);
  return { bytes: raw, type };
}

/** The dossier's total, with this file, within the limit. */
function checkTotal(kept: number, added: number, field?: string) {
  if (kept + added > MAX_DOSSIER_BYTES)
    throw new AppError("too_large", filingText.file.dossierTooBig(MB(MAX_DOSSIER_BYTES)), field, "attachment.dossier_too_big");
}

/** Stores the bytes, runs `write`, and removes the stored file again if `write` fails. */
async function storedThen<T>(bytes: Uint8Array, ext: string, write: (key: string) => Promise<T>): Promise<T> {
  const key = newStorageKey(ext);
  await fileStorage().put(key, bytes);
  try {
    return await write(key);
  } catch (err) {
    await fileStorage().remove(key);
    throw err;
  }
}

/**
 * The use case as callers see it: a refusal by content type is audited as a denied upload (after the
 * use case's transaction rolled back, so the row stays), and files a success replaced are removed once
 * the transaction committed.
 */
function upload<R extends { file: StoredFile; replaced: string[] }>(
  inner: UseCase<R>,
  entity: (raw: unknown) => string,
): UseCase<StoredFile> {
  const call = async (actor: Actor, raw: unknown, meta?: RequestMeta) => {
    const r = await inner(actor, raw, meta);
    if (!r.ok) {
      if (r.reason === CONTENT_TYPE)
        await recordAudit(db, {
          ...auditActor(actor),
          action: inner.useCaseName,
          outcome: "denied",
          entityType: "upload",
          entityId: entity(raw),
          ip: meta?.ip ?? "unknown",
          userAgent: meta?.userAgent ?? null,
          details: { reason: "content type" },
        });
      return r;
    }
    // A replaced paper's bytes may be shared (a stored paper, another dossier's attachment): removed only when unnamed.
    await removeUnreferenced(r.data.replaced);
    return { ok: true as const, data: r.data.file };
  };
  return Object.assign(call, { useCaseName: inner.useCaseName });
}

const field = (raw: unknown, key: string) =>
  typeof raw === "object" && raw !== null && key in raw ? String((raw as Record<string, unknown>)[key]) : "";

/** The file field `fieldId` of the service's form, or a refusal naming the file. */
function fileField(service: FilingService, fieldId: string, name: string) {
  const field = service.form.steps.flatMap((s) => s.fields).find((f) => f.id === fieldId && f.type === "file");
  if (!field) throw new AppError("invalid", filingText.file.failed(name), undefined, "attachment.no_such_field");
  return field;
}

/** The citizen's draft of the service (created if needed), locked for the rest of the transaction, and its papers. */
async function lockedDraft(tx: Tx, userId: string, service: FilingService, name: string) {
  // One atomic upsert that also locks the draft row for the rest of the upload, so a submission of the
  // same draft (which locks it too) either finishes first (and this paper goes to a fresh draft) or
  // waits for this paper. (Prisma's upsert reads, then writes: a draft deleted in between fails it.)
  const [draft] = await tx.$queryRaw<{ id: string }[]>`
        INSERT INTO draft (user_id, service_id, form_version_id) VALUES (${userId}::uuid, ${service.id}, ${service.formVersionId})
        ON CONFLICT (user_id, service_id) DO UPDATE SET updated_at = now()
        RETURNING id::text`;
  if (!draft) throw new AppError("conflict", filingText.file.failed(name));
  const others = await tx.attachment.findMany({
    where: { draftId: draft.id },
    select: { id: true, fieldId: true, size: true, storageKey: true },
  });
  return { draft, others };
}

/**
 * Stores a paper for one file field of a citizen's draft (created if needed), replacing the file the
 * field had. Refused: files that are not really PDF/JPEG/PNG, too big, or over the dossier's total.
 */
export const uploadDraftPaper = upload(
  defineUseCase({
    name: "attachment.upload",
    permission: "dossier.file",
    schema: z.object({ serviceCode: z.string().max(100), fieldId: z.string().max(100), fileName: fileNameSchema, bytes: bytesSchema }),
    entityType: "attachment",
    async run(input, { tx, user }) {
      const name = input.fileName;
      const service = await getFilingService(input.serviceCode, tx);
      if (!service) throw new AppError("not_found", filingText.notOnline, undefined, "service.not_online");
      const field =
        // Issue 15: the authorisation paper of a filing on someone's behalf (lib/organisations/principal.ts).
        input.fieldId === AUTHORISATION_FIELD ? { id: AUTHORISATION_FIELD } : fileField(service, input.fieldId, name);
      const { bytes, type } = checkUpload(input.bytes, name, field.id);
      const { draft, others } = await lockedDraft(tx, user!.id, service, name);
      const previous = others.filter((a) => a.fieldId === field.id);
      checkTotal(
        others.filter((a) => a.fieldId !== field.id).reduce((sum, a) => sum + a.size, 0),
        bytes.byteLength,
        field.id,
      );
      if (previous.length) await tx.attachment.deleteMany({ where: { id: { in: previous.map((p) => p.id) } } });
      const sha256 = sha256Hex(bytes);
      const file = await storedThen(bytes, type.ext, (storageKey) =>
        tx.attachment.create({
          data: {
            ownerId: user!.id,
            draftId: draft.id,
            fieldId: field.id,
            purpose: "submission",
            fileName: name,
            contentType: type.contentType,
            size: bytes.byteLength,
            sha256,
            storageKey,
          },
          select: SELECT,
        }),
      );
      return {
        result: { file, replaced: previous.map((p) => p.storageKey) },
        entityId: file.id,
        details: { service: service.code, field: field.id, size: file.size, sha256 },
      };
    },
  }),
  (raw) => field(raw, "serviceCode"),
);

/**
 * Answers one file field of a citizen's draft with a paper from their document store (lib/papers): a new
 * attachment of the draft pointing at the stored paper and sharing its bytes (no copy), replacing the file the
 * field had. The same checks as an upload: a file field of this form, the paper the citizen's own and not
 * deleted, the dossier's total within the limit.
 */
export const chooseStoredPaper = upload(
  defineUseCase({
    name: "attachment.reuse",
    permission: "dossier.file",
    schema: z.object({ serviceCode: z.string().max(100), fieldId: z.string().max(100), paperId: z.string().uuid() }),
    entityType: "attachment",
    async run(input, { tx, user }) {
      const service = await getFilingService(input.serviceCode, tx);
      if (!service) throw new AppError("not_found", filingText.notOnline, undefined, "service.not_online");
      const field = fileField(service, input.fieldId, papersText.aPaper);
      // Locked: a deletion of this paper either committed first (it is then not found) or waits for this
      // attachment, so the deletion's clean-up sees the attachment naming the bytes.
      await tx.$executeRaw`SELECT 1 FROM stored_paper WHERE id = ${input.paperId}::uuid FOR SHARE`;
      const paper = await tx.storedPaper.findFirst({ where: { id: input.paperId, ...usablePapersWhere(user!.id) } });
      if (!paper) throw new AppError("not_found", papersText.notFound, field.id, "paper.not_found");
      const { draft, others } = await lockedDraft(tx, user!.id, service, paper.fileName);
      const previous = others.filter((a) => a.fieldId === field.id);
      checkTotal(
        others.filter((a) => a.fieldId !== field.id).reduce((sum, a) => sum + a.size, 0),
        paper.size,
        field.id,
      );
      if (previous.length) await tx.attachment.deleteMany({ where: { id: { in: previous.map((p) => p.id) } } });
      const file = await tx.attachment.create({
        data: {
          ownerId: user!.id,
          draftId: draft.id,
          fieldId: field.id,
          purpose: "submission",
          fileName: paper.fileName,
          contentType: paper.contentType,
          size: paper.size,
          sha256: paper.sha256,
          storageKey: paper.storageKey,
          storedPaperId: paper.id,
        },
        select: SELECT,
      });
      return {
        result: { file, replaced: previous.map((p) => p.storageKey) },
        entityId: file.id,
        details: { service: service.code, field: field.id, paper: paper.id, sha256: paper.sha256 },
      };
    },
  }),
  (raw) => field(raw, "serviceCode"),
);

/**
 * Takes a paper off one file field of the citizen's own draft before submission (issue 19): the field's
 * attachment rows go, the draft's answer naming one of them is cleared (so a resumed draft matches), and the
 * bytes are removed once the transaction committed, unless a stored paper or another row still names them
 * (if that removal fails or the node dies first, no row names the bytes any more: the orphan sweep,
 * lib/files/sweep.ts, takes them after its grace period).
 * Only the draft's owner reaches it (the draft is looked up by the actor's own id); removing a paper that is
 * no longer there succeeds with nothing removed, so a retried click is harmless.
 */
const removeDraftPaperCase = defineUseCase({
  name: "attachment.remove",
  permission: "dossier.file",
  schema: z.object({ serviceCode: z.string().max(100), fieldId: z.string().min(1).max(100) }),
  entityType: "attachment",
  async run(input, { tx, user }) {
    const draft = await tx.draft.findFirst({
      where: { userId: user!.id, service: { code: input.serviceCode } },
      select: { id: true, answers: true },
    });
    if (!draft) return { result: { removed: [] as { id: string; storageKey: string }[] }, details: { field: input.fieldId, removed: 0 } };
    // Locked like an upload or a submission locks it: a submission in flight either took the paper already
    // (it is then no longer the draft's) or waits for this removal.
    await tx.$queryRaw`SELECT id FROM draft WHERE id = ${draft.id}::uuid FOR UPDATE`;
    const removed = await tx.attachment.findMany({
      where: { draftId: draft.id, ownerId: user!.id, fieldId: input.fieldId, dossierId: null },
      select: { id: true, storageKey: true },
    });
    if (removed.length) {
      await tx.attachment.deleteMany({ where: { id: { in: removed.map((a) => a.id) } } });
      const answers = (draft.answers ?? {}) as Record<string, unknown>;
      if (removed.some((a) => a.id === answers[input.fieldId])) {
        const { [input.fieldId]: _gone, ...rest } = answers;
        await tx.draft.update({ where: { id: draft.id }, data: { answers: rest as Prisma.InputJsonObject } });
      }
    }
    return {
      result: { removed },
      entityId: removed[0]?.id,
      details: { service: input.serviceCode, field: input.fieldId, removed: removed.length },
    };
  },
});

export const removeDraftPaper: UseCase<{ removed: number }> = Object.assign(
  async (actor: Actor, raw: unknown, meta?: RequestMeta) => {
    const r = await removeDraftPaperCase(actor, raw, meta);
    if (!r.ok) return r;
    // A paper chosen from the store shares its bytes: removed only when nothing names them any more.
    await removeUnreferenced(r.data.removed.map((a) => a.storageKey));
    return { ok: true as const, data: { removed: r.data.removed.length } };
  },
  { useCaseName: removeDraftPaperCase.useCaseName },
);

/** Stores a paper the agency asked for (status 5) on the citizen's own dossier. */
export const uploadSupplement = upload(
  defineUseCase({
    name: "attachment.upload",
    permission: "dossier.readOwn",
    schema: z.object({ code: z.string().max(100), fileName: fileNameSchema, bytes: bytesSchema }),
    entityType: "attachment",
    async run(input, { tx, actor }) {
      const own = await requireVisibleDossier(actor, { code: input.code }, { as: ["owner"], client: tx });
      // Locked, so two uploads at once cannot both pass the dossier's total.
      const dossier = await lockDossier(tx, own.id);
      if (dossier.status !== STATUS.SUPPLEMENT_REQUESTED)
        throw new AppError("invalid", dossierText.refusal.wrong_status, undefined, "dossier.wrong_status");
      const { bytes, type } = checkUpload(input.bytes, input.fileName, undefined);
      const total = await tx.attachment.aggregate({ where: { dossierId: dossier.id }, _sum: { size: true } });
      checkTotal(total._sum.size ?? 0, bytes.byteLength);
      const file = await storedThen(bytes, type.ext, (storageKey) =>
        tx.attachment.create({
          data: {
            ownerId: actorUser(actor)!.id,
            dossierId: dossier.id,
            purpose: "supplement",
            fileName: input.fileName,
            contentType: type.contentType,
            size: bytes.byteLength,
            sha256: sha256Hex(bytes),
            storageKey,
          },
          select: SELECT,
        }),
      );
      return { result: { file, replaced: [] }, entityId: file.id, details: { dossier: input.code, purpose: "supplement" } };
    },
  }),
  (raw) => field(raw, "code"),
);

/**
 * A stored file for the one asking, or null ("not found") when they may not see it: a dossier's files
 * go with the dossier (lib/dossiers/visibility: its applicant, the agency holding it, an agency that
 * transferred it away); a draft's files only to the person who uploaded them.
 */
export async function readAttachment(viewer: Viewer, id: string): Promise<{ file: StoredFile; bytes: Buffer } | null> {
  const user = actorUser(viewerActor(viewer));
  if (!user || !isUuid(id)) return null;
  const a = await db.attachment.findFirst({
    where: { id, OR: [{ dossier: visibleDossiersWhere(user) }, { dossierId: null, ownerId: user.id }] },
  });
  if (!a) return null;
  const bytes = await storedBytes(a.storageKey);
  if (!bytes) return null;
  const { id: fileId, fieldId, fileName, contentType, size, sha256 } = a;
  return { file: { id: fileId, fieldId, fileName, contentType, size, sha256 }, bytes };
}

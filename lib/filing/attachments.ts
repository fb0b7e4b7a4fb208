// Uploading a paper to a draft, and reading stored files back, each checked against who asks.
import "server-only";
import { DomainError } from "@/lib/errors/app-error";
import { can } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db/client";
import { cleanFileName, MAX_DOSSIER_BYTES, MAX_FILE_BYTES, PAPER_TYPES, sniffFile } from "@/lib/files/sniff";
import { fileStorage, newStorageKey, sha256Hex } from "@/lib/files/storage";
import { authText } from "@/lib/i18n/vi/auth";
import { filingText } from "@/lib/i18n/vi/filing";
import { dossierText } from "@/lib/i18n/vi/dossiers";
import { STATUS } from "@/lib/dossiers/status";
import { requireVisibleDossier, viewerActor, visibleDossiersWhere, type Viewer } from "@/lib/dossiers/visibility";
import { actorUser } from "@/lib/auth/actor";
import { getFilingService } from "./service-form";

const MB = (n: number) => Math.round(n / (1024 * 1024));

export interface StoredFile {
  id: string;
  fieldId: string | null;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
}

/** The checks every upload passes: size, not empty, really a PDF/JPEG/PNG (refusals are audited). */
async function checkUpload(
  user: CurrentUser,
  raw: Uint8Array | "too_big",
  name: string,
  field: string | undefined,
  entityId: string,
  meta: RequestMeta,
) {
  if (raw === "too_big") throw new DomainError("invalid", filingText.file.tooBig(name, MB(MAX_FILE_BYTES)), field);
  if (raw.byteLength === 0) throw new DomainError("invalid", filingText.file.empty(name), field);
  const type = sniffFile(raw.subarray(0, 16), name, PAPER_TYPES);
  if (!type) {
    await recordAudit(db, {
      actorId: user.id,
      actorRole: user.role,
      action: "attachment.upload",
      outcome: "denied",
      entityType: "upload",
      entityId,
      ip: meta.ip,
      userAgent: meta.userAgent,
      details: { fileName: name, reason: "content type" },
    });
    throw new DomainError("invalid", filingText.file.type(name), field);
  }
  return { bytes: raw, type };
}

/**
 * Stores a paper for one file field of a citizen's draft (created if needed), replacing the file the
 * field had. Refused: files that are not really PDF/JPEG/PNG, too big, or over the dossier's total.
 */
export async function attachToDraft(
  user: CurrentUser | null,
  input: { serviceCode: string; fieldId: string; fileName: string; bytes: Uint8Array | "too_big" },
  meta: RequestMeta,
): Promise<StoredFile> {
  if (!user) throw new DomainError("unauthenticated", authText.sessionEnded);
  if (!can(user, "dossier.file")) throw new DomainError("forbidden", authText.forbiddenTitle);
  const name = cleanFileName(input.fileName);
  const service = await getFilingService(input.serviceCode);
  if (!service) throw new DomainError("not_found", filingText.notOnline);
  const field = service.form.steps.flatMap((s) => s.fields).find((f) => f.id === input.fieldId && f.type === "file");
  if (!field) throw new DomainError("invalid", filingText.file.failed(name));
  const { bytes, type } = await checkUpload(user, input.bytes, name, field.id, service.code, meta);
  const key = newStorageKey(type.ext);
  const sha256 = sha256Hex(bytes);
  await fileStorage().put(key, bytes);
  try {
    const { stored, replaced } = await db.$transaction(async (tx) => {
      // One atomic upsert that also locks the draft row for the rest of the upload, so a submission of the
      // same draft (which locks it too) either finishes first (and this paper goes to a fresh draft) or
      // waits for this paper. (Prisma's upsert reads, then writes: a draft deleted in between fails it.)
      const [draft] = await tx.$queryRaw<{ id: string }[]>`
        INSERT INTO draft (user_id, service_id, form_version) VALUES (${user.id}::uuid, ${service.id}, ${service.formVersion})
        ON CONFLICT (user_id, service_id) DO UPDATE SET updated_at = now()
        RETURNING id::text`;
      if (!draft) throw new DomainError("conflict", filingText.file.failed(name));
      const others = await tx.attachment.findMany({
        where: { draftId: draft.id },
        select: { id: true, fieldId: true, size: true, storageKey: true },
      });
      const previous = others.filter((a) => a.fieldId === field.id);
      const kept = others.filter((a) => a.fieldId !== field.id).reduce((sum, a) => sum + a.size, 0);
      if (kept + bytes.byteLength > MAX_DOSSIER_BYTES)
        throw new DomainError("invalid", filingText.file.dossierTooBig(MB(MAX_DOSSIER_BYTES)), field.id);
      if (previous.length) await tx.attachment.deleteMany({ where: { id: { in: previous.map((p) => p.id) } } });
      const stored = await tx.attachment.create({
        data: {
          ownerId: user.id,
          draftId: draft.id,
          fieldId: field.id,
          purpose: "submission",
          fileName: name,
          contentType: type.contentType,
          size: bytes.byteLength,
          sha256,
          storageKey: key,
        },
        select: { id: true, fieldId: true, fileName: true, contentType: true, size: true, sha256: true },
      });
      await recordAudit(tx, {
        actorId: user.id,
        actorRole: user.role,
        action: "attachment.upload",
        entityType: "attachment",
        entityId: stored.id,
        ip: meta.ip,
        userAgent: meta.userAgent,
        details: { service: service.code, field: field.id, size: stored.size, sha256 },
      });
      return { stored, replaced: previous.map((p) => p.storageKey) };
    });
    await Promise.all(replaced.map((k) => fileStorage().remove(k)));
    return stored;
  } catch (err) {
    await fileStorage().remove(key);
    throw err;
  }
}

/** Stores a paper the agency asked for (status 5) on the citizen's own dossier. */
export async function attachSupplement(
  user: CurrentUser | null,
  input: { code: string; fileName: string; bytes: Uint8Array | "too_big" },
  meta: RequestMeta,
): Promise<StoredFile> {
  if (!user) throw new DomainError("unauthenticated", authText.sessionEnded);
  const name = cleanFileName(input.fileName);
  const own = await requireVisibleDossier(user, { code: input.code }, { as: ["owner"] });
  const dossier = await db.dossier.findUniqueOrThrow({ where: { id: own.id }, select: { id: true, status: true } });
  if (dossier.status !== STATUS.SUPPLEMENT_REQUESTED) throw new DomainError("invalid", dossierText.refusal.wrong_status);
  const { bytes, type } = await checkUpload(user, input.bytes, name, undefined, input.code, meta);
  const total = await db.attachment.aggregate({ where: { dossierId: dossier.id }, _sum: { size: true } });
  if ((total._sum.size ?? 0) + bytes.byteLength > MAX_DOSSIER_BYTES)
    throw new DomainError("invalid", filingText.file.dossierTooBig(MB(MAX_DOSSIER_BYTES)));
  const key = newStorageKey(type.ext);
  await fileStorage().put(key, bytes);
  try {
    return await db.$transaction(async (tx) => {
      const stored = await tx.attachment.create({
        data: {
          ownerId: user.id,
          dossierId: dossier.id,
          purpose: "supplement",
          fileName: name,
          contentType: type.contentType,
          size: bytes.byteLength,
          sha256: sha256Hex(bytes),
          storageKey: key,
        },
        select: { id: true, fieldId: true, fileName: true, contentType: true, size: true, sha256: true },
      });
      await recordAudit(tx, {
        actorId: user.id,
        actorRole: user.role,
        action: "attachment.upload",
        entityType: "attachment",
        entityId: stored.id,
        ip: meta.ip,
        userAgent: meta.userAgent,
        details: { dossier: input.code, purpose: "supplement" },
      });
      return stored;
    });
  } catch (err) {
    await fileStorage().remove(key);
    throw err;
  }
}

/**
 * A stored file for the one asking, or null ("not found") when they may not see it: a dossier's files
 * go with the dossier (lib/dossiers/visibility: its applicant, the agency holding it, an agency that
 * transferred it away); a draft's files only to the person who uploaded them.
 */
export async function readAttachment(viewer: Viewer, id: string): Promise<{ file: StoredFile; bytes: Buffer } | null> {
  const user = actorUser(viewerActor(viewer));
  if (!user || !/^[0-9a-f-]{36}$/i.test(id)) return null;
  const a = await db.attachment.findFirst({
    where: { id, OR: [{ dossier: visibleDossiersWhere(user) }, { dossierId: null, ownerId: user.id }] },
  });
  if (!a) return null;
  const { id: fileId, fieldId, fileName, contentType, size, sha256 } = a;
  return { file: { id: fileId, fieldId, fileName, contentType, size, sha256 }, bytes: await fileStorage().get(a.storageKey) };
}

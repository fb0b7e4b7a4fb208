// The citizen's own store: filling in a paper's issuer and validity, and deleting a paper (softly: the row
// keeps its deleted_at, the bytes stay while any attachment names them). A paper an open dossier uses cannot
// be deleted: the agency may still need it.
import "server-only";
import { z } from "zod";
import { AppError, defineUseCase, type UseCase } from "@/lib/auth/door";
import type { Actor } from "@/lib/auth/actor";
import type { RequestMeta } from "@/lib/auth/request-meta";
import type { Tx } from "@/lib/db/client";
import { CLOSED_STATUSES } from "@/lib/dossiers/status";
import { papersText } from "@/lib/i18n/vi/papers";
import { removeUnreferenced, usablePapersWhere } from "./store";

/** Statuses after which a dossier no longer needs its papers: processed, returned, refused, withdrawn, stopped. */
const CLOSED: number[] = [...CLOSED_STATUSES];

const paperId = z.string().uuid();

/** A real day written YYYY-MM-DD: "2024-02-31" is refused, not rolled over to 2 March. */
function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** The citizen's own live paper, locked for the rest of the transaction, or "not found". */
async function ownPaper(tx: Tx, id: string, userId: string) {
  await tx.$executeRaw`SELECT 1 FROM stored_paper WHERE id = ${id}::uuid FOR UPDATE`;
  const paper = await tx.storedPaper.findFirst({ where: { id, ...usablePapersWhere(userId) } });
  if (!paper) throw new AppError("not_found", papersText.notFound, "id", "paper.not_found");
  return paper;
}

const validUntil = z
  .string()
  .trim()
  .refine((s) => s === "" || isCalendarDate(s), papersText.validUntilInvalid);

export const editStoredPaper = defineUseCase({
  name: "paper.edit",
  permission: "paper.manageOwn",
  schema: z.object({
    id: paperId,
    issuer: z.string().trim().max(300, papersText.issuerTooLong),
    validUntil,
  }),
  entityType: "stored_paper",
  async run(input, { tx, user }) {
    const paper = await ownPaper(tx, input.id, user!.id);
    const issuer = input.issuer || null;
    const until = input.validUntil ? new Date(`${input.validUntil}T00:00:00Z`) : null;
    await tx.storedPaper.update({ where: { id: paper.id }, data: { issuer, validUntil: until } });
    return { result: { id: paper.id }, entityId: paper.id, details: { issuer, validUntil: input.validUntil || null } };
  },
});

const deleteOnce = defineUseCase({
  name: "paper.delete",
  permission: "paper.manageOwn",
  schema: z.object({ id: paperId }),
  entityType: "stored_paper",
  async run(input, { tx, user }) {
    const paper = await ownPaper(tx, input.id, user!.id);
    const open = await tx.attachment.findFirst({
      where: { storedPaperId: paper.id, dossier: { status: { notIn: CLOSED } } },
      orderBy: { createdAt: "asc" },
      select: { dossier: { select: { code: true } } },
    });
    if (open?.dossier) throw new AppError("conflict", papersText.inUse(open.dossier.code), "id", "paper.in_use");
    await tx.storedPaper.update({ where: { id: paper.id }, data: { deletedAt: new Date() } });
    return { result: { id: paper.id, storageKey: paper.storageKey }, entityId: paper.id, details: { sha256: paper.sha256 } };
  },
});

/** Deletes, then removes the bytes once nothing names them any more (after the deletion committed). */
export const deleteStoredPaper: UseCase<{ id: string }> = Object.assign(
  async (actor: Actor, raw: unknown, meta?: RequestMeta) => {
    const r = await deleteOnce(actor, raw, meta);
    if (!r.ok) return r;
    await removeUnreferenced([r.data.storageKey]);
    return { ok: true as const, data: { id: r.data.id } };
  },
  { useCaseName: deleteOnce.useCaseName },
);

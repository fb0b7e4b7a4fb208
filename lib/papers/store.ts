// The document store (kho dữ liệu điện tử, Decree 45/2020/NĐ-CP): papers a citizen (or an organisation) filed
// once, and results they received, kept so that later filings reuse them instead of uploading them again.
// Papers come in on submission (keepPapersInStore) and with a signed result (keepResultInStore); the bytes are
// stored once: a stored paper shares its storage key with the attachment it came from and with every
// attachment that reuses it, so bytes are removed only when no row names their key (removeUnreferenced).
import "server-only";
import { fold } from "@/lib/catalog/fold";
import type { Component } from "@/lib/catalog/records";
import { db, type Tx } from "@/lib/db/client";
import { fileStorage } from "@/lib/files/storage";
import type { FormField } from "@/lib/forms/definition";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Whose store: a person's, or an organisation's (a dossier filed for an organisation stores into its store). */
type PaperOwner = { userId: string } | { organisationId: string };

function ownerWhere(owner: PaperOwner): { ownerUserId: string } | { ownerOrganisationId: string } {
  return "userId" in owner ? { ownerUserId: owner.userId } : { ownerOrganisationId: owner.organisationId };
}

/** What kind of paper a file field collects: the procedure's component it names, or else its own label. */
export function paperKind(field: Pick<FormField, "label" | "component">, components: readonly Component[]): string {
  const named = field.component !== undefined ? components[field.component]?.name : undefined;
  return (named ?? field.label).trim();
}

/** The key a form's paper finds stored papers of the same kind by (portal_fold in SQL, fold here). */
export function kindKeyOf(kind: string): string {
  return fold(kind).replace(/\s+/g, " ").trim();
}

interface FiledPaper {
  id: string;
  fieldId: string | null;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  storageKey: string;
  storedPaperId: string | null;
}

/**
 * On submission, inside its transaction, after the papers were attached to the dossier: every paper uploaded
 * with it becomes a stored paper of `owner` (the applicant unless the dossier is an organisation's). A paper
 * identical (same sha256) to one already in that store under the same kind is not stored twice: the attachment
 * points at the paper already there. A paper chosen from the store already points at its stored paper.
 * Issuer and validity are not known from an upload: null, the citizen may fill them in the store.
 */
export async function keepPapersInStore(
  tx: Tx,
  input: {
    dossierId: string;
    owner: PaperOwner;
    files: readonly FiledPaper[];
    fields: readonly Pick<FormField, "id" | "label" | "component">[];
    components: readonly Component[];
  },
): Promise<void> {
  for (const file of input.files) {
    if (file.storedPaperId) continue;
    const field = input.fields.find((f) => f.id === file.fieldId);
    if (!field) continue;
    const kind = paperKind(field, input.components);
    const kindKey = kindKeyOf(kind);
    const same = await tx.storedPaper.findFirst({
      where: { ...ownerWhere(input.owner), kindKey, sha256: file.sha256, deletedAt: null },
      select: { id: true },
    });
    const paper =
      same ??
      (await tx.storedPaper.create({
        data: {
          ...ownerWhere(input.owner),
          kind,
          kindKey,
          source: "upload",
          sourceDossierId: input.dossierId,
          fileName: file.fileName,
          contentType: file.contentType,
          size: file.size,
          sha256: file.sha256,
          storageKey: file.storageKey,
        },
        select: { id: true },
      }));
    await tx.attachment.update({ where: { id: file.id }, data: { storedPaperId: paper.id } });
  }
}

/**
 * A signed result goes to the store of whoever the dossier was filed for (its organisation, else its
 * applicant), named by the procedure's result and issued by the agency that signed it.
 */
export async function keepResultInStore(tx: Tx, attachmentId: string): Promise<void> {
  const a = await tx.attachment.findUniqueOrThrow({
    where: { id: attachmentId },
    select: {
      fileName: true,
      contentType: true,
      size: true,
      sha256: true,
      storageKey: true,
      dossier: {
        select: {
          id: true,
          applicantId: true,
          organisationId: true,
          holderAgency: { select: { name: true } },
          service: { select: { name: true, procedure: { select: { result: true } } } },
        },
      },
    },
  });
  const d = a.dossier;
  if (!d) return;
  // A dossier received at an agency's counter for someone without an account has no store to keep it in.
  if (!d.organisationId && !d.applicantId) return;
  const owner: PaperOwner = d.organisationId ? { organisationId: d.organisationId } : { userId: d.applicantId! };
  const kind = (d.service.procedure.result.trim() || d.service.name).slice(0, 300);
  const paper = await tx.storedPaper.create({
    data: {
      ...ownerWhere(owner),
      kind,
      kindKey: kindKeyOf(kind),
      issuer: d.holderAgency.name,
      source: "result",
      sourceDossierId: d.id,
      fileName: a.fileName,
      contentType: a.contentType,
      size: a.size,
      sha256: a.sha256,
      storageKey: a.storageKey,
    },
    select: { id: true },
  });
  await tx.attachment.update({ where: { id: attachmentId }, data: { storedPaperId: paper.id } });
}

/**
 * Removes the bytes of those keys no attachment and no (undeleted) stored paper names any more. Called after
 * the transaction that dropped the rows committed; a key still named by another row stays.
 */
export async function removeUnreferenced(keys: readonly string[]): Promise<void> {
  const unique = [...new Set(keys)];
  if (!unique.length) return;
  const [attached, stored] = await Promise.all([
    db.attachment.findMany({ where: { storageKey: { in: unique } }, select: { storageKey: true } }),
    db.storedPaper.findMany({ where: { storageKey: { in: unique }, deletedAt: null }, select: { storageKey: true } }),
  ]);
  const named = new Set([...attached, ...stored].map((r) => r.storageKey));
  await Promise.all(unique.filter((k) => !named.has(k)).map((k) => fileStorage().remove(k)));
}

/**
 * The stored papers a citizen may see and use: their own, and those of every organisation they are a member
 * of now (lib/organisations): the one rule every read and use of the store goes through.
 */
export function usablePapersWhere(userId: string) {
  return {
    deletedAt: null,
    OR: [{ ownerUserId: userId }, { ownerOrganisation: { members: { some: { userId } } } }],
  } satisfies Prisma.StoredPaperWhereInput;
}

// Reading the document store: a citizen's papers for the store page and for a form's file field, one paper's
// bytes for its owner, and where each paper of a dossier came from (an upload, or the store).
import "server-only";
import { actorUser } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { viewerActor, type Viewer } from "@/lib/dossiers/visibility";
import { storedBytes } from "@/lib/files/storage";
import { getFilingService } from "@/lib/filing/service-form";
import { papersText } from "@/lib/i18n/vi/papers";
import type { PaperChoice } from "./choice";
import { kindKeyOf, paperKind, usablePapersWhere } from "./store";
import { isUuid } from "@/lib/http/uuid";

const LISTED = {
  id: true,
  kind: true,
  issuer: true,
  validUntil: true,
  source: true,
  fileName: true,
  size: true,
  createdAt: true,
  sourceDossier: { select: { code: true } },
  ownerOrganisation: { select: { name: true } },
} as const;

/** The citizen's papers and their organisations', newest first (deleted ones are gone from the list). */
export async function listOwnPapers(userId: string) {
  return db.storedPaper.findMany({ where: usablePapersWhere(userId), orderBy: { createdAt: "desc" }, select: LISTED });
}

/**
 * The papers a file field of a service's form may take from the citizen's store: those of the same kind
 * (kind_key), or every paper of theirs with `all` (those of the same kind first). Null: no such field.
 */
export async function papersForField(userId: string, serviceCode: string, fieldId: string, all: boolean): Promise<PaperChoice[] | null> {
  const service = await getFilingService(serviceCode);
  const field = service?.form.steps.flatMap((s) => s.fields).find((f) => f.id === fieldId && f.type === "file");
  if (!service || !field) return null;
  const kindKey = kindKeyOf(paperKind(field, service.components));
  const rows = await db.storedPaper.findMany({
    where: { ...usablePapersWhere(userId), ...(all ? {} : { kindKey }) },
    orderBy: { createdAt: "desc" },
    take: 200,
  });
  return rows
    .map((p) => ({
      id: p.id,
      kind: p.kind,
      fileName: p.fileName,
      size: p.size,
      issuer: p.issuer,
      validUntil: p.validUntil?.toISOString().slice(0, 10) ?? null,
      createdAt: p.createdAt.toISOString(),
      sameKind: p.kindKey === kindKey,
    }))
    .sort((a, b) => Number(b.sameKind) - Number(a.sameKind));
}

/** A stored paper with its bytes for its owner; null ("not found") for anyone else or a deleted paper. */
export async function readStoredPaper(viewer: Viewer, id: string) {
  const user = actorUser(viewerActor(viewer));
  if (!user || !isUuid(id)) return null;
  const p = await db.storedPaper.findFirst({ where: { id, ...usablePapersWhere(user.id) } });
  if (!p) return null;
  const bytes = await storedBytes(p.storageKey);
  return bytes ? { fileName: p.fileName, contentType: p.contentType, bytes } : null;
}

/**
 * Where each paper of a dossier came from, by attachment id: uploaded with this dossier ("Tải lên khi nộp"),
 * or chosen from the applicant's store (a paper first filed with another dossier, or another dossier's
 * result). An upload identical to a paper already in the store points at that paper but keeps its own bytes,
 * so it still reads as an upload.
 */
export async function paperOrigins(
  dossierId: string,
  attachments: readonly { id: string; purpose: string; storageKey?: string }[],
): Promise<Map<string, string>> {
  const filed = attachments.filter((a) => a.purpose === "submission");
  if (!filed.length) return new Map();
  const rows = await db.attachment.findMany({
    where: { id: { in: filed.map((a) => a.id) } },
    select: {
      id: true,
      storageKey: true,
      storedPaper: { select: { storageKey: true, source: true, sourceDossierId: true, sourceDossier: { select: { code: true } } } },
    },
  });
  return new Map(
    rows.map((a) => {
      const p = a.storedPaper;
      if (!p || p.sourceDossierId === dossierId || p.storageKey !== a.storageKey) return [a.id, papersText.originUpload];
      const code = p.sourceDossier?.code;
      const from = !code
        ? papersText.originStoreOnly
        : p.source === "result"
          ? papersText.originResultOf(code)
          : papersText.originUsedFor(code);
      return [a.id, papersText.originStore(from)];
    }),
  );
}

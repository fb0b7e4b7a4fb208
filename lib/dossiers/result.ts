// Finishing a dossier with its result: the result document is rendered, stored and attached, then the
// dossier moves to "processed" (9) through the status module. Returning it (10) is a separate step.
import "server-only";
import type { Tx } from "@/lib/db/client";
import { fileStorage, newStorageKey, sha256Hex } from "@/lib/files/storage";
import { renderResultDocument } from "@/lib/pdf/result";
import { applyTransition, lockDossier, type TransitionActor } from "./transition";

export interface ResultInput {
  documentNumber: string;
  resultTitle: string;
  body: string[];
  signer: { position: string; name: string };
}

export async function finishWithResult(
  tx: Tx,
  dossierId: string,
  actor: TransitionActor & { id: string },
  input: ResultInput,
  expectedVersion?: number,
) {
  await lockDossier(tx, dossierId);
  const d = await tx.dossier.findUniqueOrThrow({
    where: { id: dossierId },
    select: { code: true, applicantName: true, service: { select: { name: true } }, holderAgency: { select: { name: true } } },
  });
  const pdf = await renderResultDocument({
    agencyName: d.holderAgency.name,
    documentNumber: input.documentNumber,
    issuedAt: new Date(),
    dossierCode: d.code,
    applicantName: d.applicantName,
    serviceName: d.service.name,
    resultTitle: input.resultTitle,
    body: input.body,
    signer: input.signer,
  });
  const key = newStorageKey("pdf");
  await fileStorage().put(key, pdf);
  try {
    const file = await tx.attachment.create({
      data: {
        ownerId: actor.id,
        dossierId,
        purpose: "result",
        fileName: `ket-qua-${d.code}.pdf`,
        contentType: "application/pdf",
        size: pdf.byteLength,
        sha256: sha256Hex(pdf),
        storageKey: key,
      },
      select: { id: true, sha256: true },
    });
    return await applyTransition(tx, {
      dossierId,
      action: "finish",
      actor,
      expectedVersion,
      payload: { result: file.id },
      note: input.resultTitle,
      data: { result: { attachmentId: file.id, sha256: file.sha256, documentNumber: input.documentNumber } },
    });
  } catch (err) {
    await fileStorage().remove(key);
    throw err;
  }
}

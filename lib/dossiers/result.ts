// Finishing a dossier with its result: the result document is rendered, digitally signed in the name of the
// agency that holds the dossier (PAdES, lib/signing), stored and attached with its signature facts, then the
// dossier moves to "processed" (9) through the status module. Returning it (10) is a separate step. A result
// that cannot be signed is not issued: the finish fails and nothing is stored.
import "server-only";
import type { Tx } from "@/lib/db/client";
import { fileStorage, newStorageKey } from "@/lib/files/storage";
import { keepResultInStore } from "@/lib/papers/store";
import { publicBaseUrl } from "@/lib/notify/notify";
import { composeResultDocument } from "@/lib/pdf/result";
import { signResultDocument } from "@/lib/signing/results";
import { newVerificationCode, verificationCodeHash } from "@/lib/signing/verification-code";
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
    select: {
      code: true,
      applicantName: true,
      service: { select: { name: true } },
      holderAgency: { select: { id: true, name: true, identifier: true } },
    },
  });
  // The issue date, the time printed beside the signature and the signature's own time are one instant.
  const signedAt = new Date(Math.floor(Date.now() / 1000) * 1000);
  const verificationCode = newVerificationCode();
  const base = publicBaseUrl();
  const verificationUrl = `${base}/xac-minh-ket-qua?${new URLSearchParams({ ma: d.code, "xac-minh": verificationCode })}`;
  const doc = await composeResultDocument({
    agencyName: d.holderAgency.name,
    documentNumber: input.documentNumber,
    issuedAt: signedAt,
    dossierCode: d.code,
    applicantName: d.applicantName,
    serviceName: d.service.name,
    resultTitle: input.resultTitle,
    body: input.body,
    signer: input.signer,
    signing: { signedAt, verificationCode, verificationUrl },
  });
  const signed = await signResultDocument(doc, d.holderAgency, d.code, signedAt, base);
  const key = newStorageKey("pdf");
  await fileStorage().put(key, signed.bytes);
  try {
    const file = await tx.attachment.create({
      data: {
        ownerId: actor.id,
        dossierId,
        purpose: "result",
        fileName: `ket-qua-${d.code}.pdf`,
        contentType: "application/pdf",
        size: signed.bytes.byteLength,
        sha256: signed.sha256,
        storageKey: key,
        signature: {
          create: {
            agencyId: d.holderAgency.id,
            documentNumber: input.documentNumber,
            signedAt: signed.signedAt,
            documentSha256: signed.sha256,
            signerSubject: signed.signer.subject,
            signerSerial: signed.signer.serialNumber,
            signerFingerprint: signed.signer.fingerprint,
            issuerSubject: signed.signer.issuer,
            verificationCodeHash: verificationCodeHash(verificationCode),
          },
        },
      },
      select: { id: true, sha256: true },
    });
    // The signed result goes to the applicant's (or organisation's) document store too.
    await keepResultInStore(tx, file.id);
    return await applyTransition(tx, {
      dossierId,
      action: "finish",
      actor,
      expectedVersion,
      payload: { result: file.id },
      note: input.resultTitle,
      data: {
        result: {
          attachmentId: file.id,
          sha256: file.sha256,
          documentNumber: input.documentNumber,
          signerFingerprint: signed.signer.fingerprint,
        },
      },
    });
  } catch (err) {
    await fileStorage().remove(key);
    throw err;
  }
}

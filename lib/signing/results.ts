// Signed results as the portal keeps and shows them: signing a result document for its agency, the signature
// facts of stored results, and the public verification (a file someone holds, or the dossier code with the
// verification code printed on it). Reads only: verifying changes nothing, so no use case and no audit row.
// An anonymous reader sees the agency, the document number, the issue date and a masked dossier code; never the
// applicant or the content.
import "server-only";
import type { PDFDocument } from "pdf-lib";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { isDossierCode } from "@/lib/dossiers/code";
import { AppError, fieldErrorsOf, type ActionResult } from "@/lib/errors/app-error";
import { MAX_FILE_BYTES, sniffFile } from "@/lib/files/sniff";
import { sha256Hex, storedBytes } from "@/lib/files/storage";
import { commonText } from "@/lib/i18n/vi/common";
import { signingText } from "@/lib/i18n/vi/signing";
import type { AgencySubject } from "./demo-ca";
import { signingIdentityFor, trustedRoots } from "./keys";
import { signPdfDocument, type SignedPdf } from "./sign";
import { maskDossierCode, normalizeVerificationCode, verificationCodeHash } from "./verification-code";
import type { ResultRecordView, VerificationReport } from "./report";
import { verifySignedPdf } from "./verify";

/** Signs a composed result document in the name of its issuing agency. */
export function signResultDocument(
  doc: PDFDocument,
  agency: AgencySubject,
  dossierCode: string,
  signedAt: Date,
  contact: string,
): Promise<SignedPdf> {
  return signPdfDocument(doc, signingIdentityFor(agency), trustedRoots(), {
    name: `${agency.name} (${agency.identifier})`,
    reason: `Ket qua giai quyet ho so ${dossierCode}`,
    location: "Viet Nam",
    contactInfo: contact,
    signedAt,
  });
}

const RECORD = {
  documentNumber: true,
  signedAt: true,
  agency: { select: { name: true, identifier: true } },
  attachment: { select: { storageKey: true, dossier: { select: { code: true } } } },
} as const;

type RecordRow = {
  documentNumber: string;
  signedAt: Date;
  agency: { name: string; identifier: string };
  attachment: { storageKey: string; dossier: { code: string } | null };
};

function recordView(r: RecordRow): ResultRecordView {
  return {
    agencyName: r.agency.name,
    agencyIdentifier: r.agency.identifier,
    documentNumber: r.documentNumber,
    issuedAt: r.signedAt.toISOString(),
    dossierCode: maskDossierCode(r.attachment.dossier?.code ?? ""),
  };
}

function check(bytes: Uint8Array, via: VerificationReport["via"], record: RecordRow | null): VerificationReport {
  const v = verifySignedPdf(bytes, trustedRoots());
  return {
    via,
    status: v.status,
    detail: v.detail,
    // What the portal issued is shown only for a file that is exactly what it issued.
    record: record && v.status === "valid" ? recordView(record) : null,
    signer: v.signer
      ? {
          name: v.signer.organization ?? v.signer.commonName,
          identifier: v.signer.organizationalUnit,
          serial: v.signer.serialNumber,
          issuer: v.signer.issuerCommonName,
        }
      : null,
    signedAt: v.signedAt?.toISOString() ?? null,
  };
}

const MB = Math.round(MAX_FILE_BYTES / (1024 * 1024));

/** A file someone holds: is it signed, unaltered, and issued by the portal? */
export async function verifyResultFile(file: Uint8Array | "too_big" | null): Promise<ActionResult<VerificationReport>> {
  if (file === null || (file !== "too_big" && file.byteLength === 0))
    return new AppError("invalid", signingText.upload.missing, "tep", "result.file_missing").toFailure();
  if (file === "too_big") return new AppError("too_large", signingText.upload.tooBig(MB), "tep", "result.too_big").toFailure();
  if (!sniffFile(file.subarray(0, 16), "ket-qua.pdf", ["application/pdf"]))
    return new AppError("unsupported_media_type", signingText.upload.notPdf, "tep", "result.not_pdf").toFailure();
  const first = check(file, "file", null);
  if (first.status !== "valid") return { ok: true, data: first };
  const record = await db.resultSignature.findFirst({ where: { documentSha256: sha256Hex(file) }, select: RECORD });
  return { ok: true, data: { ...first, record: record ? recordView(record) : null } };
}

const CodeLookup = z.object({
  ma: z
    .string()
    .max(60, signingText.code.badDossier)
    .transform((s) => s.trim().toUpperCase())
    .refine(isDossierCode, signingText.code.badDossier),
  xacMinh: z
    .string()
    .max(40, signingText.code.badCode)
    .transform((s, ctx) => normalizeVerificationCode(s) ?? (ctx.addIssue({ code: "custom", message: signingText.code.badCode }), z.NEVER)),
});

/** The dossier code and the verification code printed on a result: its record, and a fresh check of the stored file. */
export async function verifyResultCode(raw: { ma: string; xacMinh: string }): Promise<ActionResult<VerificationReport>> {
  const parsed = CodeLookup.safeParse(raw);
  if (!parsed.success)
    return { ok: false, code: "invalid", reason: "invalid", message: commonText.fixErrors, fieldErrors: fieldErrorsOf(parsed.error) };
  const record = await db.resultSignature.findFirst({
    where: { verificationCodeHash: verificationCodeHash(parsed.data.xacMinh), attachment: { dossier: { code: parsed.data.ma } } },
    select: RECORD,
  });
  if (!record) return new AppError("not_found", signingText.code.notFound, undefined, "result.not_found").toFailure();
  const stored = await storedBytes(record.attachment.storageKey);
  if (!stored) return new AppError("not_found", signingText.code.notFound, undefined, "result.not_found").toFailure();
  return { ok: true, data: check(stored, "code", record) };
}

/** The signature facts of results, by attachment id, for the dossier pages. */
export async function resultSignatures(attachmentIds: string[]): Promise<Map<string, { agencyName: string; signedAt: Date }>> {
  if (attachmentIds.length === 0) return new Map();
  const rows = await db.resultSignature.findMany({
    where: { attachmentId: { in: attachmentIds } },
    select: { attachmentId: true, signedAt: true, agency: { select: { name: true } } },
  });
  return new Map(rows.map((r) => [r.attachmentId, { agencyName: r.agency.name, signedAt: r.signedAt }]));
}

// Signing a PDF made with pdf-lib: a PAdES signature placeholder (SubFilter ETSI.CAdES.detached, the claimed
// signing time in /M) by @signpdf/placeholder-pdf-lib, the byte ranges and /Contents filled by
// @signpdf/signpdf with the CAdES signature of cms.ts. The signed file is verified before it is handed back, so
// nothing is ever stored as "signed" that does not verify against the trusted roots.
import type { X509Certificate } from "node:crypto";
import { pdflibAddPlaceholder } from "@signpdf/placeholder-pdf-lib";
import { SignPdf } from "@signpdf/signpdf";
import { SUBFILTER_ETSI_CADES_DETACHED } from "@signpdf/utils";
import type { PDFDocument } from "pdf-lib";
import { CadesSigner, type SigningIdentity } from "./cms";
import { verifySignedPdf, type SignerFacts } from "./verify";

/** Room for the CMS (hex doubles it): the signature and a chain of a few certificates fit with margin. */
const SIGNATURE_BYTES = 12_000;

export interface SignatureClaims {
  /** Who signs, in words: the agency's name. */
  name: string;
  /** Why: e.g. "Ket qua giai quyet ho so 000.00.00.H29-261207-0001". */
  reason: string;
  location: string;
  contactInfo: string;
  signedAt: Date;
}

export interface SignedPdf {
  bytes: Buffer;
  sha256: string;
  signer: SignerFacts;
  signedAt: Date;
}

export class SigningFailed extends Error {}

/**
 * The signature dictionary's strings are written as PDF literal strings without escaping or a text encoding
 * (@signpdf/placeholder-pdf-lib), so they are kept to printable ASCII without parentheses or backslashes.
 */
function literal(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/[^\x20-\x7e]|[()\\]/g, "")
    .slice(0, 200);
}

export async function signPdfDocument(
  doc: PDFDocument,
  identity: SigningIdentity,
  trustedRoots: X509Certificate[],
  claims: SignatureClaims,
): Promise<SignedPdf> {
  // Whole seconds: /M has no fraction, and the time printed on the page must be the one in the signature.
  const signedAt = new Date(Math.floor(claims.signedAt.getTime() / 1000) * 1000);
  pdflibAddPlaceholder({
    pdfDoc: doc,
    reason: literal(claims.reason),
    contactInfo: literal(claims.contactInfo),
    name: literal(claims.name),
    location: literal(claims.location),
    signingTime: signedAt,
    signatureLength: SIGNATURE_BYTES,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    appName: "Cong Dich vu cong Quoc gia",
  });
  const unsigned = Buffer.from(await doc.save());
  const bytes = await new SignPdf().sign(unsigned, new CadesSigner(identity));
  const check = verifySignedPdf(bytes, trustedRoots, signedAt);
  if (check.status !== "valid" || !check.signer)
    throw new SigningFailed(`the signed PDF does not verify: ${check.status}${check.detail ? ` (${check.detail})` : ""}`);
  return { bytes, sha256: check.sha256, signer: check.signer, signedAt };
}

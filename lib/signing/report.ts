// What the public verification page shows, as plain data (dates as ISO strings) for server and client alike.
import type { VerifyStatus } from "./verify";

export interface ResultRecordView {
  agencyName: string;
  agencyIdentifier: string;
  documentNumber: string;
  /** ISO instant. */
  issuedAt: string;
  /** Masked for an anonymous reader. */
  dossierCode: string;
}

/** One verification: of a file someone uploaded, or of the stored file a dossier code and verification code name. */
export interface VerificationReport {
  via: "file" | "code";
  status: VerifyStatus;
  detail?: string;
  /** The portal's record of the document, when it issued it. */
  record: ResultRecordView | null;
  signer: { name: string | null; identifier: string | null; serial: string; issuer: string | null } | null;
  /** ISO instant claimed in the signature. */
  signedAt: string | null;
}

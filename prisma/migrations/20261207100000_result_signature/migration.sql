-- The digital signature of each result document (PAdES): signer certificate, signing time and the signed
-- file's sha256, and the hash of the verification code printed on it, for the public verification page.

-- CreateTable
CREATE TABLE "result_signature" (
    "attachment_id" UUID NOT NULL,
    "agency_id" INTEGER NOT NULL,
    "document_number" TEXT NOT NULL,
    "signed_at" TIMESTAMPTZ(3) NOT NULL,
    "document_sha256" CHAR(64) NOT NULL,
    "signer_subject" TEXT NOT NULL,
    "signer_serial" VARCHAR(64) NOT NULL,
    "signer_fingerprint" CHAR(64) NOT NULL,
    "issuer_subject" TEXT NOT NULL,
    "verification_code_hash" CHAR(64) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "result_signature_pkey" PRIMARY KEY ("attachment_id")
);

-- CreateIndex
CREATE INDEX "result_signature_document_sha256_idx" ON "result_signature"("document_sha256");

-- CreateIndex
CREATE INDEX "result_signature_agency_id_idx" ON "result_signature"("agency_id");

-- AddForeignKey
ALTER TABLE "result_signature" ADD CONSTRAINT "result_signature_attachment_id_fkey" FOREIGN KEY ("attachment_id") REFERENCES "attachment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "result_signature" ADD CONSTRAINT "result_signature_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

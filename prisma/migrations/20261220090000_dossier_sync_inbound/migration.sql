-- Dossier sync, inbound (issue 17): dossiers received at an agency's own one-stop system (counter, provincial
-- portal, post) and pushed to the portal with their own code, the applicant's personal identification number
-- and every status change. Such a dossier may have no applicant account (applicant_id becomes nullable);
-- "Hồ sơ của tôi" matches it by applicant_cccd against the signed-in citizen's verified number.
CREATE TYPE "DossierOrigin" AS ENUM ('PORTAL', 'AGENCY_SYSTEM');

ALTER TABLE "dossier" ADD COLUMN "origin" "DossierOrigin" NOT NULL DEFAULT 'PORTAL';
ALTER TABLE "dossier" ADD COLUMN "external_code" VARCHAR(64);
ALTER TABLE "dossier" ADD COLUMN "applicant_cccd" VARCHAR(12);
ALTER TABLE "dossier" ADD COLUMN "synced_at" TIMESTAMPTZ(3);
ALTER TABLE "dossier" ALTER COLUMN "applicant_id" DROP NOT NULL;

-- Unique per receiving agency where set (NULLs never collide).
CREATE UNIQUE INDEX "dossier_receiving_agency_id_external_code_key" ON "dossier"("receiving_agency_id", "external_code");
CREATE INDEX "dossier_applicant_cccd_idx" ON "dossier"("applicant_cccd");

-- An agency system's request under an Idempotency-Key: the same key and body answer the stored response.
CREATE TABLE "sync_request" (
    "agency_id" INTEGER NOT NULL,
    "idempotency_key" VARCHAR(64) NOT NULL,
    "request_sha256" CHAR(64) NOT NULL,
    "status" SMALLINT NOT NULL,
    "response" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "sync_request_pkey" PRIMARY KEY ("agency_id", "idempotency_key")
);
ALTER TABLE "sync_request" ADD CONSTRAINT "sync_request_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The reconciliation report per agency and day (the last one sent for that day wins).
CREATE TABLE "sync_reconciliation" (
    "id" BIGSERIAL NOT NULL,
    "agency_id" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "agency_counts" JSONB NOT NULL,
    "portal_counts" JSONB NOT NULL,
    "differences" JSONB NOT NULL,
    "difference_count" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "sync_reconciliation_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "sync_reconciliation_agency_id_day_key" ON "sync_reconciliation"("agency_id", "day");
ALTER TABLE "sync_reconciliation" ADD CONSTRAINT "sync_reconciliation_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

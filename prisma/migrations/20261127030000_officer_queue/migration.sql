-- The officers' one-stop queue: keyset indexes per agency, applicant-name search, transfers, assignees.

-- DropIndex
DROP INDEX "dossier_holder_agency_id_status_due_at_idx";

-- AlterTable
ALTER TABLE "dossier" ADD COLUMN "applicant_search" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "dossier_transfer" (
    "id" BIGSERIAL NOT NULL,
    "dossier_id" UUID NOT NULL,
    "from_agency_id" INTEGER NOT NULL,
    "to_agency_id" INTEGER NOT NULL,
    "by_id" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dossier_transfer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "dossier_holder_agency_id_status_due_at_id_idx" ON "dossier"("holder_agency_id", "status", "due_at", "id");

-- CreateIndex
CREATE INDEX "dossier_holder_agency_id_assignee_id_status_due_at_id_idx" ON "dossier"("holder_agency_id", "assignee_id", "status", "due_at", "id");

-- CreateIndex
CREATE INDEX "dossier_holder_agency_id_service_id_status_due_at_id_idx" ON "dossier"("holder_agency_id", "service_id", "status", "due_at", "id");

-- CreateIndex
CREATE INDEX "dossier_receiving_agency_id_submitted_at_idx" ON "dossier"("receiving_agency_id", "submitted_at");

-- CreateIndex
CREATE INDEX "dossier_applicant_search_trgm_idx" ON "dossier" USING GIN ("applicant_search" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "dossier_transfer_from_agency_id_at_idx" ON "dossier_transfer"("from_agency_id", "at");

-- CreateIndex
CREATE INDEX "dossier_transfer_dossier_id_idx" ON "dossier_transfer"("dossier_id");

-- AddForeignKey
ALTER TABLE "dossier" ADD CONSTRAINT "dossier_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dossier_transfer" ADD CONSTRAINT "dossier_transfer_dossier_id_fkey" FOREIGN KEY ("dossier_id") REFERENCES "dossier"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dossier_transfer" ADD CONSTRAINT "dossier_transfer_from_agency_id_fkey" FOREIGN KEY ("from_agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dossier_transfer" ADD CONSTRAINT "dossier_transfer_to_agency_id_fkey" FOREIGN KEY ("to_agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dossier_transfer" ADD CONSTRAINT "dossier_transfer_by_id_fkey" FOREIGN KEY ("by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The applicant's name, folded, for searching without diacritics.
CREATE FUNCTION "dossier_set_applicant_search"() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    NEW."applicant_search" := "portal_fold"(NEW."applicant_name");
    RETURN NEW;
END
$$;

CREATE TRIGGER "dossier_applicant_search_trg"
    BEFORE INSERT OR UPDATE OF "applicant_name" ON "dossier"
    FOR EACH ROW EXECUTE FUNCTION "dossier_set_applicant_search"();

UPDATE "dossier" SET "applicant_search" = "portal_fold"("applicant_name");

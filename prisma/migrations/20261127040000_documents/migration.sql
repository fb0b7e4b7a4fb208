-- Electronic documents between agencies: documents, their papers, recipients with QCVN 102 statuses,
-- the status history both sides read, and per-agency numbering.

-- CreateTable
CREATE TABLE "document" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "message_id" UUID NOT NULL,
    "sender_agency_id" INTEGER NOT NULL,
    "document_key" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "notation" TEXT NOT NULL,
    "type_code" VARCHAR(8) NOT NULL,
    "type_name" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "promulgation_place" TEXT NOT NULL,
    "promulgation_date" DATE NOT NULL,
    "subject" TEXT NOT NULL,
    "subject_search" TEXT NOT NULL DEFAULT '',
    "content" TEXT,
    "signer_competence" TEXT,
    "signer_position" TEXT NOT NULL,
    "signer_name" TEXT NOT NULL,
    "due_date" DATE,
    "priority" SMALLINT NOT NULL DEFAULT 0,
    "secrecy" SMALLINT NOT NULL DEFAULT 0,
    "business_type" SMALLINT NOT NULL DEFAULT 0,
    "response_for_key" TEXT,
    "replaces_id" UUID,
    "created_by_id" UUID,
    "sha256" CHAR(64) NOT NULL,
    "sent_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "document_attachment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "document_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "storage_key" TEXT NOT NULL,

    CONSTRAINT "document_attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "document_recipient" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "document_id" UUID NOT NULL,
    "agency_id" INTEGER NOT NULL,
    "status" VARCHAR(2) NOT NULL DEFAULT '01',
    "arrival_number" INTEGER,
    "arrived_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acknowledged_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "document_recipient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "document_status_event" (
    "id" BIGSERIAL NOT NULL,
    "recipient_id" UUID NOT NULL,
    "status" VARCHAR(2) NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" UUID,
    "staff_name" TEXT,
    "department" TEXT,
    "description" TEXT,

    CONSTRAINT "document_status_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "document_number_sequence" (
    "agency_id" INTEGER NOT NULL,
    "type_code" VARCHAR(8) NOT NULL,
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "document_number_sequence_pkey" PRIMARY KEY ("agency_id","type_code","year")
);

-- CreateIndex
CREATE UNIQUE INDEX "document_message_id_key" ON "document"("message_id");

-- CreateIndex
CREATE UNIQUE INDEX "document_document_key_key" ON "document"("document_key");

-- CreateIndex
CREATE INDEX "document_sender_agency_id_sent_at_idx" ON "document"("sender_agency_id", "sent_at");

-- CreateIndex
CREATE INDEX "document_subject_search_trgm_idx" ON "document" USING GIN ("subject_search" gin_trgm_ops);

-- CreateIndex
CREATE UNIQUE INDEX "document_sender_agency_id_type_code_year_number_key" ON "document"("sender_agency_id", "type_code", "year", "number");

-- CreateIndex
CREATE UNIQUE INDEX "document_attachment_storage_key_key" ON "document_attachment"("storage_key");

-- CreateIndex
CREATE INDEX "document_attachment_document_id_idx" ON "document_attachment"("document_id");

-- CreateIndex
CREATE INDEX "document_recipient_agency_id_arrived_at_idx" ON "document_recipient"("agency_id", "arrived_at");

-- CreateIndex
CREATE INDEX "document_recipient_agency_id_status_arrived_at_idx" ON "document_recipient"("agency_id", "status", "arrived_at");

-- CreateIndex
CREATE UNIQUE INDEX "document_recipient_document_id_agency_id_key" ON "document_recipient"("document_id", "agency_id");

-- CreateIndex
CREATE INDEX "document_status_event_recipient_id_at_idx" ON "document_status_event"("recipient_id", "at");

-- AddForeignKey
ALTER TABLE "document" ADD CONSTRAINT "document_sender_agency_id_fkey" FOREIGN KEY ("sender_agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document_attachment" ADD CONSTRAINT "document_attachment_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "document"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document_recipient" ADD CONSTRAINT "document_recipient_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "document"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document_recipient" ADD CONSTRAINT "document_recipient_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document_status_event" ADD CONSTRAINT "document_status_event_recipient_id_fkey" FOREIGN KEY ("recipient_id") REFERENCES "document_recipient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- What Prisma's schema cannot express.
ALTER TABLE "document" ADD CONSTRAINT "document_levels_check" CHECK ("priority" BETWEEN 0 AND 3 AND "secrecy" BETWEEN 0 AND 3 AND "business_type" BETWEEN 0 AND 3);
ALTER TABLE "document_recipient" ADD CONSTRAINT "document_recipient_status_check" CHECK ("status" IN ('01', '02', '03', '04', '05', '06', '13', '15', '16'));

CREATE FUNCTION "document_set_subject_search"() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    NEW."subject_search" := "portal_fold"(NEW."subject");
    RETURN NEW;
END
$$;

CREATE TRIGGER "document_subject_search_trg"
    BEFORE INSERT OR UPDATE OF "subject" ON "document"
    FOR EACH ROW EXECUTE FUNCTION "document_set_subject_search"();

-- The status history is append-only: it is what both sides rely on.
CREATE TRIGGER "document_status_event_append_only"
    BEFORE UPDATE OR DELETE ON "document_status_event"
    FOR EACH ROW EXECUTE FUNCTION "refuse_change"();

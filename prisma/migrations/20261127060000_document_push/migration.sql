-- Updates and replacements point at the document they revise (edXML business types 2 and 3).
-- Push delivery of documents and status messages to agencies that register an endpoint, through the
-- outbox; outbox rows name the agency they are for, so dead letters can be listed per agency.

-- CreateTable
CREATE TABLE "document_endpoint" (
    "agency_id" INTEGER NOT NULL,
    "url" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "document_endpoint_pkey" PRIMARY KEY ("agency_id")
);

-- AlterTable
ALTER TABLE "outbox_message" ADD COLUMN "agency_id" INTEGER;

-- CreateIndex
CREATE INDEX "document_replaces_id_idx" ON "document"("replaces_id");

-- CreateIndex
CREATE INDEX "outbox_message_agency_id_status_idx" ON "outbox_message"("agency_id", "status");

-- AddForeignKey
ALTER TABLE "document_endpoint" ADD CONSTRAINT "document_endpoint_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outbox_message" ADD CONSTRAINT "outbox_message_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document" ADD CONSTRAINT "document_replaces_id_fkey" FOREIGN KEY ("replaces_id") REFERENCES "document"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The document registers page by keyset (issue 19): newest first, ties broken by id, so a page boundary is
-- one row and the hundredth page costs what the first does. The (agency, time) indexes gain the id as their
-- last column (the same index scanned backwards serves "newest first"); the narrower ones are dropped.
DROP INDEX "document_recipient_agency_id_arrived_at_idx";
CREATE INDEX "document_recipient_agency_id_arrived_at_id_idx" ON "document_recipient"("agency_id", "arrived_at", "id");
DROP INDEX "document_sender_agency_id_sent_at_idx";
CREATE INDEX "document_sender_agency_id_sent_at_id_idx" ON "document"("sender_agency_id", "sent_at", "id");

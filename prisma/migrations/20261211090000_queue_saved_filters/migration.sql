-- Issue 19, the officer's queue (lib/dossiers/queue.ts): filter sets an officer saves under a name and applies
-- again later, their own only; and the order of the "all statuses" tab (an agency's dossiers by due date,
-- whatever their status), keyset-paged on (due_at, id) both ways.
CREATE TABLE "queue_saved_filter" (
    "id" SERIAL NOT NULL,
    "user_id" UUID NOT NULL,
    "name" VARCHAR(80) NOT NULL,
    "params" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "queue_saved_filter_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "queue_saved_filter_user_id_name_key" ON "queue_saved_filter"("user_id", "name");
ALTER TABLE "queue_saved_filter" ADD CONSTRAINT "queue_saved_filter_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE INDEX "dossier_holder_agency_id_due_at_id_idx" ON "dossier"("holder_agency_id", "due_at", "id");

-- Monitoring: what an administrator records about an agency's document connection (marked as testing, or
-- a connection date from before the exchange log existed), shown as "recorded", never mixed with what is
-- measured from the log; and the register of rows the demo seed generated or changed (demo data label).

-- CreateEnum
CREATE TYPE "ConnectionRecordKind" AS ENUM ('TESTING', 'RECEIVING_ONLY', 'BOTH_WAYS', 'CLEARED');

-- CreateTable
CREATE TABLE "agency_connection_record" (
    "id" BIGSERIAL NOT NULL,
    "agency_id" INTEGER NOT NULL,
    "kind" "ConnectionRecordKind" NOT NULL,
    "connected_since" DATE,
    "note" TEXT,
    "recorded_by_id" UUID,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "agency_connection_record_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "demo_data" (
    "entity" VARCHAR(32) NOT NULL,
    "entity_id" TEXT NOT NULL,
    "note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "demo_data_pkey" PRIMARY KEY ("entity","entity_id")
);

-- CreateIndex
CREATE INDEX "agency_connection_record_agency_id_recorded_at_idx" ON "agency_connection_record"("agency_id", "recorded_at");

-- AddForeignKey
ALTER TABLE "agency_connection_record" ADD CONSTRAINT "agency_connection_record_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agency_connection_record" ADD CONSTRAINT "agency_connection_record_recorded_by_id_fkey" FOREIGN KEY ("recorded_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

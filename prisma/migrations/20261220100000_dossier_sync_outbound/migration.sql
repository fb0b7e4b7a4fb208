-- Issue 17, dossier sync (outbound half): a service whose agency processes its dossiers in its own one-stop
-- system (intake mode SYNC); a dossier filed on the portal for such a service is delivered to that system
-- (delivery_state PENDING → DELIVERED → ACKNOWLEDGED; NULL for a dossier processed in the portal's officer
-- pages), pushed to the agency's sync endpoint (signed with its secret) through the outbox.

-- CreateEnum
CREATE TYPE "IntakeMode" AS ENUM ('PORTAL', 'SYNC');

-- CreateEnum
CREATE TYPE "DeliveryState" AS ENUM ('PENDING', 'DELIVERED', 'ACKNOWLEDGED');

-- AlterTable
ALTER TABLE "service" ADD COLUMN "intake_mode" "IntakeMode" NOT NULL DEFAULT 'PORTAL';

-- AlterTable
ALTER TABLE "dossier" ADD COLUMN "delivery_state" "DeliveryState",
ADD COLUMN "delivered_at" TIMESTAMPTZ(3),
ADD COLUMN "acknowledged_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "sync_endpoint" (
    "agency_id" INTEGER NOT NULL,
    "url" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sync_endpoint_pkey" PRIMARY KEY ("agency_id")
);

-- CreateIndex: the pull inbox (an agency's dossiers not yet acknowledged).
CREATE INDEX "dossier_holder_agency_id_delivery_state_idx" ON "dossier"("holder_agency_id", "delivery_state");

-- AddForeignKey
ALTER TABLE "sync_endpoint" ADD CONSTRAINT "sync_endpoint_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

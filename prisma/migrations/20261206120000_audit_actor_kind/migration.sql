-- Every caller is an actor: a signed-in user, an agency's own system (API key), a payment gateway, or a
-- job. The audit trail says which kind, and for non-users which key, gateway or job.

-- AlterTable
ALTER TABLE "audit_event" ADD COLUMN "actor_kind" VARCHAR(24) NOT NULL DEFAULT 'user',
ADD COLUMN "actor_ref" TEXT,
ADD COLUMN "actor_agency_id" INTEGER;

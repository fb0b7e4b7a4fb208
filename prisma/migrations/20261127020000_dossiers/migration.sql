-- Online filing: drafts, attachments, dossiers and their hash-chained history, payments,
-- notifications, the outbox, the working-day calendar and administrative units.

-- CreateEnum
CREATE TYPE "CalendarDayKind" AS ENUM ('HOLIDAY', 'WORKDAY');

-- CreateEnum
CREATE TYPE "AdminUnitLevel" AS ENUM ('PROVINCE', 'DISTRICT', 'WARD');

-- CreateEnum
CREATE TYPE "PaymentStatus" AS ENUM ('PENDING', 'PAID', 'FAILED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('PENDING', 'SENT', 'DEAD');

-- CreateTable
CREATE TABLE "calendar_day" (
    "date" DATE NOT NULL,
    "kind" "CalendarDayKind" NOT NULL,
    "name" TEXT NOT NULL,
    "source" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "calendar_day_pkey" PRIMARY KEY ("date")
);

-- CreateTable
CREATE TABLE "admin_unit" (
    "code" VARCHAR(5) NOT NULL,
    "name" TEXT NOT NULL,
    "level" "AdminUnitLevel" NOT NULL,
    "parent_code" VARCHAR(5),

    CONSTRAINT "admin_unit_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "draft" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "service_id" INTEGER NOT NULL,
    "answers" JSONB NOT NULL DEFAULT '{}',
    "step" INTEGER NOT NULL DEFAULT 0,
    "form_version" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "draft_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "attachment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "owner_id" UUID NOT NULL,
    "draft_id" UUID,
    "dossier_id" UUID,
    "field_id" TEXT,
    "purpose" VARCHAR(16) NOT NULL,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "storage_key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dossier_sequence" (
    "agency_id" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "dossier_sequence_pkey" PRIMARY KEY ("agency_id","day")
);

-- CreateTable
CREATE TABLE "dossier" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "code" VARCHAR(40) NOT NULL,
    "service_id" INTEGER NOT NULL,
    "receiving_agency_id" INTEGER NOT NULL,
    "holder_agency_id" INTEGER NOT NULL,
    "applicant_id" UUID NOT NULL,
    "applicant_name" TEXT NOT NULL,
    "status" SMALLINT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "channel" SMALLINT NOT NULL DEFAULT 2,
    "online_level" SMALLINT NOT NULL,
    "answers" JSONB NOT NULL,
    "form_snapshot" JSONB NOT NULL,
    "fee_snapshot" JSONB NOT NULL,
    "processing_days" INTEGER NOT NULL,
    "fee_amount" INTEGER NOT NULL DEFAULT 0,
    "paid_amount" INTEGER NOT NULL DEFAULT 0,
    "idempotency_key" VARCHAR(64) NOT NULL,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL,
    "received_at" TIMESTAMPTZ(3),
    "due_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    "returned_at" TIMESTAMPTZ(3),
    "withdrawn_at" TIMESTAMPTZ(3),
    "assignee_id" UUID,
    "rating" SMALLINT,
    "rating_comment" TEXT,
    "rated_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dossier_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dossier_event" (
    "id" BIGSERIAL NOT NULL,
    "dossier_id" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" UUID,
    "actor_role" "Role",
    "agency_id" INTEGER,
    "action" TEXT NOT NULL,
    "from_status" SMALLINT,
    "to_status" SMALLINT,
    "note" TEXT,
    "data" JSONB,
    "visible_to_applicant" BOOLEAN NOT NULL DEFAULT true,
    "prev_hash" CHAR(64),
    "hash" CHAR(64) NOT NULL,

    CONSTRAINT "dossier_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "dossier_id" UUID NOT NULL,
    "amount" INTEGER NOT NULL,
    "status" "PaymentStatus" NOT NULL DEFAULT 'PENDING',
    "gateway" VARCHAR(32) NOT NULL,
    "gateway_txn_id" VARCHAR(64),
    "receipt_no" VARCHAR(32),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "paid_at" TIMESTAMPTZ(3),
    "failed_at" TIMESTAMPTZ(3),
    "failure_reason" TEXT,

    CONSTRAINT "payment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payment_callback" (
    "id" BIGSERIAL NOT NULL,
    "payment_id" UUID,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "body" JSONB NOT NULL,
    "signature_valid" BOOLEAN NOT NULL,
    "outcome" VARCHAR(32) NOT NULL,

    CONSTRAINT "payment_callback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification" (
    "id" BIGSERIAL NOT NULL,
    "user_id" UUID NOT NULL,
    "dossier_id" UUID,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "link" TEXT,
    "read_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outbox_message" (
    "id" BIGSERIAL NOT NULL,
    "kind" VARCHAR(32) NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "OutboxStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "outbox_message_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "admin_unit_parent_code_name_idx" ON "admin_unit"("parent_code", "name");

-- CreateIndex
CREATE UNIQUE INDEX "draft_user_id_service_id_key" ON "draft"("user_id", "service_id");

-- CreateIndex
CREATE UNIQUE INDEX "attachment_storage_key_key" ON "attachment"("storage_key");

-- CreateIndex
CREATE INDEX "attachment_draft_id_idx" ON "attachment"("draft_id");

-- CreateIndex
CREATE INDEX "attachment_dossier_id_idx" ON "attachment"("dossier_id");

-- CreateIndex
CREATE UNIQUE INDEX "dossier_code_key" ON "dossier"("code");

-- CreateIndex
CREATE INDEX "dossier_applicant_id_created_at_idx" ON "dossier"("applicant_id", "created_at");

-- CreateIndex
CREATE INDEX "dossier_holder_agency_id_status_due_at_idx" ON "dossier"("holder_agency_id", "status", "due_at");

-- CreateIndex
CREATE UNIQUE INDEX "dossier_applicant_id_idempotency_key_key" ON "dossier"("applicant_id", "idempotency_key");

-- CreateIndex
CREATE UNIQUE INDEX "dossier_event_dossier_id_seq_key" ON "dossier_event"("dossier_id", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "payment_gateway_txn_id_key" ON "payment"("gateway_txn_id");

-- CreateIndex
CREATE UNIQUE INDEX "payment_receipt_no_key" ON "payment"("receipt_no");

-- CreateIndex
CREATE INDEX "payment_dossier_id_idx" ON "payment"("dossier_id");

-- CreateIndex
CREATE INDEX "payment_callback_payment_id_idx" ON "payment_callback"("payment_id");

-- CreateIndex
CREATE INDEX "notification_user_id_created_at_idx" ON "notification"("user_id", "created_at");

-- CreateIndex
CREATE INDEX "outbox_message_status_next_attempt_at_idx" ON "outbox_message"("status", "next_attempt_at");

-- AddForeignKey
ALTER TABLE "draft" ADD CONSTRAINT "draft_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "draft" ADD CONSTRAINT "draft_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "service"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachment" ADD CONSTRAINT "attachment_draft_id_fkey" FOREIGN KEY ("draft_id") REFERENCES "draft"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachment" ADD CONSTRAINT "attachment_dossier_id_fkey" FOREIGN KEY ("dossier_id") REFERENCES "dossier"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dossier" ADD CONSTRAINT "dossier_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "service"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dossier" ADD CONSTRAINT "dossier_receiving_agency_id_fkey" FOREIGN KEY ("receiving_agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dossier" ADD CONSTRAINT "dossier_holder_agency_id_fkey" FOREIGN KEY ("holder_agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dossier" ADD CONSTRAINT "dossier_applicant_id_fkey" FOREIGN KEY ("applicant_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dossier_event" ADD CONSTRAINT "dossier_event_dossier_id_fkey" FOREIGN KEY ("dossier_id") REFERENCES "dossier"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payment" ADD CONSTRAINT "payment_dossier_id_fkey" FOREIGN KEY ("dossier_id") REFERENCES "dossier"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payment_callback" ADD CONSTRAINT "payment_callback_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "payment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_dossier_id_fkey" FOREIGN KEY ("dossier_id") REFERENCES "dossier"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- What Prisma's schema cannot express.
ALTER TABLE "dossier" ADD CONSTRAINT "dossier_status_check" CHECK ("status" BETWEEN 1 AND 10);
ALTER TABLE "dossier" ADD CONSTRAINT "dossier_channel_check" CHECK ("channel" BETWEEN 1 AND 3);
ALTER TABLE "dossier" ADD CONSTRAINT "dossier_rating_check" CHECK ("rating" BETWEEN 1 AND 5);
ALTER TABLE "dossier" ADD CONSTRAINT "dossier_money_check" CHECK ("fee_amount" >= 0 AND "paid_amount" >= 0);
ALTER TABLE "payment" ADD CONSTRAINT "payment_amount_check" CHECK ("amount" > 0);
ALTER TABLE "attachment" ADD CONSTRAINT "attachment_size_check" CHECK ("size" > 0);

-- The dossier history is append-only, like the audit trail.
CREATE FUNCTION "refuse_change"() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER "dossier_event_append_only"
    BEFORE UPDATE OR DELETE ON "dossier_event"
    FOR EACH ROW EXECUTE FUNCTION "refuse_change"();

CREATE TRIGGER "dossier_event_no_truncate"
    BEFORE TRUNCATE ON "dossier_event"
    FOR EACH STATEMENT EXECUTE FUNCTION "refuse_change"();

-- Issue 18: citizens' feedback and petitions (phản ánh, kiến nghị; lib/feedback): the items, what happened to
-- each, their attachments, and the per-day sequence of their codes (PAKN.YYYYMMDD.NNNN).
CREATE TABLE "feedback" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "code" VARCHAR(24) NOT NULL,
    "topic" VARCHAR(20) NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "content" TEXT NOT NULL,
    "submitter_id" UUID,
    "submitter_name" VARCHAR(200) NOT NULL,
    "submitter_email" VARCHAR(254) NOT NULL,
    "submitter_phone" VARCHAR(16),
    "procedure_id" INTEGER,
    "named_agency_id" INTEGER,
    "dossier_id" UUID,
    "agency_id" INTEGER,
    "status" VARCHAR(20) NOT NULL,
    "consent" BOOLEAN NOT NULL DEFAULT false,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "assigned_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "forward_due_at" TIMESTAMPTZ(3) NOT NULL,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "refusal_reason" TEXT,
    "answer" TEXT,
    "answer_state" VARCHAR(20),
    "answer_by_id" UUID,
    "approved_by_id" UUID,
    "review_note" TEXT,
    "answered_at" TIMESTAMPTZ(3),
    "public_title" TEXT,
    "public_question" TEXT,
    "public_answer" TEXT,
    "published_at" TIMESTAMPTZ(3),
    "search_text" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "feedback_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "feedback_code_key" ON "feedback"("code");
CREATE INDEX "feedback_agency_id_status_due_at_idx" ON "feedback"("agency_id", "status", "due_at");
CREATE INDEX "feedback_status_published_at_idx" ON "feedback"("status", "published_at");
CREATE INDEX "feedback_submitter_id_idx" ON "feedback"("submitter_id");
CREATE INDEX "feedback_search_text_trgm_idx" ON "feedback" USING GIN ("search_text" gin_trgm_ops);
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_submitter_id_fkey" FOREIGN KEY ("submitter_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_procedure_id_fkey" FOREIGN KEY ("procedure_id") REFERENCES "procedure"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_named_agency_id_fkey" FOREIGN KEY ("named_agency_id") REFERENCES "agency"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_dossier_id_fkey" FOREIGN KEY ("dossier_id") REFERENCES "dossier"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Only what is published is searched: the folded public title, question and answer (never the submitter's own text).
CREATE FUNCTION "feedback_set_search_text"() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    NEW."search_text" := "portal_fold"(concat_ws(' ', NEW."public_title", NEW."public_question", NEW."public_answer"));
    RETURN NEW;
END
$$;
CREATE TRIGGER "feedback_search_text_trg"
    BEFORE INSERT OR UPDATE OF "public_title", "public_question", "public_answer" ON "feedback"
    FOR EACH ROW EXECUTE FUNCTION "feedback_set_search_text"();

CREATE TABLE "feedback_event" (
    "id" BIGSERIAL NOT NULL,
    "feedback_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" UUID,
    "action" VARCHAR(30) NOT NULL,
    "from_status" VARCHAR(20),
    "to_status" VARCHAR(20) NOT NULL,
    "from_agency_id" INTEGER,
    "to_agency_id" INTEGER,
    "note" TEXT,

    CONSTRAINT "feedback_event_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "feedback_event_feedback_id_at_idx" ON "feedback_event"("feedback_id", "at");
ALTER TABLE "feedback_event" ADD CONSTRAINT "feedback_event_feedback_id_fkey" FOREIGN KEY ("feedback_id") REFERENCES "feedback"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "feedback_attachment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "feedback_id" UUID NOT NULL,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "storage_key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "feedback_attachment_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "feedback_attachment_feedback_id_idx" ON "feedback_attachment"("feedback_id");
CREATE INDEX "feedback_attachment_storage_key_idx" ON "feedback_attachment"("storage_key");
ALTER TABLE "feedback_attachment" ADD CONSTRAINT "feedback_attachment_feedback_id_fkey" FOREIGN KEY ("feedback_id") REFERENCES "feedback"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "feedback_sequence" (
    "day" DATE NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "feedback_sequence_pkey" PRIMARY KEY ("day")
);

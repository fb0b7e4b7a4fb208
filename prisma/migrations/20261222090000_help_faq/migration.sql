-- Issue 18, help by life event: frequently asked questions (lib/help/faq.ts), general (no procedure) or about one
-- procedure, edited by catalog administrators (catalog.faq), searched like the catalog (portal_fold + trigrams);
-- and the page a "report a problem" link was followed from, kept on the feedback item it filed (lib/feedback/submit.ts).
CREATE TABLE "faq" (
    "id" SERIAL NOT NULL,
    -- NULL: a general question about the portal; otherwise the procedure it is about.
    "procedure_id" INTEGER,
    "question" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    -- The order within its procedure (or among the general questions), smallest first.
    "position" INTEGER NOT NULL DEFAULT 0,
    -- portal_fold(question || answer), kept by the trigger below.
    "search_text" TEXT NOT NULL DEFAULT '',
    -- Optimistic concurrency: an edit names the version it read.
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "faq_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "faq_procedure_id_position_idx" ON "faq"("procedure_id", "position");
CREATE INDEX "faq_search_text_trgm_idx" ON "faq" USING GIN ("search_text" gin_trgm_ops);
ALTER TABLE "faq" ADD CONSTRAINT "faq_procedure_id_fkey" FOREIGN KEY ("procedure_id") REFERENCES "procedure"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "faq" ADD CONSTRAINT "faq_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE FUNCTION "faq_set_search_text"() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    NEW."search_text" := "portal_fold"(concat_ws(' ', NEW."question", NEW."answer"));
    RETURN NEW;
END
$$;
CREATE TRIGGER "faq_search_text_trg"
    BEFORE INSERT OR UPDATE OF "question", "answer" ON "faq"
    FOR EACH ROW EXECUTE FUNCTION "faq_set_search_text"();

-- The portal page a "report a problem" link came from (a path such as /thu-tuc/1.001193), when it did.
ALTER TABLE "feedback" ADD COLUMN "source_page" VARCHAR(300);

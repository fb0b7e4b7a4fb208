-- Search and list the national procedures themselves (one row per procedure, before choosing an agency).

-- AlterTable
ALTER TABLE "procedure" ADD COLUMN "search_text" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE INDEX "procedure_search_text_trgm_idx" ON "procedure" USING GIN ("search_text" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "procedure_search_text_id_idx" ON "procedure"("search_text", "id");

-- One trigger function keeps every table's search column: search_text = portal_fold(name).
CREATE FUNCTION "set_search_text_from_name"() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    NEW."search_text" := "portal_fold"(NEW."name");
    RETURN NEW;
END
$$;

DROP TRIGGER "service_search_text_trg" ON "service";
DROP FUNCTION "service_set_search_text"();

CREATE TRIGGER "service_search_text_trg"
    BEFORE INSERT OR UPDATE OF "name" ON "service"
    FOR EACH ROW EXECUTE FUNCTION "set_search_text_from_name"();

CREATE TRIGGER "procedure_search_text_trg"
    BEFORE INSERT OR UPDATE OF "name" ON "procedure"
    FOR EACH ROW EXECUTE FUNCTION "set_search_text_from_name"();

UPDATE "procedure" SET "search_text" = "portal_fold"("name");

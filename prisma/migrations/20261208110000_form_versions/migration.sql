-- Forms as versioned data (issue #14). A form version belongs to a procedure: agency_id NULL is the national
-- form, edited by VPCP; agency_id set is that agency's own variant for its service of the procedure. A
-- version is a draft, then published (the one in effect), then retired when a later one is published. A
-- service points at the version in effect; a dossier and a draft keep the version they were filed / started
-- on (null for rows older than this migration; a dossier also keeps its form snapshot).
CREATE TYPE "FormVersionStatus" AS ENUM ('draft', 'published', 'retired');

CREATE TABLE "form_version" (
    "id" SERIAL NOT NULL,
    "procedure_id" INTEGER NOT NULL,
    "agency_id" INTEGER,
    "version" INTEGER NOT NULL,
    "status" "FormVersionStatus" NOT NULL DEFAULT 'draft',
    "definition" JSONB NOT NULL,
    "note" TEXT,
    "created_by" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_by" UUID,
    "published_at" TIMESTAMPTZ(3),

    CONSTRAINT "form_version_pkey" PRIMARY KEY ("id")
);

-- Version numbers count per (procedure, agency), the national form (agency NULL) included.
CREATE UNIQUE INDEX "form_version_procedure_id_agency_id_version_key" ON "form_version"("procedure_id", "agency_id", "version") NULLS NOT DISTINCT;
-- At most one draft and one published version at a time per (procedure, agency). Partial indexes: Prisma
-- cannot declare them, so they live here only (the drift check skips indexes with a predicate).
CREATE UNIQUE INDEX "form_version_one_draft" ON "form_version"("procedure_id", "agency_id") NULLS NOT DISTINCT WHERE "status" = 'draft';
CREATE UNIQUE INDEX "form_version_one_published" ON "form_version"("procedure_id", "agency_id") NULLS NOT DISTINCT WHERE "status" = 'published';
CREATE INDEX "form_version_agency_id_idx" ON "form_version"("agency_id");

ALTER TABLE "form_version" ADD CONSTRAINT "form_version_procedure_id_fkey" FOREIGN KEY ("procedure_id") REFERENCES "procedure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "form_version" ADD CONSTRAINT "form_version_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "form_version" ADD CONSTRAINT "form_version_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "form_version" ADD CONSTRAINT "form_version_published_by_fkey" FOREIGN KEY ("published_by") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Existing forms become version 1: per procedure, the national form is the definition most of its services
-- carry (the first service's on a tie); a service whose definition differs gets its agency's variant.
INSERT INTO "form_version" ("procedure_id", "agency_id", "version", "status", "definition", "published_at")
SELECT DISTINCT ON (x."procedure_id") x."procedure_id", NULL, 1, 'published', x."form_definition", now()
FROM (SELECT "procedure_id", "form_definition", count(*) AS n, min("id") AS first FROM "service" GROUP BY "procedure_id", "form_definition") x
ORDER BY x."procedure_id", x.n DESC, x.first;

INSERT INTO "form_version" ("procedure_id", "agency_id", "version", "status", "definition", "published_at")
SELECT s."procedure_id", s."agency_id", 1, 'published', s."form_definition", now()
FROM "service" s JOIN "form_version" n ON n."procedure_id" = s."procedure_id" AND n."agency_id" IS NULL
WHERE s."form_definition" <> n."definition";

ALTER TABLE "service" ADD COLUMN "form_version_id" INTEGER;
UPDATE "service" s SET "form_version_id" = COALESCE(
    (SELECT v."id" FROM "form_version" v WHERE v."procedure_id" = s."procedure_id" AND v."agency_id" = s."agency_id" AND v."status" = 'published'),
    (SELECT v."id" FROM "form_version" v WHERE v."procedure_id" = s."procedure_id" AND v."agency_id" IS NULL AND v."status" = 'published'));
ALTER TABLE "service" ALTER COLUMN "form_version_id" SET NOT NULL;
ALTER TABLE "service" DROP COLUMN "form_definition";
-- service.form_version was the optimistic-lock counter of the agency admin's settings, not a form version.
ALTER TABLE "service" RENAME COLUMN "form_version" TO "settings_version";
CREATE INDEX "service_form_version_id_idx" ON "service"("form_version_id");
ALTER TABLE "service" ADD CONSTRAINT "service_form_version_id_fkey" FOREIGN KEY ("form_version_id") REFERENCES "form_version"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A draft's copy of that counter meant nothing; it now keeps the form version it was started on.
ALTER TABLE "draft" DROP COLUMN "form_version";
ALTER TABLE "draft" ADD COLUMN "form_version_id" INTEGER;
ALTER TABLE "draft" ADD CONSTRAINT "draft_form_version_id_fkey" FOREIGN KEY ("form_version_id") REFERENCES "form_version"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "dossier" ADD COLUMN "form_version_id" INTEGER;
ALTER TABLE "dossier" ADD CONSTRAINT "dossier_form_version_id_fkey" FOREIGN KEY ("form_version_id") REFERENCES "form_version"("id") ON DELETE SET NULL ON UPDATE CASCADE;

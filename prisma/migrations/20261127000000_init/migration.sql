-- Extensions: accent-insensitive, typo-tolerant search.
CREATE EXTENSION IF NOT EXISTS "unaccent";
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateEnum
CREATE TYPE "AgencyKind" AS ENUM ('MINISTRY', 'MINISTRY_LEVEL', 'GOVERNMENT_AGENCY', 'PROVINCE', 'UNIT');

-- CreateEnum
CREATE TYPE "ImplementingLevel" AS ENUM ('CENTRAL', 'PROVINCE', 'DISTRICT', 'COMMUNE');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('CITIZEN', 'OFFICER', 'AGENCY_ADMIN', 'VPCP_ADMIN');

-- CreateTable
CREATE TABLE "agency" (
    "id" SERIAL NOT NULL,
    "identifier" VARCHAR(13) NOT NULL,
    "name" TEXT NOT NULL,
    "short_name" TEXT NOT NULL,
    "kind" "AgencyKind" NOT NULL,
    "parent_id" INTEGER,
    "province_code" VARCHAR(2),
    "valid_from" DATE NOT NULL DEFAULT '2015-01-01 00:00:00 +00:00',
    "valid_to" DATE,
    "successor_id" INTEGER,
    "sample_identifier" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "agency_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "field" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,

    CONSTRAINT "field_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "procedure" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(20) NOT NULL,
    "name" TEXT NOT NULL,
    "field_id" INTEGER NOT NULL,
    "implementing_level" "ImplementingLevel" NOT NULL,
    "online_level" SMALLINT NOT NULL,
    "applicants" TEXT[],
    "implementing_agency_name" TEXT NOT NULL,
    "competent_agency_name" TEXT NOT NULL,
    "channels" JSONB NOT NULL,
    "components" JSONB NOT NULL,
    "steps" JSONB NOT NULL,
    "legal_basis" JSONB NOT NULL,
    "result" TEXT NOT NULL,
    "conditions" TEXT NOT NULL,
    "sample" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "procedure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "service" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(40) NOT NULL,
    "procedure_id" INTEGER NOT NULL,
    "agency_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "online_level" SMALLINT NOT NULL,
    "channels" JSONB NOT NULL,
    "form_definition" JSONB NOT NULL,
    "form_version" INTEGER NOT NULL DEFAULT 1,
    "published" BOOLEAN NOT NULL DEFAULT true,
    "priority_year" INTEGER,
    "search_text" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "service_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_user" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "role" "Role" NOT NULL,
    "full_name" TEXT NOT NULL,
    "cccd" CHAR(12),
    "date_of_birth" DATE,
    "phone" VARCHAR(16),
    "email" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "agency_id" INTEGER,
    "disabled_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session" (
    "id" VARCHAR(64) NOT NULL,
    "user_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),
    "ip" VARCHAR(64),
    "user_agent" TEXT,

    CONSTRAINT "session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "login_attempt" (
    "id" BIGSERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "ip" VARCHAR(64) NOT NULL,
    "success" BOOLEAN NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "login_attempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_event" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" UUID,
    "actor_role" "Role",
    "action" TEXT NOT NULL,
    "outcome" VARCHAR(16) NOT NULL DEFAULT 'ok',
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT,
    "ip" VARCHAR(64),
    "user_agent" TEXT,
    "details" JSONB,

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "agency_identifier_key" ON "agency"("identifier");

-- CreateIndex
CREATE INDEX "agency_kind_short_name_idx" ON "agency"("kind", "short_name");

-- CreateIndex
CREATE UNIQUE INDEX "field_name_key" ON "field"("name");

-- CreateIndex
CREATE UNIQUE INDEX "field_slug_key" ON "field"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "procedure_code_key" ON "procedure"("code");

-- CreateIndex
CREATE INDEX "procedure_field_id_idx" ON "procedure"("field_id");

-- CreateIndex
CREATE UNIQUE INDEX "service_code_key" ON "service"("code");

-- CreateIndex
CREATE INDEX "service_search_text_trgm_idx" ON "service" USING GIN ("search_text" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "service_search_text_id_idx" ON "service"("search_text", "id");

-- CreateIndex
CREATE INDEX "service_agency_id_search_text_id_idx" ON "service"("agency_id", "search_text", "id");

-- CreateIndex
CREATE INDEX "service_procedure_id_idx" ON "service"("procedure_id");

-- CreateIndex
CREATE UNIQUE INDEX "service_agency_id_procedure_id_key" ON "service"("agency_id", "procedure_id");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_cccd_key" ON "app_user"("cccd");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_email_key" ON "app_user"("email");

-- CreateIndex
CREATE INDEX "app_user_agency_id_role_idx" ON "app_user"("agency_id", "role");

-- CreateIndex
CREATE INDEX "session_user_id_idx" ON "session"("user_id");

-- CreateIndex
CREATE INDEX "login_attempt_email_created_at_idx" ON "login_attempt"("email", "created_at");

-- CreateIndex
CREATE INDEX "login_attempt_ip_created_at_idx" ON "login_attempt"("ip", "created_at");

-- CreateIndex
CREATE INDEX "audit_event_entity_type_entity_id_idx" ON "audit_event"("entity_type", "entity_id");

-- CreateIndex
CREATE INDEX "audit_event_actor_id_at_idx" ON "audit_event"("actor_id", "at");

-- CreateIndex
CREATE INDEX "audit_event_at_idx" ON "audit_event"("at");

-- AddForeignKey
ALTER TABLE "agency" ADD CONSTRAINT "agency_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "agency"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agency" ADD CONSTRAINT "agency_successor_id_fkey" FOREIGN KEY ("successor_id") REFERENCES "agency"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "procedure" ADD CONSTRAINT "procedure_field_id_fkey" FOREIGN KEY ("field_id") REFERENCES "field"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service" ADD CONSTRAINT "service_procedure_id_fkey" FOREIGN KEY ("procedure_id") REFERENCES "procedure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service" ADD CONSTRAINT "service_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- What Prisma's schema cannot express: checks, the search column's trigger, the append-only audit trail.

ALTER TABLE "agency" ADD CONSTRAINT "agency_identifier_format_check"
    CHECK ("identifier" ~ '^[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.[A-Z][0-9]{2}$');
ALTER TABLE "procedure" ADD CONSTRAINT "procedure_online_level_check" CHECK ("online_level" BETWEEN 1 AND 4);
ALTER TABLE "service" ADD CONSTRAINT "service_online_level_check" CHECK ("online_level" BETWEEN 1 AND 4);

-- unaccent() is only STABLE (it reads a dictionary); the search folding is used by triggers and queries.
CREATE FUNCTION "portal_fold"(input TEXT) RETURNS TEXT
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, input)) $$;

CREATE FUNCTION "service_set_search_text"() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    NEW."search_text" := "portal_fold"(NEW."name");
    RETURN NEW;
END
$$;

CREATE TRIGGER "service_search_text_trg"
    BEFORE INSERT OR UPDATE OF "name" ON "service"
    FOR EACH ROW EXECUTE FUNCTION "service_set_search_text"();

CREATE FUNCTION "audit_event_refuse_change"() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER "audit_event_append_only"
    BEFORE UPDATE OR DELETE ON "audit_event"
    FOR EACH ROW EXECUTE FUNCTION "audit_event_refuse_change"();

CREATE TRIGGER "audit_event_no_truncate"
    BEFORE TRUNCATE ON "audit_event"
    FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_refuse_change"();

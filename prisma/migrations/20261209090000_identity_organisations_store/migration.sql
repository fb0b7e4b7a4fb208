-- Issue 15: the national e-ID (OpenID Connect) and assurance levels, a second factor for staff, organisations
-- and representatives, and the personal document store.

-- Accounts. An account made by a first e-ID sign-in has no password and may have no e-mail address; the
-- identity details the e-ID vouched for are marked verified (and are no longer editable by hand).
ALTER TABLE "app_user" ALTER COLUMN "email" DROP NOT NULL;
ALTER TABLE "app_user" ALTER COLUMN "password_hash" DROP NOT NULL;
ALTER TABLE "app_user" ADD COLUMN "eid_subject" VARCHAR(255);
ALTER TABLE "app_user" ADD COLUMN "identity_verified_at" TIMESTAMPTZ(3);
ALTER TABLE "app_user" ADD COLUMN "assurance_level" SMALLINT NOT NULL DEFAULT 1;
ALTER TABLE "app_user" ADD COLUMN "address" TEXT;
ALTER TABLE "app_user" ADD COLUMN "totp_secret" TEXT;
ALTER TABLE "app_user" ADD COLUMN "totp_enabled_at" TIMESTAMPTZ(3);
CREATE UNIQUE INDEX "app_user_eid_subject_key" ON "app_user"("eid_subject");
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_assurance_level_check" CHECK ("assurance_level" IN (1, 2));

-- Sessions: how this sign-in was made, the level it reached, and when its second factor was given.
ALTER TABLE "session" ADD COLUMN "auth_method" VARCHAR(16) NOT NULL DEFAULT 'password';
ALTER TABLE "session" ADD COLUMN "assurance_level" SMALLINT NOT NULL DEFAULT 1;
ALTER TABLE "session" ADD COLUMN "second_factor_at" TIMESTAMPTZ(3);
ALTER TABLE "session" ADD CONSTRAINT "session_assurance_level_check" CHECK ("assurance_level" IN (1, 2));

-- Recovery codes for a lost authenticator: only the SHA-256 is kept; each is used once.
CREATE TABLE "recovery_code" (
    "id" BIGSERIAL NOT NULL,
    "user_id" UUID NOT NULL,
    "code_hash" CHAR(64) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "used_at" TIMESTAMPTZ(3),

    CONSTRAINT "recovery_code_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "recovery_code_code_hash_key" ON "recovery_code"("code_hash");
CREATE INDEX "recovery_code_user_id_idx" ON "recovery_code"("user_id");
ALTER TABLE "recovery_code" ADD CONSTRAINT "recovery_code_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- An e-ID sign-in whose identity matches an existing password account: held until the citizen proves they
-- hold that account (its password), then the e-ID is linked to it. Only the token's SHA-256 is kept.
CREATE TABLE "eid_link_request" (
    "id" BIGSERIAL NOT NULL,
    "token_hash" CHAR(64) NOT NULL,
    "user_id" UUID NOT NULL,
    "claims" JSONB NOT NULL,
    "assurance_level" SMALLINT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),

    CONSTRAINT "eid_link_request_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "eid_link_request_token_hash_key" ON "eid_link_request"("token_hash");
CREATE INDEX "eid_link_request_user_id_idx" ON "eid_link_request"("user_id");
ALTER TABLE "eid_link_request" ADD CONSTRAINT "eid_link_request_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A procedure may require the e-ID's level 2 (a citizen signed in below it is sent to step up).
ALTER TABLE "procedure" ADD COLUMN "assurance_level" SMALLINT NOT NULL DEFAULT 1;
ALTER TABLE "procedure" ADD CONSTRAINT "procedure_assurance_level_check" CHECK ("assurance_level" IN (1, 2));

-- Organisations (enterprises and other bodies) under their enterprise or tax code, and their members.
CREATE TABLE "organisation" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tax_code" VARCHAR(14) NOT NULL,
    "name" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "legal_representative" TEXT NOT NULL,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "organisation_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "organisation_tax_code_key" ON "organisation"("tax_code");
ALTER TABLE "organisation" ADD CONSTRAINT "organisation_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "organisation_member" (
    "organisation_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    -- representative | member
    "role" VARCHAR(16) NOT NULL,
    "added_by_id" UUID,
    "added_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "organisation_member_pkey" PRIMARY KEY ("organisation_id", "user_id"),
    CONSTRAINT "organisation_member_role_check" CHECK ("role" IN ('representative', 'member'))
);
CREATE INDEX "organisation_member_user_id_idx" ON "organisation_member"("user_id");
ALTER TABLE "organisation_member" ADD CONSTRAINT "organisation_member_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "organisation_member" ADD CONSTRAINT "organisation_member_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A dossier filed for an organisation, or on behalf of another person (with an authorisation paper).
ALTER TABLE "dossier" ADD COLUMN "organisation_id" UUID;
ALTER TABLE "dossier" ADD COLUMN "represented_cccd" CHAR(12);
ALTER TABLE "dossier" ADD COLUMN "represented_name" TEXT;
ALTER TABLE "dossier" ADD CONSTRAINT "dossier_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "dossier" ADD CONSTRAINT "dossier_one_principal_check" CHECK ("organisation_id" IS NULL OR "represented_cccd" IS NULL);
CREATE INDEX "dossier_organisation_id_created_at_idx" ON "dossier"("organisation_id", "created_at");
CREATE INDEX "dossier_represented_cccd_idx" ON "dossier"("represented_cccd");

-- The same for a draft, so a resumed draft keeps who it is filed for.
ALTER TABLE "draft" ADD COLUMN "principal" JSONB;

-- The personal (or organisation's) document store: papers uploaded with dossiers and results returned.
-- A stored paper names the bytes it keeps (storage_key); attachments that reuse it point at it and share
-- the key, so the bytes are stored once and removed only when no row references them.
CREATE TABLE "stored_paper" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "owner_user_id" UUID,
    "owner_organisation_id" UUID,
    -- What kind of paper it is, as named by the procedure's component or the form's paper label.
    "kind" TEXT NOT NULL,
    -- portal_fold(kind): how a form's paper finds papers of the same kind.
    "kind_key" TEXT NOT NULL,
    "issuer" TEXT,
    "valid_until" DATE,
    -- upload | result
    "source" VARCHAR(16) NOT NULL,
    "source_dossier_id" UUID,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "storage_key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "stored_paper_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "stored_paper_one_owner_check" CHECK (("owner_user_id" IS NULL) <> ("owner_organisation_id" IS NULL)),
    CONSTRAINT "stored_paper_source_check" CHECK ("source" IN ('upload', 'result'))
);
CREATE INDEX "stored_paper_owner_user_id_kind_key_idx" ON "stored_paper"("owner_user_id", "kind_key");
CREATE INDEX "stored_paper_owner_organisation_id_kind_key_idx" ON "stored_paper"("owner_organisation_id", "kind_key");
CREATE INDEX "stored_paper_storage_key_idx" ON "stored_paper"("storage_key");
ALTER TABLE "stored_paper" ADD CONSTRAINT "stored_paper_owner_user_id_fkey" FOREIGN KEY ("owner_user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "stored_paper" ADD CONSTRAINT "stored_paper_owner_organisation_id_fkey" FOREIGN KEY ("owner_organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "stored_paper" ADD CONSTRAINT "stored_paper_source_dossier_id_fkey" FOREIGN KEY ("source_dossier_id") REFERENCES "dossier"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "attachment" ADD COLUMN "stored_paper_id" UUID;
ALTER TABLE "attachment" ADD CONSTRAINT "attachment_stored_paper_id_fkey" FOREIGN KEY ("stored_paper_id") REFERENCES "stored_paper"("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE INDEX "attachment_stored_paper_id_idx" ON "attachment"("stored_paper_id");
-- A reused paper's attachment shares its stored paper's key.
DROP INDEX "attachment_storage_key_key";
CREATE INDEX "attachment_storage_key_idx" ON "attachment"("storage_key");

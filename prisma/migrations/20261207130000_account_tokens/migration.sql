-- E-mail verification and password reset. Existing accounts (and every account an administrator or a seed
-- creates) count as verified: the column's default is the moment of creation. Self-registration inserts
-- NULL and the account cannot sign in until its link is opened.
ALTER TABLE "app_user" ADD COLUMN "email_verified_at" TIMESTAMPTZ(3) DEFAULT CURRENT_TIMESTAMP;

-- CreateEnum
CREATE TYPE "AccountTokenPurpose" AS ENUM ('VERIFY_EMAIL', 'RESET_PASSWORD');

-- Links sent by e-mail: only the SHA-256 of the token is stored (hex), used once, expiring.
CREATE TABLE "account_token" (
    "id" BIGSERIAL NOT NULL,
    "user_id" UUID NOT NULL,
    "purpose" "AccountTokenPurpose" NOT NULL,
    "token_hash" CHAR(64) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),

    CONSTRAINT "account_token_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "account_token_token_hash_key" ON "account_token"("token_hash");
CREATE INDEX "account_token_user_id_purpose_idx" ON "account_token"("user_id", "purpose");

ALTER TABLE "account_token" ADD CONSTRAINT "account_token_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

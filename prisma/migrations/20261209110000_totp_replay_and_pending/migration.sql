-- Issue 15, second factor (lib/auth/second-factor.ts): the last TOTP time step accepted, so a code is refused a
-- second time within its step (replay), and a secret being enrolled, sealed, until its first code confirms it
-- (enrolling or replacing the authenticator never disturbs the one in use).
ALTER TABLE "app_user" ADD COLUMN "totp_last_step" BIGINT;
ALTER TABLE "app_user" ADD COLUMN "totp_pending_secret" TEXT;

-- Idle timeout: the last request seen on a session, written at most once a minute (lib/auth/sessions.ts).
-- Existing sessions count as seen now.
ALTER TABLE "session" ADD COLUMN "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- Sign-in attempts are counted by the shared limiter (rate_limit, keys hashed) since this release;
-- login_attempt, which kept every e-mail and address in clear, is no longer read or written.
DROP TABLE "login_attempt";

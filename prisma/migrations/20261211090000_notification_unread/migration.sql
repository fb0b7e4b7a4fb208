-- The site header shows a signed-in user's unread notifications on every navigation (GET /api/phien): one
-- count over this partial index, which holds only the unread rows, so the count stays small however many
-- notices a user has read. Partial, so it lives here only (schema.prisma cannot declare its predicate).
CREATE INDEX "notification_unread_idx" ON "notification"("user_id") WHERE "read_at" IS NULL;

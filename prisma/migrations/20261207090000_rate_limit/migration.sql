-- Counters of the rate limiter (rate-limiter-flexible's PostgreSQL store), shared by every app node.
-- Keys are hashes, never an address or an e-mail in clear; "expire" is epoch milliseconds.
CREATE TABLE "rate_limit" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "rate_limit_pkey" PRIMARY KEY ("key")
);

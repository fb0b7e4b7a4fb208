-- Next's data cache (unstable_cache, fetch cache, ISR) shared by every app node: lib/cache/next-cache-handler.mjs.
-- An entry belongs to one build (a new deploy never reads an old build's entries); a tag row says when the tag
-- was last expired, so an entry stored before that moment is a miss on every node. Both times are the
-- database's clock, so nodes whose clocks differ still agree.
CREATE TABLE "next_cache_entry" (
    "build_id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    -- What Next stored, as JSON (Buffers and Maps tagged, see the handler).
    "value" JSON NOT NULL,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    -- Next's lastModified (ms since the epoch, the writing node's clock): what Next computes an entry's age from.
    "last_modified" BIGINT NOT NULL,
    -- Seconds the entry is fresh (null: until a tag expires it).
    "revalidate" INTEGER,
    "cache_control" JSON,
    "stored_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "next_cache_entry_pkey" PRIMARY KEY ("build_id","key")
);

CREATE TABLE "next_cache_tag" (
    "tag" TEXT NOT NULL,
    "revalidated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "next_cache_tag_pkey" PRIMARY KEY ("tag")
);

-- The audit trail becomes a hash chain (lib/audit/chain.ts): every entry carries its position (seq), the
-- previous entry's hash and its own hash over its canonical content. lib/audit/record.ts appends under a
-- transaction-scoped advisory lock (audit_chain_head() below); lib/audit/integrity.ts verifies.
--
-- Entries already written are not rewritten (the table refuses UPDATE): they keep seq NULL and are sealed
-- as a whole by the chain's first entry, the genesis (seq 1), whose details hold their number, the highest
-- id among them and a digest over them (sha256 of the sha256 of each row's JSON, in id order; the same
-- expression is in lib/audit/integrity.ts). The genesis entry's hash is computed here exactly as
-- auditHash() computes it: sha256 of "\n" and the canonical JSON of its content (keys sorted).

-- AlterTable
ALTER TABLE "audit_event" ADD COLUMN "seq" BIGINT,
ADD COLUMN "prev_hash" CHAR(64),
ADD COLUMN "hash" CHAR(64);

-- CreateIndex
CREATE UNIQUE INDEX "audit_event_seq_key" ON "audit_event"("seq");

-- The genesis entry.
INSERT INTO "audit_event" ("at", "actor_kind", "actor_ref", "action", "outcome", "entity_type", "details", "seq", "prev_hash", "hash")
WITH "legacy" AS (
    SELECT count(*) AS "rows", max("id")::text AS "max_id",
           encode(sha256(convert_to(coalesce(string_agg(encode(sha256(convert_to(jsonb_build_array(
               "id"::text, to_char("at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS'), "actor_id"::text, "actor_role"::text,
               "actor_kind", "actor_ref", "actor_agency_id", "action", "outcome", "entity_type", "entity_id", "ip", "user_agent",
               "details")::text, 'UTF8')), 'hex'), E'\n' ORDER BY "id"), ''), 'UTF8')), 'hex') AS "digest"
    FROM "audit_event"
), "g" AS (
    SELECT date_trunc('milliseconds', clock_timestamp()) AS "at", "rows", "max_id", "digest" FROM "legacy"
), "body" AS (
    SELECT "g".*, '{"action":"audit.chainStart","actorAgencyId":null,"actorId":null,"actorKind":"job",'
               || '"actorRef":"migration:20261207110000_audit_chain","actorRole":null,'
               || '"at":"' || to_char("at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '",'
               || '"details":{"legacyDigest":"' || "digest" || '","legacyMaxId":' || coalesce('"' || "max_id" || '"', 'null')
               || ',"legacyRows":' || "rows"::text || '},'
               || '"entityId":null,"entityType":"audit_event","ip":null,"outcome":"ok","seq":1,"userAgent":null}' AS "canonical"
    FROM "g"
)
SELECT "at", 'job', 'migration:20261207110000_audit_chain', 'audit.chainStart', 'ok', 'audit_event',
       jsonb_build_object('legacyDigest', "digest", 'legacyMaxId', "max_id", 'legacyRows', "rows"),
       1, NULL, encode(sha256(convert_to(E'\n' || "canonical", 'UTF8')), 'hex')
FROM "body";

-- From now on every entry is chained: an INSERT without its place in the chain is refused.
CREATE FUNCTION "audit_event_require_chain"() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF NEW."seq" IS NULL OR NEW."hash" IS NULL THEN
        RAISE EXCEPTION 'audit_event entries are hash-chained: write them through lib/audit/record.ts' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER "audit_event_chained"
    BEFORE INSERT ON "audit_event"
    FOR EACH ROW EXECUTE FUNCTION "audit_event_require_chain"();

-- The chain's head for the next append, in one round trip: takes the transaction-scoped advisory lock (held
-- until the appending transaction ends), then reads the newest entry. PL/pgSQL runs each statement with a
-- fresh snapshot (READ COMMITTED), so the read sees the entry of whoever held the lock last.
CREATE FUNCTION "audit_chain_head"() RETURNS TABLE ("head_seq" BIGINT, "head_hash" CHAR(64))
    LANGUAGE plpgsql
    VOLATILE
    AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended('audit_event.chain', 0));
    RETURN QUERY SELECT a."seq", a."hash" FROM "audit_event" a WHERE a."seq" = (SELECT max(b."seq") FROM "audit_event" b);
END
$$;

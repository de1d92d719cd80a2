-- Tamper evidence: every event carries the hash of the event before it and its own hash (README "Audit log
-- integrity"; the canonical form is defined in libs/persistence/src/audit-chain.ts). Rows written before this
-- migration are hashed by the backfill that runs right after the migrations (libs/persistence/src/audit-backfill.ts).

-- AlterTable
ALTER TABLE "audit_events" ADD COLUMN     "hash" TEXT,
ADD COLUMN     "prev_hash" TEXT;

-- Hand-written: appends are serialised and must continue the chain. Whoever inserts (the API, several API
-- processes, a tool) takes the chain's transaction-scoped advisory lock before reading the head; this trigger
-- takes it too (re-entrant within a transaction) and refuses a row that does not continue the current head:
-- prev_hash must be the head's hash, sequence the head's plus one, occurred_at not before the head's (so a time
-- range is a sequence range: see the list query), and hash 64 lowercase hex characters. A writer that skipped
-- the lock, or raced, gets an error instead of forking the chain. Lock id 72707401 (Prisma's migrate lock is
-- 72707369).
CREATE FUNCTION "audit_events_chain_append"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    head RECORD;
BEGIN
    PERFORM pg_advisory_xact_lock(72707401);
    SELECT "sequence", "hash", "occurred_at" INTO head
      FROM "audit_events" ORDER BY "sequence" DESC LIMIT 1;
    IF NEW."hash" IS NULL OR NEW."hash" !~ '^[0-9a-f]{64}$' THEN
        RAISE EXCEPTION 'audit_events: hash must be 64 lowercase hex characters'
            USING ERRCODE = 'check_violation';
    END IF;
    IF head IS NULL THEN
        IF NEW."prev_hash" IS DISTINCT FROM repeat('0', 64) THEN
            RAISE EXCEPTION 'audit_events: the first event must have the genesis prev_hash'
                USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
    END IF;
    IF head."hash" IS NULL THEN
        RAISE EXCEPTION 'audit_events: the chain is not backfilled yet (run the migrations as the owner)'
            USING ERRCODE = 'check_violation';
    END IF;
    IF NEW."prev_hash" IS DISTINCT FROM head."hash" THEN
        RAISE EXCEPTION 'audit_events: prev_hash does not continue the chain head %', head."sequence"
            USING ERRCODE = 'serialization_failure';
    END IF;
    IF NEW."sequence" IS DISTINCT FROM head."sequence" + 1 THEN
        RAISE EXCEPTION 'audit_events: sequence must be % (the head plus one)', head."sequence" + 1
            USING ERRCODE = 'serialization_failure';
    END IF;
    IF NEW."occurred_at" < head."occurred_at" THEN
        RAISE EXCEPTION 'audit_events: occurred_at is before the chain head''s'
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER "audit_events_chain"
    BEFORE INSERT ON "audit_events"
    FOR EACH ROW EXECUTE FUNCTION "audit_events_chain_append"();

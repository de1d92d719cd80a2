-- CreateTable
CREATE TABLE "audit_events" (
    "id" UUID NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sequence" BIGSERIAL NOT NULL,
    "correlation_id" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "pool_id" TEXT,
    "target" TEXT,
    "actor_sub" TEXT NOT NULL,
    "actor_username" TEXT NOT NULL,
    "actor_roles" TEXT[],
    "actor_ip" TEXT,
    "actor_user_agent" TEXT,
    "reason" TEXT,
    "request" JSONB NOT NULL,
    "error_code" TEXT,
    "error_message" TEXT,
    "aws_request_id" TEXT,
    "request_id" TEXT,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "audit_events_sequence_key" ON "audit_events"("sequence");

-- CreateIndex
CREATE INDEX "audit_events_occurred_at_sequence_idx" ON "audit_events"("occurred_at" DESC, "sequence" DESC);

-- CreateIndex
CREATE INDEX "audit_events_actor_username_sequence_idx" ON "audit_events"("actor_username", "sequence" DESC);

-- CreateIndex
CREATE INDEX "audit_events_actor_sub_sequence_idx" ON "audit_events"("actor_sub", "sequence" DESC);

-- CreateIndex
CREATE INDEX "audit_events_action_sequence_idx" ON "audit_events"("action", "sequence" DESC);

-- CreateIndex
CREATE INDEX "audit_events_pool_id_sequence_idx" ON "audit_events"("pool_id", "sequence" DESC);

-- CreateIndex
CREATE INDEX "audit_events_target_sequence_idx" ON "audit_events"("target", "sequence" DESC);

-- CreateIndex
CREATE INDEX "audit_events_correlation_id_idx" ON "audit_events"("correlation_id");

-- Hand-written (not expressible in schema.prisma): the audit log is append-only.
-- Rows may be inserted, never updated or deleted; TRUNCATE is refused as well.
CREATE FUNCTION "audit_events_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "audit_events_no_update_delete"
    BEFORE UPDATE OR DELETE ON "audit_events"
    FOR EACH ROW EXECUTE FUNCTION "audit_events_append_only"();

CREATE TRIGGER "audit_events_no_truncate"
    BEFORE TRUNCATE ON "audit_events"
    FOR EACH STATEMENT EXECUTE FUNCTION "audit_events_append_only"();

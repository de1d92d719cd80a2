-- The reconciler (README "Audit reconciler") looks for attempts without an outcome, in chain order, between the
-- sequence it last checked and the newest event older than the grace period. This index makes that walk read
-- attempts only (outcome = 'attempted', then sequence); each candidate is checked for an outcome through the
-- correlation_id index.

-- CreateIndex
CREATE INDEX "audit_events_outcome_sequence_idx" ON "audit_events"("outcome", "sequence");

-- One action may concern several targets (a group and a user; an identity pool and a role), and the actor may
-- be poolkeeper itself (a job, the reconciler): `target` becomes `targets` (JSONB array of {type, id}) and the
-- actor gets a kind.

-- AlterTable
ALTER TABLE "audit_events" ADD COLUMN     "actor_kind" TEXT NOT NULL DEFAULT 'operator',
ADD COLUMN     "targets" JSONB NOT NULL DEFAULT '[]';

-- Hand-written: carry every existing target over (all earlier actions are user.*). The append-only trigger
-- is lifted for this one statement, by the owner, inside the migration's transaction.
ALTER TABLE "audit_events" DISABLE TRIGGER "audit_events_no_update_delete";
UPDATE "audit_events"
   SET "targets" = jsonb_build_array(jsonb_build_object('type', 'user', 'id', "target"))
 WHERE "target" IS NOT NULL;
ALTER TABLE "audit_events" ENABLE TRIGGER "audit_events_no_update_delete";

-- DropIndex
DROP INDEX "audit_events_target_sequence_idx";

-- AlterTable
ALTER TABLE "audit_events" DROP COLUMN "target";

-- CreateIndex
CREATE INDEX "audit_events_targets_idx" ON "audit_events" USING GIN ("targets" jsonb_path_ops);

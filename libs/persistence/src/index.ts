export * from './types';
export { createAuditStore, AUDIT_STORE_APPLICATION_NAME } from './audit-store';
export { inspectAuditGuard, type AuditGuardReport } from './audit-guard';
export {
  OWNER_ROLE,
  SERVING_ROLE,
  SERVING_TABLE_PRIVILEGES,
  provisionEmbeddedRoles,
  type EmbeddedRolePasswords,
} from './database-roles';
export { prepareDatabase, grantServingRole, type DatabaseUrls, type PrepareResult } from './serving-grants';
export { migrateDatabase, PRISMA_MIGRATE_LOCK_ID, type MigrateOptions, type MigrateResult } from './migrate';
export {
  defaultMigrationsDir,
  migrationChecksum,
  readMigrations,
  type MigrationFile,
} from './migration-files';
export { startEmbeddedPostgres, EMBEDDED_DATABASE, type EmbeddedPostgresOptions } from './embedded-postgres';
export { holdAdvisoryLock, runSql } from './run-sql';
export { redactSecrets, isSecretKey, REDACTED } from '@poolkeeper/contract';
export { encodeCursor, decodeCursor, InvalidCursorError } from './cursor';
export {
  GENESIS_HASH,
  canonicalJson,
  canonicalEvent,
  chainHash,
  chainBreak,
  type HashedAuditEvent,
} from './audit-chain';
export { AUDIT_CHAIN_LOCK_ID, appendAuditEvent, appendOutcomeIfUnresolved } from './audit-append';
export { AUDIT_RECONCILER_LOCK_ID, exclusively, lastSequenceBefore, pendingAttempts } from './audit-pending';
export { backfillAuditChain } from './audit-backfill';
export { readChainHead, verifyChain, chainBatches } from './audit-verify';
export { exportBatches } from './audit-export';
export { timeRangeBounds } from './time-range';
export { sqlFilters } from './audit-rows';

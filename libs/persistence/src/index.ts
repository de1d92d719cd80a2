export * from './types';
export { createAuditStore } from './audit-store';
export { migrateDatabase, PRISMA_MIGRATE_LOCK_ID, type MigrateOptions, type MigrateResult } from './migrate';
export {
  defaultMigrationsDir,
  migrationChecksum,
  readMigrations,
  type MigrationFile,
} from './migration-files';
export { startEmbeddedPostgres, EMBEDDED_DATABASE, type EmbeddedPostgresOptions } from './embedded-postgres';
export { redactSecrets, isSecretKey, REDACTED } from '@poolkeeper/contract';
export { encodeCursor, decodeCursor, InvalidCursorError } from './cursor';

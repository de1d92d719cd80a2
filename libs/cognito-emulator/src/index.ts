export { startEmulator } from './server/start-emulator';
export type { EmulatorOptions, RunningEmulator } from './server/start-emulator';
export type { IssuerMode } from './services/registry';
export {
  CONSOLE_CLIENT_SETTINGS,
  seedLocalCognito,
  operatorPassword,
  demoTemporaryPassword,
} from './seed/seed-local-cognito';
export type { LocalSeed, SeedOptions } from './seed/seed-local-cognito';
export {
  DEMO_GROUP_SETTINGS,
  DEMO_TOTP_USERS,
  DEMO_APP_CLIENT_NAME,
  demoRoleArn,
  demoTotpSecretFor,
} from './seed/demo-security';
export { OPERATOR_TOTP_USERS } from './seed/operator-mfa';
export { totpCode } from './core/totp';
export { awsDefaultQuotas, operationCategories, parseQuotaOption, quotaCategories } from './core/quotas';
export type { QuotaCategory, QuotaOption, QuotaRate } from './core/quotas';
export { STATE_VERSION } from './state/persisted';
export { parseFaultOption } from './core/faults';
export type { FaultOptions } from './core/faults';
export { AWS_PER_USER_RPS } from './core/per-user-quota';
export { bulkSeedUsers } from './seed/bulk-users';
export type { BulkSeedOptions, BulkSeedResult } from './seed/bulk-users';
export type { FsyncPolicy } from './state/state-store';

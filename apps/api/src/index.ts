export { loadConfig, ConfigError } from './config';
export type { ApiConfig, CognitoConfig, CognitoMode, LogLevel, RoleGroups } from './config';
export { startApi, type RunningApi } from './app/start-api';
export { createApiApp, type ApiDeps } from './app/create-app';
export { buildOpenApiDocument } from './openapi/openapi';
export { reconcileAuditOnce } from './audit/reconcile-once';
export type { ReconcilePass } from './audit/reconciler';

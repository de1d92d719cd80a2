/** The API's whole configuration: plain nested data, so a launcher can spread and override parts of it. */
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
export const logLevels: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

import type { RoleGroups } from '@poolkeeper/contract';

export type { RoleGroups };
export type CognitoMode = 'local' | 'aws';

export interface CognitoConfig {
  mode: CognitoMode;
  /** Default region (ListUserPools, IAM); each pool's calls use the region in its id. */
  region: string;
  /** cognito-idp endpoint override (emulator or VPC endpoint); null means real AWS. */
  endpoint: string | null;
  /** cognito-identity and IAM endpoint overrides (the local Cognito serves them on the same port). */
  identityEndpoint: string | null;
  iamEndpoint: string | null;
  /** Static credentials (local mode uses `local`/`local`); null means the AWS SDK default chain. */
  credentials: { accessKeyId: string; secretAccessKey: string } | null;
  /** The pool operators sign in to. In local mode the launcher fills it in. */
  operatorPoolId: string | null;
  /** Allowed `client_id`s of operator access tokens; the first one is offered to the console. */
  operatorClientIds: string[];
  /** The only pools the API reads or changes. */
  managedPoolIds: string[];
  /** Cognito group name that grants each role. */
  roleGroups: RoleGroups;
  /**
   * Seconds a verified operator stays trusted before the API asks the operator pool again (enabled, still in
   * their groups, not signed out): the bound on how long a revoked operator keeps access. At most 60.
   */
  operatorRecheckSeconds: number;
}

export interface ApiConfig {
  http: {
    host: string;
    /** 0 picks a free port. */
    port: number;
    /** Extra CORS origins (same-origin always works). */
    consoleOrigins: string[];
    /** Directory of the built console; served at `/` only when it exists. */
    consoleDist: string;
  };
  /** Postgres connection string the API serves with; null starts an embedded Postgres under `<dataDir>/postgres`. */
  databaseUrl: string | null;
  /** Runs migrations and the serving role's grants (the tables' owner); null: migrations use `databaseUrl`. */
  databaseMigrationUrl: string | null;
  dataDir: string;
  logLevel: LogLevel;
  cognito: CognitoConfig;
  /** The audit reconciler (README "Audit reconciler"): resolves attempts left without an outcome by a crash. */
  audit: {
    /** An attempt without an outcome is the reconciler's after this many seconds (longer than any request). */
    reconcileGraceSeconds: number;
    /** Seconds between reconciler passes in the API process; 0: none (run `npm run audit:reconcile`). */
    reconcileIntervalSeconds: number;
  };
  /** Used by the launcher in local mode only. */
  local: { emulatorPort: number; seedDemoUsers: number };
}

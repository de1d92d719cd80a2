// Test support for the federation integration specs (identity providers, identity pools, which role): the
// real local Cognito, IAM and STS, a real embedded Postgres, the real gateway; nothing of ours faked.
import { expect } from '@jest/globals';
import { type Role, awsJsonCall } from '@poolkeeper/contract';
import { type ApiResponse, type LocalApi, startLocalApi } from './local-api';

export const ACCOUNT_ROLE = (name: string) => `arn:aws:iam::000000000000:role/${name}`;
export const readers: Role[] = ['admin', 'support', 'auditor'];
const IDENTITY = 'AWSCognitoIdentityService';

export interface FederationApi {
  local: LocalApi;
  /** The demo user pool. */
  pool: string;
  /** The seeded identity pools "Acme Customers identity" (Rules) and "Acme Partners identity" (Token). */
  customers: string;
  partners: string;
  /** The demo pool's app client `acme-web`, the identity pools' provider. */
  webClient: string;
  /** The identity pools' RoleMappings key of that provider. */
  mappingKey: string;
}

export async function startFederationApi(): Promise<FederationApi> {
  const local = await startLocalApi({ demoUsers: 5 });
  const pool = local.pool;
  const fed = local.seed.federation;
  const webClient = fed.webClientId;
  return {
    local,
    pool,
    webClient,
    customers: fed.identityPools.find((p) => p.name === 'Acme Customers identity')!.id,
    partners: fed.identityPools.find((p) => p.name === 'Acme Partners identity')!.id,
    mappingKey: `cognito-idp.${local.emulator.region}.amazonaws.com/${pool}:${webClient}`,
  };
}

/** The audit log as the auditor reads it (newest first, one page of 200). */
export async function auditEvents(local: LocalApi): Promise<Array<Record<string, unknown>>> {
  const res: ApiResponse = await local.call('auditor', 'GET', '/api/audit-events?limit=200');
  expect(res.status).toBe(200);
  return res.body!.items as Array<Record<string, unknown>>;
}

/** A cognito-identity call (awsJson1_1) straight to the local Cognito. */
export function awsIdentity(local: LocalApi, operation: string, input: Record<string, unknown>) {
  return awsJsonCall(local.emulator.endpoint, operation, input, { targetPrefix: IDENTITY });
}

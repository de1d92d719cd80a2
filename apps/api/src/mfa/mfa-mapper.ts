import {
  type MfaFactor,
  type PoolMfaConfig,
  type SetPoolMfaConfigBody,
  mfaOptionSchema,
} from '@poolkeeper/contract';
import type { CognitoUserDetail, PoolMfaConfig as GatewayPoolMfaConfig } from '@poolkeeper/cognito-gateway';

export function toPoolMfaConfig(config: GatewayPoolMfaConfig): PoolMfaConfig {
  return {
    mode: config.mode,
    softwareTokenMfa: config.softwareToken,
    sms: config.sms && config.smsSettings ? { ...config.smsSettings } : null,
    email: config.email ? { message: null, subject: null, ...config.emailSettings } : null,
  };
}

/** The body without its reason: the configuration SetUserPoolMfaConfig receives in full. */
export function requestedPoolMfaConfig(body: SetPoolMfaConfigBody): PoolMfaConfig {
  return { mode: body.mode, softwareTokenMfa: body.softwareTokenMfa, sms: body.sms, email: body.email };
}

/** Before/after of each setting that changes (what the audit records; no secrets in an MFA configuration). */
export function poolMfaChanges(
  before: PoolMfaConfig,
  after: PoolMfaConfig,
): Record<string, { before: unknown; after: unknown }> {
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const key of ['mode', 'softwareTokenMfa', 'sms', 'email'] as const) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key]))
      changes[key] = { before: before[key], after: after[key] };
  }
  return changes;
}

const isFactor = (value: string): value is MfaFactor => mfaOptionSchema.safeParse(value).success;

/** A user's factors as AdminGetUser reports them (UserMFASettingList, PreferredMfaSetting). */
export function userFactors(user: CognitoUserDetail): { enabled: MfaFactor[]; preferred: MfaFactor | null } {
  const preferred = user.mfaPreferred;
  return {
    enabled: user.mfaEnabled.filter(isFactor),
    preferred: preferred !== null && isFactor(preferred) ? preferred : null,
  };
}

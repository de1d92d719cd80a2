import { type CognitoGateway, GatewayError, type PoolMfaConfig } from '@poolkeeper/cognito-gateway';

type Call = { method: string; args: unknown[] };

/** A user's factors as the fake holds them (AdminGetUser's UserMFASettingList / PreferredMfaSetting). */
export interface FakeUserMfa {
  enabled: string[];
  preferred: string | null;
}

/**
 * Unit-test fake of the MFA port: one MFA configuration per pool (default OPTIONAL with TOTP) and factors
 * per user, keyed `<poolId>/<username>`; every call recorded. `exists` throws for a user the fake lacks.
 */
export class FakeMfa {
  readonly pools = new Map<string, PoolMfaConfig>();
  readonly users = new Map<string, FakeUserMfa>();
  readonly port: CognitoGateway['mfa'];

  constructor(calls: Call[], requestId: () => string, exists: (poolId: string, username: string) => void) {
    const record = (method: string, ...args: unknown[]) => calls.push({ method, args });
    const ok = () => ({ value: undefined, requestId: requestId() });
    this.port = {
      getPoolMfaConfig: async (poolId) => {
        record('getPoolMfaConfig', poolId);
        return this.poolConfig(poolId);
      },
      setPoolMfaConfig: async (input) => {
        record('setPoolMfaConfig', input);
        if (input.mode !== 'OFF' && !input.softwareToken && !input.sms && !input.email)
          throw new GatewayError('INVALID_PARAMETER', 'no factor', 'InvalidParameterException', requestId());
        const config: PoolMfaConfig = {
          mode: input.mode,
          softwareToken: input.softwareToken,
          sms: input.sms !== null,
          email: input.email !== null,
          smsSettings: input.sms,
          emailSettings: input.email,
        };
        this.pools.set(input.poolId, config);
        return { value: config, requestId: requestId() };
      },
      setUserMfaPreference: async (poolId, username, preference) => {
        record('setUserMfaPreference', poolId, username, preference);
        exists(poolId, username);
        const mfa = this.of(poolId, username);
        for (const [key, factor] of [
          ['softwareToken', 'SOFTWARE_TOKEN_MFA'],
          ['sms', 'SMS_MFA'],
          ['email', 'EMAIL_OTP'],
        ] as const) {
          const p = preference[key];
          if (!p) continue;
          if (p.enabled && !mfa.enabled.includes(factor)) mfa.enabled.push(factor);
          if (!p.enabled) mfa.enabled = mfa.enabled.filter((f) => f !== factor);
          if (p.preferred) mfa.preferred = factor;
          else if (mfa.preferred === factor) mfa.preferred = null;
        }
        return ok();
      },
      deleteSoftwareToken: async (poolId, username) => {
        record('deleteSoftwareToken', poolId, username);
        exists(poolId, username);
        const mfa = this.of(poolId, username);
        mfa.enabled = mfa.enabled.filter((f) => f !== 'SOFTWARE_TOKEN_MFA');
        if (mfa.preferred === 'SOFTWARE_TOKEN_MFA') mfa.preferred = null;
        return ok();
      },
    };
  }

  poolConfig(poolId: string): PoolMfaConfig {
    return (
      this.pools.get(poolId) ?? {
        mode: 'OPTIONAL',
        softwareToken: true,
        sms: false,
        email: false,
        smsSettings: null,
        emailSettings: null,
      }
    );
  }

  /** The user's factors (a fresh empty entry the first time). */
  of(poolId: string, username: string): FakeUserMfa {
    const key = `${poolId}/${username}`;
    let mfa = this.users.get(key);
    if (!mfa) this.users.set(key, (mfa = { enabled: [], preferred: null }));
    return mfa;
  }
}

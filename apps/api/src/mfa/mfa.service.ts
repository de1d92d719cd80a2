import { Inject, Injectable } from '@nestjs/common';
import type { MfaFactor, PoolMfaConfig, SetPoolMfaConfigBody, UserMfa } from '@poolkeeper/contract';
import type { CognitoReads, UserMfaPreferenceInput } from '@poolkeeper/cognito-gateway';
import { COGNITO_READS } from '../app/tokens';
import type { AuditCaller } from '../audit/audit-caller';
import { AuditService } from '../audit/audit.service';
import { poolMfaChanges, requestedPoolMfaConfig, toPoolMfaConfig, userFactors } from './mfa-mapper';

const off = { enabled: false, preferred: false };
/** AdminSetUserMFAPreference's block for each factor other than the authenticator app. */
const preferenceKey: Partial<Record<MfaFactor, keyof UserMfaPreferenceInput>> = {
  SMS_MFA: 'sms',
  EMAIL_OTP: 'email',
};

/** Every `poolId` here is managed: ManagedPoolGuard checked it before the controller ran. */
@Injectable()
export class MfaService {
  constructor(
    @Inject(COGNITO_READS) private readonly cognito: CognitoReads,
    private readonly audit: AuditService,
  ) {}

  async poolConfig(poolId: string): Promise<PoolMfaConfig> {
    return toPoolMfaConfig(await this.cognito.mfa.getPoolMfaConfig(poolId));
  }

  /** SetUserPoolMfaConfig with the whole configuration; the audit holds what changed, before and after. */
  async setPoolConfig(
    caller: AuditCaller,
    poolId: string,
    body: SetPoolMfaConfigBody,
  ): Promise<PoolMfaConfig> {
    const before = await this.poolConfig(poolId);
    const after = requestedPoolMfaConfig(body);
    const updated = await this.audit.run(
      caller,
      {
        action: 'pool.set-mfa-config',
        poolId,
        targets: [],
        request: { changes: poolMfaChanges(before, after) },
        reason: body.reason,
      },
      (cognito) =>
        cognito.mfa.setPoolMfaConfig({
          poolId,
          mode: after.mode,
          softwareToken: after.softwareTokenMfa,
          sms: after.sms,
          email: after.email,
        }),
    );
    return toPoolMfaConfig(updated);
  }

  async userMfa(poolId: string, username: string): Promise<UserMfa> {
    const [user, pool] = await Promise.all([
      this.cognito.users.getUser(poolId, username),
      this.cognito.mfa.getPoolMfaConfig(poolId),
    ]);
    return { username: user.username, ...userFactors(user), poolMode: pool.mode };
  }

  /**
   * Removes every MFA factor of the user: AdminDeleteSoftwareToken always (the lost authenticator app), then
   * AdminSetUserMFAPreference turning off only the other factors the user has — a settings block for a factor
   * the user never set up is refused by Cognito (amplify-js#944, #5766). At the next sign-in a pool with MFA
   * ON answers MFA_SETUP; an OPTIONAL one lets the user in with the password.
   */
  async resetUser(caller: AuditCaller, poolId: string, username: string, reason: string): Promise<UserMfa> {
    const before = userFactors(await this.cognito.users.getUser(poolId, username));
    const others: UserMfaPreferenceInput = {};
    for (const factor of new Set([...before.enabled, ...(before.preferred ? [before.preferred] : [])])) {
      const key = preferenceKey[factor];
      if (key) others[key] = off;
    }
    await this.audit.run(
      caller,
      {
        action: 'user.reset-mfa',
        poolId,
        targets: [{ type: 'user', id: username }],
        request: { changes: { mfa: { before, after: { enabled: [], preferred: null } } } },
        reason,
      },
      async (cognito) => {
        await cognito.mfa.deleteSoftwareToken(poolId, username);
        if (Object.keys(others).length > 0) await cognito.mfa.setUserMfaPreference(poolId, username, others);
      },
    );
    return this.userMfa(poolId, username);
  }
}

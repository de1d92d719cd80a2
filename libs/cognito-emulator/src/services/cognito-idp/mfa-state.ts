import { AwsError } from '../../core/errors';
import type { PoolMfaFactors, User, UserPool, UserPoolTier } from '../../state/model';

export const SOFTWARE_TOKEN_MFA = 'SOFTWARE_TOKEN_MFA';
export const SMS_MFA = 'SMS_MFA';
export const EMAIL_OTP = 'EMAIL_OTP';

/** The pool's factors; state from before SetUserPoolMfaConfig existed offers TOTP when MFA is not OFF. */
export const poolMfaFactors = (pool: UserPool): PoolMfaFactors =>
  pool.mfaFactors ?? { softwareToken: pool.mfaConfiguration !== 'OFF' };

export const poolTier = (pool: UserPool): UserPoolTier => pool.tier ?? 'ESSENTIALS';

export const threatProtectionOn = (pool: UserPool) =>
  pool.advancedSecurityMode !== undefined && pool.advancedSecurityMode !== 'OFF';

export const featureUnavailableInTier = (message: string) =>
  new AwsError('FeatureUnavailableInTierException', message);

/** The factors a user has enabled that the pool still offers (what sign-in can challenge). */
export function activeUserFactors(pool: UserPool, user: User): string[] {
  if (pool.mfaConfiguration === 'OFF') return [];
  const offered = poolMfaFactors(pool);
  return (user.mfaSettings ?? []).filter(
    (f) =>
      (f === SOFTWARE_TOKEN_MFA && offered.softwareToken && user.softwareToken !== undefined) ||
      (f === SMS_MFA && offered.sms !== undefined) ||
      (f === EMAIL_OTP && offered.email !== undefined),
  );
}

/** Removes a factor from the user's enabled list and from their preference. */
export function disableFactor(user: User, factor: string): void {
  const remaining = (user.mfaSettings ?? []).filter((f) => f !== factor);
  if (remaining.length > 0) user.mfaSettings = remaining;
  else delete user.mfaSettings;
  if (user.preferredMfa === factor) delete user.preferredMfa;
}

export function enableFactor(user: User, factor: string): void {
  const list = user.mfaSettings ?? [];
  if (!list.includes(factor)) user.mfaSettings = [...list, factor];
}

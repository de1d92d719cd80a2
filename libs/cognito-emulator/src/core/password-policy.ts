import { randomInt } from 'node:crypto';
import { AwsError } from './errors';
import type { PasswordPolicy } from '../state/model';

export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = {
  MinimumLength: 8,
  RequireUppercase: true,
  RequireLowercase: true,
  RequireNumbers: true,
  RequireSymbols: true,
  TemporaryPasswordValidityDays: 7,
};

/** The special characters Cognito counts as symbols. */
export const SYMBOLS = '^$*.[]{}()?"!@#%&/\\,><\':;|_~`=+-';

/** The first rule a password breaks, with Cognito's wording, or undefined if it conforms. */
export function passwordViolation(password: string, policy: PasswordPolicy): string | undefined {
  if (password.length < policy.MinimumLength) return 'Password not long enough';
  if (password.length > 256) return 'Password is too long';
  if (/^\s|\s$/.test(password)) return 'Password must not begin or end with whitespace';
  if (policy.RequireUppercase && !/[A-Z]/.test(password)) return 'Password must have uppercase characters';
  if (policy.RequireLowercase && !/[a-z]/.test(password)) return 'Password must have lowercase characters';
  if (policy.RequireNumbers && !/[0-9]/.test(password)) return 'Password must have numeric characters';
  if (policy.RequireSymbols && ![...password].some((c) => SYMBOLS.includes(c) || c === ' ')) {
    return 'Password must have symbol characters';
  }
  return undefined;
}

/** Throws InvalidPasswordException when the password breaks the policy. */
export function assertPasswordConforms(password: string, policy: PasswordPolicy): void {
  const violation = passwordViolation(password, policy);
  if (violation)
    throw new AwsError('InvalidPasswordException', `Password did not conform with policy: ${violation}`);
}

/** A random temporary password that satisfies the policy. */
export function generateTemporaryPassword(policy: PasswordPolicy): string {
  const sets = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789', '!@#%&*-_+='];
  const length = Math.max(12, policy.MinimumLength);
  const chars = sets.map((s) => s[randomInt(s.length)] as string);
  const all = sets.join('');
  while (chars.length < length) chars.push(all[randomInt(all.length)] as string);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j] as string, chars[i] as string];
  }
  return chars.join('');
}

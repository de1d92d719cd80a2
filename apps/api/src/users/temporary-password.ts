import { randomInt } from 'node:crypto';
import type { PasswordPolicyInfo } from '@poolkeeper/cognito-gateway';

/** Cognito's defaults (DescribeUserPool PasswordPolicyType) when a pool reports no policy. */
export const defaultPasswordPolicy: PasswordPolicyInfo = {
  minimumLength: 8,
  requireUppercase: true,
  requireLowercase: true,
  requireNumbers: true,
  requireSymbols: true,
};

/** Letters and digits that are not easily confused when read aloud or copied by hand (no I l 1 O 0). */
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const LOWER = 'abcdefghijkmnopqrstuvwxyz';
const DIGITS = '23456789';
/** From Cognito's allowed special characters (^ $ * . [ ] { } ( ) ? " ! @ # % & / \ , > < ' : ; | _ ~ ` = + -). */
const SYMBOLS = '!@#%^*-_+=?';
/** Long enough to be a strong one-time secret whatever the policy's minimum (Cognito allows up to 256). */
const AT_LEAST = 16;

const pick = (alphabet: string) => alphabet[randomInt(alphabet.length)]!;

/**
 * A temporary password that satisfies the pool's password policy: every character class the policy requires
 * at least once, the rest drawn from all classes, shuffled, from node:crypto's CSPRNG. The caller returns it
 * once and must never store, log or audit it.
 */
export function generateTemporaryPassword(policy: PasswordPolicyInfo = defaultPasswordPolicy): string {
  const length = Math.min(256, Math.max(AT_LEAST, policy.minimumLength));
  const required = [
    policy.requireUppercase ? UPPER : null,
    policy.requireLowercase ? LOWER : null,
    policy.requireNumbers ? DIGITS : null,
    policy.requireSymbols ? SYMBOLS : null,
  ].filter((a): a is string => a !== null);
  const all = UPPER + LOWER + DIGITS + SYMBOLS;
  const chars = required.map(pick);
  while (chars.length < length) chars.push(pick(all));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}

/** Whether `password` meets `policy` (the checks Cognito documents for PasswordPolicyType). */
export function meetsPolicy(password: string, policy: PasswordPolicyInfo): boolean {
  return (
    password.length >= policy.minimumLength &&
    (!policy.requireUppercase || /[A-Z]/.test(password)) &&
    (!policy.requireLowercase || /[a-z]/.test(password)) &&
    (!policy.requireNumbers || /[0-9]/.test(password)) &&
    (!policy.requireSymbols || /[^A-Za-z0-9]/.test(password))
  );
}

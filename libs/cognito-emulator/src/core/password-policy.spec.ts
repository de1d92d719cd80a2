import { describe, expect, it } from '@jest/globals';
import {
  assertPasswordConforms,
  DEFAULT_PASSWORD_POLICY,
  generateTemporaryPassword,
  passwordViolation,
} from './password-policy';
import { checkPassword, hashPassword } from './password-hash';

describe('password policy', () => {
  const p = DEFAULT_PASSWORD_POLICY;

  it('accepts a conforming password', () => {
    expect(passwordViolation('Poolkeeper!2026', p)).toBeUndefined();
  });

  it.each([
    ['Sh0rt!', 'Password not long enough'],
    ['nouppercase1!', 'Password must have uppercase characters'],
    ['NOLOWERCASE1!', 'Password must have lowercase characters'],
    ['NoNumbers!!', 'Password must have numeric characters'],
    ['NoSymbols123', 'Password must have symbol characters'],
  ])('%s → %s', (pw, msg) => {
    expect(passwordViolation(pw, p)).toBe(msg);
    expect(() => assertPasswordConforms(pw, p)).toThrow(
      expect.objectContaining({
        type: 'InvalidPasswordException',
        message: `Password did not conform with policy: ${msg}`,
      }),
    );
  });

  it('honours a relaxed policy', () => {
    const relaxed = { ...p, MinimumLength: 6, RequireSymbols: false, RequireUppercase: false };
    expect(passwordViolation('abc123', relaxed)).toBeUndefined();
  });

  it('generates temporary passwords that conform', () => {
    for (let i = 0; i < 50; i++) expect(passwordViolation(generateTemporaryPassword(p), p)).toBeUndefined();
  });

  it('hashes with a salt and checks', async () => {
    const a = await hashPassword('Poolkeeper!2026');
    const b = await hashPassword('Poolkeeper!2026');
    expect(a).not.toBe(b);
    expect(a).not.toContain('Poolkeeper');
    expect(await checkPassword('Poolkeeper!2026', a)).toBe(true);
    expect(await checkPassword('poolkeeper!2026', a)).toBe(false);
    expect(await checkPassword('x', undefined)).toBe(false);
  });
});

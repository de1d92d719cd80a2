import { describe, expect, it } from '@jest/globals';
import { defaultPasswordPolicy, generateTemporaryPassword, meetsPolicy } from './temporary-password';

describe('generated temporary passwords', () => {
  const policies = [
    defaultPasswordPolicy,
    { ...defaultPasswordPolicy, minimumLength: 40 },
    { ...defaultPasswordPolicy, requireSymbols: false, requireNumbers: false },
    {
      minimumLength: 6,
      requireUppercase: false,
      requireLowercase: false,
      requireNumbers: false,
      requireSymbols: true,
    },
  ];

  it.each(policies)('meet the policy %o, every time', (policy) => {
    for (let i = 0; i < 200; i++) {
      const password = generateTemporaryPassword(policy);
      expect(meetsPolicy(password, policy)).toBe(true);
      expect(password.length).toBeGreaterThanOrEqual(Math.max(16, policy.minimumLength));
    }
  });

  it('differ from one call to the next', () => {
    const seen = new Set(Array.from({ length: 100 }, () => generateTemporaryPassword()));
    expect(seen.size).toBe(100);
  });

  it('meetsPolicy refuses what misses a class or is too short', () => {
    expect(meetsPolicy('Abcdefg1!', defaultPasswordPolicy)).toBe(true);
    expect(meetsPolicy('abcdefg1!', defaultPasswordPolicy)).toBe(false);
    expect(meetsPolicy('Ab1!', defaultPasswordPolicy)).toBe(false);
    expect(meetsPolicy('Abcdefgh1', defaultPasswordPolicy)).toBe(false);
  });
});

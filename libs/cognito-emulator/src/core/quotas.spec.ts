import { describe, expect, it } from '@jest/globals';
import { AwsError } from './errors';
import { RequestThrottle, awsDefaultQuotas, parseQuotaOption, quotaCategories } from './quotas';

function throttled(fn: () => void): string | null {
  try {
    fn();
    return null;
  } catch (error) {
    return error instanceof AwsError ? `${error.type}: ${error.message} (${error.status})` : String(error);
  }
}

describe('RequestThrottle', () => {
  it('allows a burst of `rps` then throttles, refilling at `rps` per second', () => {
    let now = 1_000;
    const t = new RequestThrottle({ UserUpdate: 2 }, () => now);
    expect(throttled(() => t.take('AdminDisableUser'))).toBeNull();
    expect(throttled(() => t.take('AdminEnableUser'))).toBeNull();
    expect(throttled(() => t.take('AdminDeleteUser'))).toBe(
      'TooManyRequestsException: Too many requests (400)',
    );
    now += 499;
    expect(throttled(() => t.take('AdminDisableUser'))).not.toBeNull();
    now += 1;
    expect(throttled(() => t.take('AdminDisableUser'))).toBeNull();
    expect(t.stats()).toEqual({ UserUpdate: { allowed: 3, throttled: 2 } });
  });

  it('keeps one bucket per category, shared by every pool, and AWS defaults for the rest', () => {
    const now = 0;
    const t = new RequestThrottle({ UserUpdate: { rps: 0.001, burst: 1 } }, () => now);
    t.take('AdminDisableUser');
    expect(throttled(() => t.take('AdminUpdateUserAttributes'))).not.toBeNull();
    for (let i = 0; i < awsDefaultQuotas.UserRead; i++) t.take('AdminGetUser');
    expect(throttled(() => t.take('AdminGetUser'))).not.toBeNull();
    expect(throttled(() => t.take('SomethingUncategorised'))).toBeNull();
  });

  it("'aws' uses the documented default rates; Infinity switches a category off", () => {
    const now = 0;
    const t = new RequestThrottle('aws', () => now);
    for (let i = 0; i < 30; i++) t.take('ListUsers');
    expect(throttled(() => t.take('ListUsers'))).not.toBeNull();
    const off = new RequestThrottle({ UserList: Infinity }, () => now);
    for (let i = 0; i < 1000; i++) off.take('ListUsers');
  });

  it('rejects unknown categories and non-positive rates', () => {
    expect(() => new RequestThrottle({ Nope: 1 } as never)).toThrow(/unknown quota category Nope/);
    expect(() => new RequestThrottle({ UserList: 0 })).toThrow(/rps must be greater than 0/);
    expect(() => new RequestThrottle({ UserList: { rps: 1, burst: 0.5 } })).toThrow(/burst/);
  });
});

describe('parseQuotaOption (the --quotas flag)', () => {
  it('parses aws and Category=rps[/burst] lists', () => {
    expect(parseQuotaOption('aws')).toBe('aws');
    expect(parseQuotaOption('UserUpdate=2, UserList=0.5/3')).toEqual({
      UserUpdate: { rps: 2 },
      UserList: { rps: 0.5, burst: 3 },
    });
  });

  it('says what is wrong', () => {
    expect(() => parseQuotaOption('UserUpdate')).toThrow(/expected aws or Category=rps/);
    expect(() => parseQuotaOption('Bogus=1')).toThrow(/unknown category Bogus/);
    expect(() => parseQuotaOption('UserUpdate=0')).toThrow(/rps must be greater than 0/);
  });

  it('knows every category AWS documents', () => {
    expect(quotaCategories).toEqual(expect.arrayContaining(['UserList', 'UserUpdate', 'UserResourceRead']));
  });
});

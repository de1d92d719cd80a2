import { describe, expect, it } from '@jest/globals';
import { isSecretKey, redactSecrets, stripSecrets } from './secrets';

describe('redactSecrets', () => {
  it('replaces secret-looking values recursively and keeps everything else', () => {
    const input = {
      username: 'carol',
      password: 'p',
      TemporaryPassword: 't',
      client_secret: 'c',
      attributes: [
        { name: 'email', value: 'c@example.com' },
        { token: 'abc', refresh_token: 'r' },
      ],
      nested: { deeper: { secretHash: 'h', 'api-key': 'k', count: 3, flag: false, none: null } },
    };
    expect(redactSecrets(input)).toEqual({
      username: 'carol',
      password: '[redacted]',
      TemporaryPassword: '[redacted]',
      client_secret: '[redacted]',
      attributes: [
        { name: 'email', value: 'c@example.com' },
        { token: '[redacted]', refresh_token: '[redacted]' },
      ],
      nested: {
        deeper: { secretHash: '[redacted]', 'api-key': '[redacted]', count: 3, flag: false, none: null },
      },
    });
  });

  it('does not mutate its input and survives cycles', () => {
    const input: Record<string, unknown> = { password: 'p', list: [1, 2] };
    input['self'] = input;
    const out = redactSecrets(input);
    expect(input['password']).toBe('p');
    expect(out).toEqual({ password: '[redacted]', list: [1, 2], self: '[circular]' });
    expect(out['list']).not.toBe(input['list']);
  });

  it('redacts whole secret objects and leaves primitives alone', () => {
    expect(redactSecrets({ credentials: { accessKeyId: 'a' } })).toEqual({ credentials: '[redacted]' });
    expect(redactSecrets('text')).toBe('text');
    expect(redactSecrets([{ idToken: 'x' }])).toEqual([{ idToken: '[redacted]' }]);
  });

  it('classifies keys', () => {
    for (const key of ['password', 'newPassword', 'SECRET', 'client-secret', 'accessToken', 'Session']) {
      expect(isSecretKey(key)).toBe(true);
    }
    for (const key of ['username', 'email', 'poolId', 'reason', 'secretary_name']) {
      expect(isSecretKey(key)).toBe(false);
    }
  });
});

describe('stripSecrets', () => {
  it('removes secret keys at any depth without touching the input (what the API records of a request)', () => {
    const input = {
      a: 1,
      password: 'x',
      nested: { temporaryPassword: 'y', keep: [{ Password: 'z', ok: true }] },
    };
    expect(stripSecrets(input)).toEqual({ a: 1, nested: { keep: [{ ok: true }] } });
    expect(input.password).toBe('x');
  });

  it('uses the same key list as redactSecrets', () => {
    const input = { client_secret: 'c', refresh_token: 'r', secretHash: 'h', 'api-key': 'k', email: 'e' };
    expect(Object.keys(stripSecrets(input))).toEqual(['email']);
    expect(
      Object.keys(redactSecrets(input)).filter(
        (k) => redactSecrets(input)[k as keyof typeof input] !== '[redacted]',
      ),
    ).toEqual(['email']);
  });
});

export const REDACTED = '[redacted]';

/** Keys whose values never reach the audit log (compared case-insensitively, ignoring `_` and `-`). */
const SECRET_KEYS = new Set(
  [
    'password',
    'temporaryPassword',
    'previousPassword',
    'proposedPassword',
    'newPassword',
    'secret',
    'clientSecret',
    'secretHash',
    'secretCode',
    'token',
    'accessToken',
    'idToken',
    'refreshToken',
    'session',
    'authorization',
    'apiKey',
    'privateKey',
    'code',
    'confirmationCode',
    'otp',
    'totp',
    'userCode',
    'credentials',
    'cookie',
  ].map(normalise),
);

function normalise(key: string): string {
  return key.toLowerCase().replace(/[_-]/g, '');
}

export function isSecretKey(key: string): boolean {
  const k = normalise(key);
  return SECRET_KEYS.has(k) || k.endsWith('password') || k.endsWith('secret') || k.endsWith('token');
}

/** Returns a deep copy with every secret-looking key's value replaced by "[redacted]". Never mutates. */
export function redactSecrets<T>(value: T): T {
  return redact(value, new WeakSet()) as T;
}

function redact(value: unknown, seen: WeakSet<object>): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[circular]';
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => redact(item, seen));
    if (value instanceof Date) return value.toISOString();
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      out[key] = isSecretKey(key) && inner !== undefined && inner !== null ? REDACTED : redact(inner, seen);
    }
    return out;
  } finally {
    seen.delete(value);
  }
}

/**
 * The one list of secret-looking keys (house rule 13): what never reaches the audit log or a log line.
 * Keys are compared case-insensitively, ignoring `_` and `-`; anything ending in password, secret or token
 * counts too.
 */
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

export const REDACTED = '[redacted]';

/** A deep copy with every secret key's value replaced by "[redacted]" (the audit store's last line). */
export function redactSecrets<T>(value: T): T {
  return copy(value, new WeakSet(), 'redact') as T;
}

/** A deep copy with every secret key removed (what the API records of a request). */
export function stripSecrets<T>(value: T): T {
  return copy(value, new WeakSet(), 'strip') as T;
}

function copy(value: unknown, seen: WeakSet<object>, mode: 'redact' | 'strip'): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[circular]';
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => copy(item, seen, mode));
    if (value instanceof Date) return value.toISOString();
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      if (!isSecretKey(key)) out[key] = copy(inner, seen, mode);
      else if (mode === 'redact') out[key] = inner === undefined || inner === null ? inner : REDACTED;
    }
    return out;
  } finally {
    seen.delete(value);
  }
}

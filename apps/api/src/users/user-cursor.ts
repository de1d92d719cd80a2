import { createHash } from 'node:crypto';
import { AppError } from '../errors/app-error';

/**
 * Our opaque cursor wraps Cognito's PaginationToken plus what is needed to resume honestly mid-page:
 * `t` the token that fetched the current Cognito page (null = first page), `s` how many users of that page were
 * already consumed, `n` the Cognito page size used (replaying a token needs the same Limit), `q` a fingerprint of
 * the filters (a cursor cannot be reused with a different query).
 */
export interface UserCursor {
  t: string | null;
  s: number;
  n: number;
  q: string;
}

export function encodeCursor(cursor: UserCursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

export function decodeCursor(raw: string, fingerprint: string): UserCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw invalid('is not a cursor returned by this API');
  }
  const c = parsed as Partial<UserCursor> | null;
  const valid =
    c !== null &&
    typeof c === 'object' &&
    (c.t === null || typeof c.t === 'string') &&
    Number.isInteger(c.s) &&
    (c.s as number) >= 0 &&
    Number.isInteger(c.n) &&
    (c.n as number) >= 1 &&
    (c.n as number) <= 60 &&
    typeof c.q === 'string';
  if (!valid) throw invalid('is not a cursor returned by this API');
  if (c.q !== fingerprint) throw invalid('belongs to a different search; start again without a cursor');
  return c as UserCursor;
}

export function fingerprintOf(parts: unknown): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 16);
}

function invalid(message: string): AppError {
  return new AppError('VALIDATION_FAILED', `cursor: ${message}`, [{ field: 'cursor', message }]);
}

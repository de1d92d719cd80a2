import { AppError } from '../errors/app-error';
import { fingerprintOf } from '../users/user-cursor';

/**
 * Our opaque cursor over AdminListUserAuthEvents' NextToken: `t` the token, `q` a fingerprint of the pool and
 * user it belongs to (a cursor of one user's history cannot page another's).
 */
interface HistoryCursor {
  t: string;
  q: string;
}

const fingerprint = (poolId: string, username: string) =>
  fingerprintOf(['sign-in-history', poolId, username]);

export function encodeHistoryCursor(poolId: string, username: string, nextToken: string): string {
  const cursor: HistoryCursor = { t: nextToken, q: fingerprint(poolId, username) };
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

/** The NextToken a cursor wraps; VALIDATION_FAILED (field `cursor`) for anything this API did not hand out. */
export function decodeHistoryCursor(raw: string, poolId: string, username: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw invalid('is not a cursor returned by this API');
  }
  const c = parsed as Partial<HistoryCursor> | null;
  if (c === null || typeof c !== 'object' || typeof c.t !== 'string' || !c.t || typeof c.q !== 'string')
    throw invalid('is not a cursor returned by this API');
  if (c.q !== fingerprint(poolId, username))
    throw invalid("belongs to another user's history; start again without a cursor");
  return c.t;
}

function invalid(message: string): AppError {
  return new AppError('VALIDATION_FAILED', `cursor: ${message}`, [{ field: 'cursor', message }]);
}

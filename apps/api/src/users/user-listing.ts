import type { CognitoReads, CognitoUser, UserFilter } from '@poolkeeper/cognito-gateway';
import { type UserCursor, decodeCursor, encodeCursor, fingerprintOf } from './user-cursor';

export interface ListingRequest {
  poolId: string;
  /** The one filter Cognito applies. */
  filter: UserFilter | null;
  /** Applied locally when a second filter is needed. */
  keep: ((user: CognitoUser) => boolean) | null;
  limit: number;
  cursor: string | undefined;
}

/** Cognito's own maximum Limit; used for every page when filtering locally. */
const COGNITO_MAX_PAGE = 60;
/** Cognito pages one request may read when filtering locally (ListUsers is 30 RPS per account). */
export const MAX_PAGES_PER_REQUEST = 5;

/**
 * One honest page: follows PaginationToken until `limit` users are collected or the end is reached, never skips or
 * repeats a user (the cursor remembers how far into a Cognito page we got), and when the scan budget runs out it
 * returns what it has with a cursor (a short page with a next cursor, never an invented total).
 */
export async function listUserPage(
  cognito: CognitoReads,
  req: ListingRequest,
): Promise<{ users: CognitoUser[]; nextCursor: string | null }> {
  const fingerprint = fingerprintOf([req.poolId, req.filter, req.keep ? 'post' : 'none']);
  const pageSize = req.keep ? COGNITO_MAX_PAGE : req.limit;
  let state: UserCursor = req.cursor
    ? decodeCursor(req.cursor, fingerprint)
    : { t: null, s: 0, n: pageSize, q: fingerprint };
  const keep = req.keep ?? (() => true);
  const users: CognitoUser[] = [];
  for (let pages = 0; pages < MAX_PAGES_PER_REQUEST; pages++) {
    const page = await cognito.users.listUsers({
      poolId: req.poolId,
      limit: state.n,
      ...(req.filter ? { filter: req.filter } : {}),
      ...(state.t ? { paginationToken: state.t } : {}),
    });
    for (let i = state.s; i < page.items.length; i++) {
      const user = page.items[i]!;
      if (!keep(user)) continue;
      users.push(user);
      if (users.length === req.limit) {
        const rest =
          i + 1 < page.items.length
            ? { ...state, s: i + 1 }
            : page.nextToken
              ? { ...state, t: page.nextToken, s: 0 }
              : null;
        return { users, nextCursor: rest ? encodeCursor(rest) : null };
      }
    }
    if (!page.nextToken) return { users, nextCursor: null };
    state = { ...state, t: page.nextToken, s: 0 };
  }
  return { users, nextCursor: encodeCursor(state) };
}

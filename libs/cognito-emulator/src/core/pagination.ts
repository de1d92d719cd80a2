import { createHash } from 'node:crypto';
import { lowerBound } from '../state/change-tracking';
import { invalidParameter } from './errors';

/**
 * Opaque, key-based pagination: the token carries the sort key of the last item returned and a digest of
 * the query it belongs to, so inserts/deletes between pages neither skip nor repeat items and a token
 * cannot be replayed against a different query.
 */
interface Cursor {
  k: string;
  q: string;
}

const digest = (scope: string) => createHash('sha256').update(scope).digest('base64url').slice(0, 16);

export function encodePageToken(lastKey: string, scope: string): string {
  return Buffer.from(JSON.stringify({ k: lastKey, q: digest(scope) } satisfies Cursor)).toString('base64url');
}

export function decodePageToken(token: string, scope: string): string {
  let cursor: Cursor;
  try {
    cursor = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Cursor;
  } catch {
    throw invalidParameter('Invalid pagination token.');
  }
  if (typeof cursor?.k !== 'string' || cursor.q !== digest(scope))
    throw invalidParameter('Invalid pagination token.');
  return cursor.k;
}

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

/** Pages through items ordered by `key` (ascending, unique). */
export function paginate<T>(
  items: T[],
  key: (item: T) => string,
  limit: number,
  token: string | undefined,
  scope: string,
): Page<T> {
  const sorted = [...items].sort((a, b) => compare(key(a), key(b)));
  let start = 0;
  if (token) {
    const after = decodePageToken(token, scope);
    start = sorted.findIndex((item) => compare(key(item), after) > 0);
    if (start === -1) start = sorted.length;
  }
  const page = sorted.slice(start, start + limit);
  const last = page[page.length - 1];
  const more = start + limit < sorted.length;
  return more && last !== undefined
    ? { items: page, nextToken: encodePageToken(key(last), scope) }
    : { items: page };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Pages through `keys` (ascending, unique: e.g. a pool's sorted username index) keeping those whose item
 * `match`es, with the same tokens as `paginate`: a page costs a binary search plus the keys scanned to fill
 * it (and to find whether one more matches), never a sort of the whole collection.
 */
export function paginateSorted<T>(
  keys: readonly string[],
  itemOf: (key: string) => T | undefined,
  match: (item: T) => boolean,
  limit: number,
  token: string | undefined,
  scope: string,
): Page<T> {
  let i = token ? lowerBound(keys, decodePageToken(token, scope)) : 0;
  const items: T[] = [];
  let lastKey = '';
  for (; i < keys.length; i++) {
    const item = itemOf(keys[i]!);
    if (item === undefined || !match(item)) continue;
    if (items.length === limit) return { items, nextToken: encodePageToken(lastKey, scope) };
    items.push(item);
    lastKey = keys[i]!;
  }
  return { items };
}

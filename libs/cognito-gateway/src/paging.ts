import { GatewayError } from './types';

/**
 * One page as an AWS list call returns it: its items and the token for the next page (absent at the end).
 * Not the API's `Page` (contract), which carries our own opaque `nextCursor`.
 */
export interface TokenPage<T> {
  items: T[];
  nextToken: string | null | undefined;
}

export interface PagingOptions {
  /** Safety stop; a broken server that never ends paging raises instead of looping forever. Default 10 000. */
  maxPages?: number;
}

/**
 * Walks a NextToken/PaginationToken list to its end, yielding each page's items. Cognito can return fewer
 * items than asked (even zero) before the end, so only a missing token ends the walk. A token seen twice
 * is a server bug and raises instead of looping.
 */
export async function* paginate<T>(
  fetchPage: (token: string | undefined) => Promise<TokenPage<T>>,
  options: PagingOptions = {},
): AsyncGenerator<T[], void, undefined> {
  const maxPages = options.maxPages ?? 10_000;
  const seen = new Set<string>();
  let token: string | undefined;
  for (let pageNumber = 0; pageNumber < maxPages; pageNumber++) {
    const page = await fetchPage(token);
    yield page.items;
    if (!page.nextToken) return;
    if (seen.has(page.nextToken)) {
      throw new GatewayError('INTERNAL_ERROR', 'Cognito returned the same page token twice.', null, null);
    }
    seen.add(page.nextToken);
    token = page.nextToken;
  }
  throw new GatewayError('INTERNAL_ERROR', `Stopped paging after ${maxPages} pages.`, null, null);
}

/** Collects every item of a paged list. Use only for lists known to be small (groups of a user, pools). */
export async function collectAll<T>(
  fetchPage: (token: string | undefined) => Promise<TokenPage<T>>,
  options?: PagingOptions,
): Promise<T[]> {
  const all: T[] = [];
  for await (const items of paginate(fetchPage, options)) all.push(...items);
  return all;
}

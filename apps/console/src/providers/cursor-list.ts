/**
 * Cursor-paged lists for react-admin: one API page per react-admin page, answered with `pageInfo`
 * (whether another page follows), never an invented total. Shared by every paged resource.
 */
import type { GetListParams } from 'react-admin';
import type { Page } from '@poolkeeper/contract';
import { apiRequest, type QueryValue } from './http-client';
import { CursorPages, queryKeyOf } from './cursor-pages';

const pages = new CursorPages();

export interface CursorListResult<T> {
  items: T[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean };
  /**
   * The page really served: 1 when the page asked for cannot be rebuilt (a reload or a shared link deep in
   * the list: cursors live in this tab only). The pagination then says so and goes back to page 1.
   */
  meta: { page: number };
}

export async function listPage<T>(
  resource: string,
  path: string,
  params: GetListParams,
  query: Record<string, QueryValue>,
  options: { defaultPerPage: number; maxPerPage?: number },
): Promise<CursorListResult<T>> {
  const asked = params.pagination?.perPage ?? options.defaultPerPage;
  const perPage = options.maxPerPage ? Math.min(asked, options.maxPerPage) : asked;
  const key = queryKeyOf(resource, { path, perPage, ...query });
  const { cursor, page } = pages.cursorFor(key, params.pagination?.page ?? 1);
  const result = await apiRequest<Page<T>>(path, { query: { ...query, limit: perPage, cursor } });
  pages.remember(key, page, result.nextCursor);
  return {
    items: result.items,
    pageInfo: { hasNextPage: result.nextCursor !== null, hasPreviousPage: page > 1 },
    meta: { page },
  };
}

/** A filter value as the API wants it: trimmed text, or nothing. */
export function stringFilter(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed || undefined;
}

/** A date filter as an ISO instant, or nothing when empty or not a date. */
export function isoFilter(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const date = value instanceof Date ? value : new Date(String(value));
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

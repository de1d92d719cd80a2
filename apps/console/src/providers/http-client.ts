/**
 * The one way the console talks to the API: adds the bearer token, retries once after a refresh on 401,
 * and turns `{ code, message, details?, errorId? }` bodies into react-admin HttpErrors carrying the plain
 * message and per-field errors (`body.errors`, which react-admin forms show next to each input).
 */
import { HttpError } from 'react-admin';
import type { ErrorCode, FieldIssue } from '@poolkeeper/contract';
import { forceRefresh, getAccessToken } from './session';

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Renames API field paths (e.g. `set.email`) to form field paths (e.g. `attributes.email`). */
  fieldName?: (apiField: string) => string;
  /** Error codes that belong to one form field (e.g. USERNAME_EXISTS → `username`). */
  codeFields?: Partial<Record<ErrorCode, string>>;
}

export interface ApiErrorBody {
  code: ErrorCode | string;
  message: string;
  errorId?: string;
  details?: unknown;
  /** Field path → message, for react-admin forms. */
  errors?: Record<string, string>;
}

export function buildQuery(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

function isFieldIssue(value: unknown): value is FieldIssue {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as FieldIssue).field === 'string' &&
    typeof (value as FieldIssue).message === 'string'
  );
}

async function toHttpError(response: Response, options: RequestOptions): Promise<HttpError> {
  const fieldName = options.fieldName ?? ((field: string) => field);
  const text = await response.text();
  let parsed: Partial<ApiErrorBody> = {};
  try {
    parsed = text ? (JSON.parse(text) as Partial<ApiErrorBody>) : {};
  } catch {
    // Not JSON (proxy or gateway page): keep the status line.
  }
  const code = typeof parsed.code === 'string' ? parsed.code : `HTTP_${response.status}`;
  let message =
    typeof parsed.message === 'string' && parsed.message
      ? parsed.message
      : response.status === 0 || response.status >= 502
        ? 'The poolkeeper API is not reachable right now. Try again in a moment.'
        : `Request failed (HTTP ${response.status}).`;
  if (parsed.errorId) message = `${message} (error id ${parsed.errorId})`;
  const body: ApiErrorBody = { code, message, errorId: parsed.errorId, details: parsed.details };
  if (Array.isArray(parsed.details)) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.details.filter(isFieldIssue)) {
      const key = issue.field ? fieldName(issue.field) : 'root.serverError';
      errors[key] = errors[key] ? `${errors[key]}; ${issue.message}` : issue.message;
    }
    if (Object.keys(errors).length > 0) body.errors = errors;
  }
  const codeField = options.codeFields?.[code as ErrorCode];
  if (!body.errors && codeField) body.errors = { [codeField]: parsed.message ?? message };
  return new HttpError(message, response.status, body);
}

async function send(path: string, options: RequestOptions, token: string | null): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (token) headers['Authorization'] = `Bearer ${token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  try {
    return await fetch(`/api${path}${buildQuery(options.query)}`, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new HttpError('The poolkeeper API is not reachable. Check your connection and try again.', 0, {
      code: 'NETWORK_ERROR',
      message: 'The poolkeeper API is not reachable.',
    });
  }
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  let response = await send(path, options, await getAccessToken());
  if (response.status === 401) {
    const renewed = await forceRefresh();
    if (renewed) response = await send(path, options, renewed.accessToken);
  }
  if (!response.ok) throw await toHttpError(response, options);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

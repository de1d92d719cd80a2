import type { ErrorCode } from '@poolkeeper/contract';
import { type ErrorTable, cognitoIdpErrors } from './error-tables';
import { GatewayError } from './types';

/** Seconds we tell a caller to wait after throttling when AWS sends no Retry-After header. */
export const DEFAULT_RETRY_AFTER_SECONDS = 1;

/** Node/SDK signs that the endpoint could not be reached or did not answer in time. */
const networkErrorCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
]);
const networkErrorNames = new Set([
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'AbortError',
]);

/** Plain sentences used when AWS sends no message. */
const defaultMessages: Readonly<Record<ErrorCode, string>> = {
  VALIDATION_FAILED: 'The request is not valid.',
  UNAUTHENTICATED: 'Sign in first.',
  FORBIDDEN: 'You are not allowed to do that.',
  NOT_FOUND: 'Not found.',
  ROUTE_NOT_FOUND: 'Not found.',
  POOL_NOT_FOUND: 'User pool does not exist.',
  USER_NOT_FOUND: 'User does not exist.',
  GROUP_NOT_FOUND: 'Group does not exist.',
  CLIENT_NOT_FOUND: 'App client does not exist.',
  IDP_NOT_FOUND: 'Identity provider does not exist.',
  IDENTITY_POOL_NOT_FOUND: 'Identity pool does not exist.',
  ROLE_NOT_FOUND: 'IAM role does not exist.',
  USERNAME_EXISTS: 'A user with that username or alias already exists.',
  GROUP_EXISTS: 'A group with that name already exists.',
  IDP_EXISTS: 'An identity provider with that name or identifier already exists.',
  ROLE_EXISTS: 'An IAM role with that name already exists.',
  CONFLICT: 'The resource was changed or is in use; try again.',
  SELF_PROTECTED: 'You cannot do that to your own operator account.',
  LAST_ADMIN: 'The admin group would be left without members.',
  USER_STATUS_CONFLICT: "The user's status does not allow that.",
  INVALID_PASSWORD: 'The password does not meet the pool password policy.',
  INVALID_PARAMETER: 'Cognito rejected a parameter.',
  NOT_AUTHORIZED: 'Cognito refused the operation.',
  COGNITO_THROTTLED: 'Cognito is throttling requests; try again shortly.',
  COGNITO_LIMIT_EXCEEDED: 'A Cognito limit was reached.',
  COGNITO_FEATURE_UNAVAILABLE: 'This feature is not enabled for the user pool.',
  COGNITO_UNAVAILABLE: 'Cognito could not be reached.',
  AUDIT_UNAVAILABLE: 'The audit log is unavailable.',
  REQUEST_HEADERS_TOO_LARGE: 'The request headers are too large.',
  INTERNAL_ERROR: 'Unexpected error while calling Cognito.',
};

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  $fault?: unknown;
  $metadata?: { requestId?: unknown; httpStatusCode?: unknown };
  $response?: { statusCode?: unknown; headers?: Record<string, unknown> };
  cause?: unknown;
  errors?: unknown;
}

function asErrorLike(err: unknown): ErrorLike {
  return typeof err === 'object' && err !== null ? (err as ErrorLike) : {};
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

function httpStatusOf(e: ErrorLike): number | null {
  const status = e.$metadata?.httpStatusCode ?? e.$response?.statusCode;
  return typeof status === 'number' ? status : null;
}

/**
 * The SDK's retry middleware replaces a thrown value that is not `instanceof Error` with
 * `new Error("AWS SDK error wrapper for <value>")`, dropping `code`. That happens to Node's socket errors when
 * the SDK runs in another realm (a vm context such as Jest's), so the code is read back from the text.
 */
const sdkWrapperPrefix = 'AWS SDK error wrapper for ';

function wrappedNetworkCode(message: string | null): boolean {
  if (!message?.startsWith(sdkWrapperPrefix)) return false;
  return [...networkErrorCodes].some((code) => message.includes(code));
}

/** True for connection refused/reset, DNS failure and timeouts, looking through `cause` and AggregateError. */
function isNetworkError(e: ErrorLike, depth = 0): boolean {
  if (depth > 3) return false;
  const code = str(e.code);
  const name = str(e.name);
  if ((code && networkErrorCodes.has(code)) || (name && networkErrorNames.has(name))) return true;
  if (wrappedNetworkCode(str(e.message))) return true;
  if (e.cause && isNetworkError(asErrorLike(e.cause), depth + 1)) return true;
  if (Array.isArray(e.errors)) return e.errors.some((inner) => isNetworkError(asErrorLike(inner), depth + 1));
  return false;
}

/** Retry-After in seconds (delta-seconds or HTTP date), or null when absent/unparseable. */
export function parseRetryAfter(
  headers: Record<string, unknown> | undefined,
  now = Date.now(),
): number | null {
  if (!headers) return null;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === 'retry-after');
  const raw = key ? str(headers[key]) : null;
  if (!raw) return null;
  if (/^\d+$/.test(raw.trim())) return Math.max(1, Number(raw.trim()));
  const at = Date.parse(raw);
  if (Number.isNaN(at)) return null;
  return Math.max(1, Math.ceil((at - now) / 1000));
}

function codeFor(e: ErrorLike, awsName: string | null, table: ErrorTable): ErrorCode {
  const known = awsName && Object.hasOwn(table, awsName) ? table[awsName] : undefined;
  if (typeof known === 'function') return known(str(e.message) ?? '');
  if (known) return known;
  const status = httpStatusOf(e);
  if (status === 429) return 'COGNITO_THROTTLED';
  if ((status !== null && status >= 500) || e.$fault === 'server') return 'COGNITO_UNAVAILABLE';
  return 'INTERNAL_ERROR';
}

/**
 * The one translation from whatever the SDK (or Node) threw to a GatewayError, by the calling port's error
 * table (each AWS service names its errors differently). Keeps AWS's message (plain text meant for people) and
 * `$metadata.requestId` for the audit log. A GatewayError passes through.
 */
export function toGatewayError(err: unknown, table: ErrorTable = cognitoIdpErrors): GatewayError {
  if (err instanceof GatewayError) return err;
  const e = asErrorLike(err);
  const name = str(e.name);
  const listed = name !== null && Object.hasOwn(table, name);
  const network = !listed && isNetworkError(e);
  // Only service errors (listed names, or anything carrying SDK metadata) count as AWS error names.
  const fromService = name !== null && (listed || e.$metadata !== undefined || e.$fault !== undefined);
  const awsName = fromService && !network && name !== 'Error' ? name : null;
  const code = network ? 'COGNITO_UNAVAILABLE' : codeFor(e, awsName, table);
  const requestId = str(e.$metadata?.requestId);
  // Network failures carry Node's technical text ("connect ECONNREFUSED 127.0.0.1:4566"): say it plainly.
  const awsMessage = network ? null : str(e.message);
  const message = awsMessage ?? defaultMessages[code];
  const retryAfter =
    code === 'COGNITO_THROTTLED'
      ? (parseRetryAfter(e.$response?.headers) ?? DEFAULT_RETRY_AFTER_SECONDS)
      : undefined;
  return new GatewayError(code, message, awsName, requestId, retryAfter);
}

/** Runs `fn`, rethrowing anything it throws as a GatewayError read with `table`. */
export async function mapErrors<T>(fn: () => Promise<T>, table?: ErrorTable): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw toGatewayError(err, table);
  }
}

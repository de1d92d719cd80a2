import type { ErrorCode } from '@poolkeeper/contract';

/** The one exhaustive code → HTTP status switch. Bad input is 400 (not 422), documented in README.md. */
export function statusForCode(code: ErrorCode): number {
  switch (code) {
    case 'VALIDATION_FAILED':
    case 'INVALID_PARAMETER':
    case 'INVALID_PASSWORD':
      return 400;
    case 'UNAUTHENTICATED':
      return 401;
    // NOT_AUTHORIZED: Cognito refused poolkeeper's own IAM identity on an admin call.
    case 'FORBIDDEN':
    case 'NOT_AUTHORIZED':
      return 403;
    case 'NOT_FOUND':
    case 'ROUTE_NOT_FOUND':
    case 'POOL_NOT_FOUND':
    case 'USER_NOT_FOUND':
    case 'GROUP_NOT_FOUND':
    case 'CLIENT_NOT_FOUND':
    case 'IDP_NOT_FOUND':
    case 'IDENTITY_POOL_NOT_FOUND':
    case 'ROLE_NOT_FOUND':
      return 404;
    case 'USERNAME_EXISTS':
    case 'GROUP_EXISTS':
    case 'IDP_EXISTS':
    case 'ROLE_EXISTS':
    case 'CONFLICT':
    case 'SELF_PROTECTED':
    case 'LAST_ADMIN':
    case 'USER_STATUS_CONFLICT':
      return 409;
    case 'REQUEST_HEADERS_TOO_LARGE':
      return 431;
    case 'COGNITO_THROTTLED':
    case 'COGNITO_LIMIT_EXCEEDED':
      return 429;
    case 'COGNITO_FEATURE_UNAVAILABLE':
      return 501;
    case 'COGNITO_UNAVAILABLE':
    case 'AUDIT_UNAVAILABLE':
      return 503;
    case 'INTERNAL_ERROR':
      return 500;
    default:
      return assertNever(code);
  }
}

/** Seconds to put in Retry-After, or null when the status does not carry one. */
export function retryAfterFor(code: ErrorCode, hint?: number): number | null {
  switch (statusForCode(code)) {
    case 429:
      return Math.max(1, Math.ceil(hint ?? 1));
    case 503:
      return Math.max(1, Math.ceil(hint ?? 5));
    default:
      return null;
  }
}

function assertNever(value: never): never {
  throw new Error(`unmapped error code ${String(value)}`);
}

import { HttpException } from '@nestjs/common';
import type { ErrorCode } from '@poolkeeper/contract';
import { GatewayError } from '@poolkeeper/cognito-gateway';
import { AppError } from './app-error';

/**
 * What any thrown value means, decided once (house rule 13): the HTTP answer (to-error-body.ts) and the audit
 * row (audit.service.ts) both read this, so an error can never be 429 to the caller and INTERNAL_ERROR in the
 * audit log.
 */
export interface Classified {
  code: ErrorCode;
  message: string;
  details?: unknown;
  /** Hint for Retry-After (throttling). */
  retryAfterSeconds?: number;
  /** AWS's request id when AWS answered. */
  awsRequestId: string | null;
  /** Not an error of ours or AWS's vocabulary: a bug, logged with an errorId, never shown. */
  unexpected: boolean;
}

export function classifyError(error: unknown): Classified {
  if (error instanceof AppError) {
    return error.code === 'INTERNAL_ERROR'
      ? unexpected(error, null)
      : known(error.code, error.message, error.details);
  }
  if (error instanceof GatewayError || isGatewayErrorLike(error)) {
    const e = error as GatewayError;
    if (e.code === 'INTERNAL_ERROR') return unexpected(error, e.requestId ?? null);
    return {
      code: e.code,
      message: e.message,
      awsRequestId: e.requestId ?? null,
      unexpected: false,
      ...(e.retryAfterSeconds !== undefined ? { retryAfterSeconds: e.retryAfterSeconds } : {}),
    };
  }
  // Express/body-parser errors arrive raw or wrapped by Nest's adapter in an HttpException with the original as cause.
  const raw = error instanceof HttpException && error.cause !== undefined ? error.cause : error;
  const parserType = bodyParserType(raw);
  if (parserType) return fromBodyParser(parserType, raw as { status?: number });
  if (raw instanceof URIError)
    return known('VALIDATION_FAILED', 'The URL is not correctly encoded', [
      { field: '(path)', message: 'bad percent-encoding' },
    ]);
  if (error instanceof HttpException) return fromHttpException(error);
  return unexpected(error, null);
}

function known(code: ErrorCode, message: string, details?: unknown): Classified {
  return {
    code,
    message,
    awsRequestId: null,
    unexpected: false,
    ...(details !== undefined ? { details } : {}),
  };
}

function unexpected(_error: unknown, awsRequestId: string | null): Classified {
  return { code: 'INTERNAL_ERROR', message: 'Unexpected error', awsRequestId, unexpected: true };
}

function fromBodyParser(type: string, error: { status?: number }): Classified {
  if (type === 'entity.parse.failed') {
    return known('VALIDATION_FAILED', 'The request body is not valid JSON', [
      { field: '(body)', message: 'malformed JSON' },
    ]);
  }
  if (type === 'entity.too.large') {
    return known('VALIDATION_FAILED', 'The request body is too large', [
      { field: '(body)', message: 'larger than the 100 kB limit' },
    ]);
  }
  if ((error.status ?? 500) < 500) {
    return known('VALIDATION_FAILED', 'The request body could not be read', [
      { field: '(body)', message: type },
    ]);
  }
  return unexpected(error, null);
}

function fromHttpException(error: HttpException): Classified {
  const status = error.getStatus();
  if (status === 404 || status === 405) return known('ROUTE_NOT_FOUND', error.message || 'No such route');
  if (status === 401) return known('UNAUTHENTICATED', 'Sign in first');
  if (status === 403) return known('FORBIDDEN', error.message || 'Forbidden');
  if (status === 429) return known('COGNITO_THROTTLED', 'Too many requests');
  if (status >= 400 && status < 500) return known('VALIDATION_FAILED', error.message || 'Bad request');
  return unexpected(error, null);
}

/** A GatewayError from another module realm (Jest's vm contexts) fails `instanceof`. */
function isGatewayErrorLike(error: unknown): boolean {
  return (
    error instanceof Error &&
    error.name === 'GatewayError' &&
    typeof (error as { code?: unknown }).code === 'string'
  );
}

function bodyParserType(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const type = (error as { type?: unknown }).type;
  return typeof type === 'string' && /^(entity|encoding|charset|request)\./.test(type) ? type : null;
}

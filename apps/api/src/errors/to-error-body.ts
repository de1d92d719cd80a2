import { randomUUID } from 'node:crypto';
import { HttpException } from '@nestjs/common';
import type { ErrorBody, ErrorCode } from '@poolkeeper/contract';
import { GatewayError } from '@poolkeeper/cognito-gateway';
import { AppError } from './app-error';
import { retryAfterFor, statusForCode } from './error-status';

export interface MappedError {
  status: number;
  body: ErrorBody;
  retryAfterSeconds: number | null;
  /** Set for 500s: the error to log next to `body.errorId`. */
  unexpected?: unknown;
}

/** Turns anything thrown while serving a request into our JSON error shape. Never lets bad input become a 500. */
export function toErrorBody(error: unknown): MappedError {
  if (error instanceof AppError) return mapped(error.code, error.message, error.details);
  if (error instanceof GatewayError || isGatewayErrorLike(error)) {
    const e = error as GatewayError;
    const body = mappedBody(e.code, e.message);
    if (e.code === 'INTERNAL_ERROR') return internal(error);
    return { ...body, retryAfterSeconds: retryAfterFor(e.code, e.retryAfterSeconds) };
  }
  // Express/body-parser errors arrive raw or wrapped by Nest's adapter in an HttpException with the original as cause.
  const raw = error instanceof HttpException && error.cause !== undefined ? error.cause : error;
  const parserType = bodyParserType(raw);
  if (parserType) return fromBodyParser(parserType, raw as { status?: number });
  if (raw instanceof URIError)
    return mapped('VALIDATION_FAILED', 'The URL is not correctly encoded', [
      { field: '(path)', message: 'bad percent-encoding' },
    ]);
  if (error instanceof HttpException) return fromHttpException(error);
  return internal(error);
}

function fromBodyParser(type: string, error: { status?: number }): MappedError {
  if (type === 'entity.parse.failed') {
    return mapped('VALIDATION_FAILED', 'The request body is not valid JSON', [
      { field: '(body)', message: 'malformed JSON' },
    ]);
  }
  if (type === 'entity.too.large') {
    return mapped('VALIDATION_FAILED', 'The request body is too large', [
      { field: '(body)', message: 'larger than the 100 kB limit' },
    ]);
  }
  if ((error.status ?? 500) < 500) {
    return mapped('VALIDATION_FAILED', 'The request body could not be read', [
      { field: '(body)', message: type },
    ]);
  }
  return internal(error);
}

function fromHttpException(error: HttpException): MappedError {
  const status = error.getStatus();
  if (status === 404 || status === 405) return mapped('ROUTE_NOT_FOUND', error.message || 'No such route');
  if (status === 401) return mapped('UNAUTHENTICATED', 'Sign in first');
  if (status === 403) return mapped('FORBIDDEN', error.message || 'Forbidden');
  if (status === 429) return mapped('COGNITO_THROTTLED', 'Too many requests');
  if (status >= 400 && status < 500) return mapped('VALIDATION_FAILED', error.message || 'Bad request');
  return internal(error);
}

function mapped(code: ErrorCode, message: string, details?: unknown): MappedError {
  return { ...mappedBody(code, message, details), retryAfterSeconds: retryAfterFor(code) };
}

function mappedBody(
  code: ErrorCode,
  message: string,
  details?: unknown,
): Pick<MappedError, 'status' | 'body'> {
  const body: ErrorBody = { code, message };
  if (details !== undefined) body.details = details;
  return { status: statusForCode(code), body };
}

function internal(error: unknown): MappedError {
  const errorId = randomUUID();
  return {
    status: statusForCode('INTERNAL_ERROR'),
    body: {
      code: 'INTERNAL_ERROR',
      message: `Unexpected error; quote errorId ${errorId} when reporting it`,
      errorId,
    },
    retryAfterSeconds: null,
    unexpected: error,
  };
}

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

import { randomUUID } from 'node:crypto';
import type { ErrorBody } from '@poolkeeper/contract';
import { classifyError } from './classify';
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
  const c = classifyError(error);
  if (c.unexpected) {
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
  const body: ErrorBody = { code: c.code, message: c.message };
  if (c.details !== undefined) body.details = c.details;
  return {
    status: statusForCode(c.code),
    body,
    retryAfterSeconds: retryAfterFor(c.code, c.retryAfterSeconds),
  };
}

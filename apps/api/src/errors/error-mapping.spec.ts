import { describe, expect, it } from '@jest/globals';
import { BadRequestException, NotFoundException } from '@nestjs/common';
import { errorCodes } from '@poolkeeper/contract';
import { GatewayError } from '@poolkeeper/cognito-gateway';
import { AppError } from './app-error';
import { statusForCode } from './error-status';
import { toErrorBody } from './to-error-body';

describe('error mapping', () => {
  it('gives every ErrorCode a status', () => {
    for (const code of errorCodes) expect(statusForCode(code)).toBeGreaterThanOrEqual(400);
  });

  it.each([
    ['USER_NOT_FOUND', 404],
    ['POOL_NOT_FOUND', 404],
    ['USERNAME_EXISTS', 409],
    ['GROUP_EXISTS', 409],
    ['VALIDATION_FAILED', 400],
    ['INVALID_PASSWORD', 400],
    ['UNAUTHENTICATED', 401],
    ['FORBIDDEN', 403],
    ['COGNITO_THROTTLED', 429],
    ['COGNITO_UNAVAILABLE', 503],
    ['AUDIT_UNAVAILABLE', 503],
    ['COGNITO_FEATURE_UNAVAILABLE', 501],
    ['INTERNAL_ERROR', 500],
  ] as const)('%s → %i', (code, status) => expect(statusForCode(code)).toBe(status));

  it('maps an AppError with details', () => {
    const m = toErrorBody(new AppError('VALIDATION_FAILED', 'bad', [{ field: 'x', message: 'y' }]));
    expect(m).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION_FAILED', message: 'bad', details: [{ field: 'x', message: 'y' }] },
      retryAfterSeconds: null,
    });
  });

  it('maps a GatewayError and carries Retry-After for throttling', () => {
    const m = toErrorBody(
      new GatewayError('COGNITO_THROTTLED', 'slow down', 'TooManyRequestsException', 'r1', 3),
    );
    expect(m).toMatchObject({ status: 429, body: { code: 'COGNITO_THROTTLED' }, retryAfterSeconds: 3 });
    expect(
      toErrorBody(new GatewayError('COGNITO_UNAVAILABLE', 'down', null, null)).retryAfterSeconds,
    ).toBeGreaterThan(0);
  });

  it('maps an unknown route and a malformed JSON body', () => {
    expect(toErrorBody(new NotFoundException('Cannot GET /api/x')).body.code).toBe('ROUTE_NOT_FOUND');
    const syntax = Object.assign(new SyntaxError('Unexpected token'), {
      status: 400,
      type: 'entity.parse.failed',
    });
    expect(toErrorBody(new BadRequestException('x', { cause: syntax }))).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION_FAILED', details: [{ field: '(body)' }] },
    });
    const tooLarge = Object.assign(new Error('request entity too large'), {
      status: 413,
      statusCode: 413,
      type: 'entity.too.large',
    });
    expect(toErrorBody(tooLarge)).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
  });

  it('turns anything else into a 500 with an errorId', () => {
    const m = toErrorBody(new TypeError('boom'));
    expect(m.status).toBe(500);
    expect(m.body.code).toBe('INTERNAL_ERROR');
    expect(m.body.errorId).toMatch(/^[0-9a-f-]{36}$/);
    expect(m.body.message).not.toContain('boom');
    expect(m.unexpected).toBeInstanceOf(TypeError);
  });
});

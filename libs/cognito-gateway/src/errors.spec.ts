import {
  AliasExistsException,
  FeatureUnavailableInTierException,
  GroupExistsException,
  InternalErrorException,
  InvalidParameterException,
  InvalidPasswordException,
  LimitExceededException,
  NotAuthorizedException,
  ResourceNotFoundException,
  TooManyRequestsException,
  UnsupportedOperationException,
  UsernameExistsException,
  UserNotFoundException,
  UserPoolAddOnNotEnabledException,
} from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from '@jest/globals';
import type { ErrorCode } from '@poolkeeper/contract';
import { groupErrors } from './error-tables';
import { mapErrors, parseRetryAfter, toGatewayError } from './errors';
import { GatewayError } from './types';

const $metadata = { httpStatusCode: 400, requestId: 'req-123', attempts: 1, totalRetryDelay: 0 };
const opts = (message: string) => ({ message, $metadata });

const sdkTable: Array<[string, unknown, ErrorCode]> = [
  ['UserNotFoundException', new UserNotFoundException(opts('User does not exist.')), 'USER_NOT_FOUND'],
  [
    'ResourceNotFoundException',
    new ResourceNotFoundException(opts('User pool x does not exist.')),
    'POOL_NOT_FOUND',
  ],
  [
    'UsernameExistsException',
    new UsernameExistsException(opts('User account already exists')),
    'USERNAME_EXISTS',
  ],
  [
    'AliasExistsException',
    new AliasExistsException(opts('An account with the email already exists.')),
    'USERNAME_EXISTS',
  ],
  [
    'GroupExistsException',
    new GroupExistsException(opts('A group with the name already exists.')),
    'GROUP_EXISTS',
  ],
  [
    'InvalidPasswordException',
    new InvalidPasswordException(opts('Password not long enough')),
    'INVALID_PASSWORD',
  ],
  [
    'InvalidParameterException',
    new InvalidParameterException(opts('Invalid attributes given')),
    'INVALID_PARAMETER',
  ],
  ['NotAuthorizedException', new NotAuthorizedException(opts('Not authorized')), 'NOT_AUTHORIZED'],
  ['TooManyRequestsException', new TooManyRequestsException(opts('Too many requests')), 'COGNITO_THROTTLED'],
  ['LimitExceededException', new LimitExceededException(opts('Limit exceeded')), 'COGNITO_LIMIT_EXCEEDED'],
  [
    'UserPoolAddOnNotEnabledException',
    new UserPoolAddOnNotEnabledException(opts('Threat protection is not enabled.')),
    'COGNITO_FEATURE_UNAVAILABLE',
  ],
  [
    'FeatureUnavailableInTierException',
    new FeatureUnavailableInTierException(opts('Not in this tier.')),
    'COGNITO_FEATURE_UNAVAILABLE',
  ],
  [
    'UnsupportedOperationException',
    new UnsupportedOperationException(opts('Unsupported.')),
    'COGNITO_FEATURE_UNAVAILABLE',
  ],
  ['InternalErrorException', new InternalErrorException(opts('Internal error')), 'COGNITO_UNAVAILABLE'],
];

describe('toGatewayError: SDK exception classes', () => {
  it.each(sdkTable)('%s', (awsName, err, code) => {
    const mapped = toGatewayError(err);
    expect(mapped).toBeInstanceOf(GatewayError);
    expect(mapped.code).toBe(code);
    expect(mapped.awsErrorName).toBe(awsName);
    expect(mapped.requestId).toBe('req-123');
    expect(mapped.message).toBe((err as Error).message);
  });
});

describe('toGatewayError: plain objects and other failures', () => {
  it('maps by name with $metadata, as the SDK does for names it has no class for', () => {
    const mapped = toGatewayError({
      name: 'UserNotFoundException',
      message: 'User does not exist.',
      $metadata,
    });
    expect(mapped).toMatchObject({
      code: 'USER_NOT_FOUND',
      message: 'User does not exist.',
      requestId: 'req-123',
    });
  });

  it('lets the caller say what a ResourceNotFoundException means', () => {
    const err = { name: 'ResourceNotFoundException', message: 'Group not found.', $metadata };
    expect(toGatewayError(err, groupErrors).code).toBe('GROUP_NOT_FOUND');
  });

  it('gives throttling a default retry-after, or the Retry-After header', () => {
    expect(toGatewayError(new TooManyRequestsException(opts('slow down'))).retryAfterSeconds).toBe(1);
    const withHeader = Object.assign(new TooManyRequestsException(opts('slow down')), {
      $response: { statusCode: 400, headers: { 'Retry-After': '7' } },
    });
    expect(toGatewayError(withHeader).retryAfterSeconds).toBe(7);
    expect(toGatewayError(new UserNotFoundException(opts('x'))).retryAfterSeconds).toBeUndefined();
  });

  it('treats an unknown 5xx or server fault as unavailable and an unknown 429 as throttled', () => {
    const m = (status: number) => ({ ...$metadata, httpStatusCode: status });
    expect(toGatewayError({ name: 'Weird', message: 'boom', $metadata: m(503) }).code).toBe(
      'COGNITO_UNAVAILABLE',
    );
    expect(toGatewayError({ name: 'Weird', message: 'boom', $fault: 'server' }).code).toBe(
      'COGNITO_UNAVAILABLE',
    );
    expect(toGatewayError({ name: 'Weird', message: 'slow', $metadata: m(429) }).code).toBe(
      'COGNITO_THROTTLED',
    );
  });

  it('treats refused connections, DNS failures and timeouts as unavailable with a plain message', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9229'), { code: 'ECONNREFUSED' });
    const aggregate = Object.assign(new AggregateError([refused], ''), { $metadata: { attempts: 3 } });
    const dns = Object.assign(new Error('getaddrinfo ENOTFOUND nowhere'), { code: 'ENOTFOUND' });
    const timeout = Object.assign(new Error('Connection timed out after 5000 ms'), { name: 'TimeoutError' });
    const wrapped = new Error('request failed', { cause: refused });
    const sdkWrapped = new Error('AWS SDK error wrapper for Error: connect ECONNREFUSED 127.0.0.1:1');
    for (const err of [refused, aggregate, dns, timeout, wrapped, sdkWrapped]) {
      const mapped = toGatewayError(err);
      expect(mapped.code).toBe('COGNITO_UNAVAILABLE');
      expect(mapped.awsErrorName).toBeNull();
      expect(mapped.message).toBe('Cognito could not be reached.');
    }
  });

  it('maps anything else to INTERNAL_ERROR without inventing an AWS name', () => {
    for (const err of [new TypeError('x is undefined'), 'a string', null, undefined, 42]) {
      const mapped = toGatewayError(err);
      expect(mapped.code).toBe('INTERNAL_ERROR');
      expect(mapped.awsErrorName).toBeNull();
      expect(mapped.requestId).toBeNull();
      expect(mapped.message.length).toBeGreaterThan(0);
    }
    const unknownAws = toGatewayError({ name: 'CodeMismatchException', message: 'Invalid code', $metadata });
    expect(unknownAws).toMatchObject({ code: 'INTERNAL_ERROR', awsErrorName: 'CodeMismatchException' });
  });

  it('falls back to a plain sentence when AWS sends no message', () => {
    expect(toGatewayError({ name: 'UserNotFoundException', $metadata }).message).toBe('User does not exist.');
  });

  it('passes a GatewayError through unchanged', () => {
    const original = new GatewayError('VALIDATION_FAILED', 'bad', null, null);
    expect(toGatewayError(original)).toBe(original);
  });

  it('mapErrors rethrows as GatewayError', async () => {
    await expect(
      mapErrors(async () => {
        throw new UserNotFoundException(opts('User does not exist.'));
      }),
    ).rejects.toMatchObject({ code: 'USER_NOT_FOUND', name: 'GatewayError' });
  });
});

describe('parseRetryAfter', () => {
  it('reads delta-seconds and HTTP dates, case-insensitively', () => {
    expect(parseRetryAfter({ 'retry-after': '3' })).toBe(3);
    expect(parseRetryAfter({ 'Retry-After': '0' })).toBe(1);
    const now = Date.parse('2030-01-01T00:00:00Z');
    expect(parseRetryAfter({ 'retry-after': 'Tue, 01 Jan 2030 00:00:05 GMT' }, now)).toBe(5);
    expect(parseRetryAfter({ 'retry-after': 'soon' })).toBeNull();
    expect(parseRetryAfter({})).toBeNull();
    expect(parseRetryAfter(undefined)).toBeNull();
  });
});

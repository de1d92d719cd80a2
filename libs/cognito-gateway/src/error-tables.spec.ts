import { describe, expect, it } from '@jest/globals';
import {
  cognitoIdpErrors,
  groupErrors,
  iamErrors,
  identityPoolErrors,
  identityProviderErrors,
  userPoolClientErrors,
} from './error-tables';
import { toGatewayError } from './errors';

const $metadata = { httpStatusCode: 400, requestId: 'req-1' };
const aws = (name: string, message: string) => ({ name, message, $metadata });

describe('error tables per service', () => {
  it('ResourceNotFoundException is not always "pool not found": the message and the port decide', () => {
    const pool = aws('ResourceNotFoundException', 'User pool us-east-1_x does not exist.');
    const client = aws('ResourceNotFoundException', 'User pool client abc does not exist.');
    const group = aws('ResourceNotFoundException', 'Group not found.');
    const idp = aws('ResourceNotFoundException', 'Identity provider Okta does not exist.');
    const vague = aws('ResourceNotFoundException', 'Not found.');
    expect(toGatewayError(pool, groupErrors).code).toBe('POOL_NOT_FOUND');
    expect(toGatewayError(client, cognitoIdpErrors).code).toBe('CLIENT_NOT_FOUND');
    expect(toGatewayError(group, cognitoIdpErrors).code).toBe('GROUP_NOT_FOUND');
    expect(toGatewayError(idp, cognitoIdpErrors).code).toBe('IDP_NOT_FOUND');
    expect(toGatewayError(vague, cognitoIdpErrors).code).toBe('POOL_NOT_FOUND');
    expect(toGatewayError(vague, groupErrors).code).toBe('GROUP_NOT_FOUND');
    expect(toGatewayError(vague, userPoolClientErrors).code).toBe('CLIENT_NOT_FOUND');
    expect(toGatewayError(vague, identityProviderErrors).code).toBe('IDP_NOT_FOUND');
  });

  it('cognito-identity names its own errors', () => {
    expect(toGatewayError(aws('ResourceNotFoundException', 'x'), identityPoolErrors).code).toBe(
      'IDENTITY_POOL_NOT_FOUND',
    );
    expect(toGatewayError(aws('ResourceConflictException', 'x'), identityPoolErrors).code).toBe('CONFLICT');
    expect(toGatewayError(aws('TooManyRequestsException', 'x'), identityPoolErrors).code).toBe(
      'COGNITO_THROTTLED',
    );
    expect(toGatewayError(aws('ExternalServiceException', 'x'), identityPoolErrors).code).toBe(
      'COGNITO_UNAVAILABLE',
    );
    expect(toGatewayError(aws('ScopeDoesNotExistException', 'x'), userPoolClientErrors).code).toBe(
      'INVALID_PARAMETER',
    );
  });

  it("IAM's awsQuery codes map to ours, and keep AWS's name and request id", () => {
    const cases: Array<[string, string]> = [
      ['NoSuchEntity', 'ROLE_NOT_FOUND'],
      ['EntityAlreadyExists', 'ROLE_EXISTS'],
      ['MalformedPolicyDocument', 'INVALID_PARAMETER'],
      ['InvalidInput', 'INVALID_PARAMETER'],
      ['DeleteConflict', 'CONFLICT'],
      ['LimitExceeded', 'COGNITO_LIMIT_EXCEEDED'],
      ['Throttling', 'COGNITO_THROTTLED'],
      ['ServiceFailure', 'COGNITO_UNAVAILABLE'],
      ['AccessDenied', 'NOT_AUTHORIZED'],
    ];
    for (const [name, code] of cases) {
      const mapped = toGatewayError(aws(name, `The role with name x cannot be found.`), iamErrors);
      expect({ name, code: mapped.code, aws: mapped.awsErrorName, id: mapped.requestId }).toEqual({
        name,
        code,
        aws: name,
        id: 'req-1',
      });
    }
  });

  it('a name one table knows means nothing special to another service', () => {
    expect(toGatewayError(aws('NoSuchEntity', 'x'), cognitoIdpErrors).code).toBe('INTERNAL_ERROR');
    expect(toGatewayError(aws('UserNotFoundException', 'x'), iamErrors).code).toBe('INTERNAL_ERROR');
  });
});

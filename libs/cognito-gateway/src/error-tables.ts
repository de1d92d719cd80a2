import type { ErrorCode } from '@poolkeeper/contract';

/**
 * AWS error name (`__type` / `<Code>`) → our code, one table per AWS service and port: the services name
 * their errors differently (IAM's `NoSuchEntity` is cognito-idp's `ResourceNotFoundException`), and the same
 * name means different things on different resources. An entry may read AWS's message to decide. Names not
 * listed fall through to the status/network checks in errors.ts.
 */
export type ErrorTable = Readonly<Record<string, ErrorCode | ((message: string) => ErrorCode)>>;

/** Limits, throttling and outages, named alike by every service of ours (IAM's awsQuery names included). */
const shared: ErrorTable = {
  TooManyRequestsException: 'COGNITO_THROTTLED',
  ThrottlingException: 'COGNITO_THROTTLED',
  Throttling: 'COGNITO_THROTTLED',
  LimitExceededException: 'COGNITO_LIMIT_EXCEEDED',
  LimitExceeded: 'COGNITO_LIMIT_EXCEEDED',
  InternalErrorException: 'COGNITO_UNAVAILABLE',
  InternalServerException: 'COGNITO_UNAVAILABLE',
  InternalFailure: 'COGNITO_UNAVAILABLE',
  ServiceUnavailableException: 'COGNITO_UNAVAILABLE',
  ServiceUnavailable: 'COGNITO_UNAVAILABLE',
  ServiceFailure: 'COGNITO_UNAVAILABLE',
  AccessDeniedException: 'NOT_AUTHORIZED',
  AccessDenied: 'NOT_AUTHORIZED',
  // The local Cognito's answer for an operation it does not implement (never retried: a 400).
  UnsupportedOperationException: 'COGNITO_FEATURE_UNAVAILABLE',
  UnsupportedOperation: 'COGNITO_FEATURE_UNAVAILABLE',
  // AWS common errors: "The action or operation requested is invalid" (awsQuery services: IAM, STS).
  InvalidAction: 'COGNITO_FEATURE_UNAVAILABLE',
};

/**
 * cognito-idp answers ResourceNotFoundException for any missing resource; its message says which ("User pool
 * us-east-1_x does not exist.", "User pool client x does not exist.", "Group not found.", "Identity provider …").
 */
function resourceNotFound(fallback: ErrorCode): (message: string) => ErrorCode {
  return (message) => {
    if (/user pool client|app client/i.test(message)) return 'CLIENT_NOT_FOUND';
    if (/identity provider/i.test(message)) return 'IDP_NOT_FOUND';
    if (/group/i.test(message)) return 'GROUP_NOT_FOUND';
    if (/user pool/i.test(message)) return 'POOL_NOT_FOUND';
    return fallback;
  };
}

/** cognito-idp (API reference, "Common errors" and each admin operation's Errors). */
const cognitoIdp: ErrorTable = {
  ...shared,
  UserNotFoundException: 'USER_NOT_FOUND',
  UsernameExistsException: 'USERNAME_EXISTS',
  AliasExistsException: 'USERNAME_EXISTS',
  GroupExistsException: 'GROUP_EXISTS',
  DuplicateProviderException: 'IDP_EXISTS',
  InvalidPasswordException: 'INVALID_PASSWORD',
  PasswordHistoryPolicyViolationException: 'INVALID_PASSWORD',
  InvalidParameterException: 'INVALID_PARAMETER',
  UnsupportedIdentityProviderException: 'INVALID_PARAMETER',
  // UpdateUserPoolClient (setClientIdentityProviders) refuses OAuth settings it cannot use
  ScopeDoesNotExistException: 'INVALID_PARAMETER',
  InvalidOAuthFlowException: 'INVALID_PARAMETER',
  ConcurrentModificationException: 'CONFLICT',
  // e.g. AdminCreateUser RESEND for a user who is no longer FORCE_CHANGE_PASSWORD: the user's state conflicts
  UnsupportedUserStateException: 'CONFLICT',
  NotAuthorizedException: 'NOT_AUTHORIZED',
  UserPoolAddOnNotEnabledException: 'COGNITO_FEATURE_UNAVAILABLE',
  FeatureUnavailableInTierException: 'COGNITO_FEATURE_UNAVAILABLE',
};

/** Users, pools, sessions: a missing resource is the pool unless the message names another. */
export const cognitoIdpErrors: ErrorTable = {
  ...cognitoIdp,
  ResourceNotFoundException: resourceNotFound('POOL_NOT_FOUND'),
};
export const groupErrors: ErrorTable = {
  ...cognitoIdp,
  ResourceNotFoundException: resourceNotFound('GROUP_NOT_FOUND'),
};
export const userPoolClientErrors: ErrorTable = {
  ...cognitoIdp,
  ResourceNotFoundException: resourceNotFound('CLIENT_NOT_FOUND'),
};
export const identityProviderErrors: ErrorTable = {
  ...cognitoIdp,
  ResourceNotFoundException: resourceNotFound('IDP_NOT_FOUND'),
};
/** MFA: the software-token errors (AdminSetUserMFAPreference, VerifySoftwareToken, …) are bad input. */
export const mfaErrors: ErrorTable = {
  ...cognitoIdpErrors,
  EnableSoftwareTokenMFAException: 'INVALID_PARAMETER',
  SoftwareTokenMFANotFoundException: 'INVALID_PARAMETER',
  CodeMismatchException: 'INVALID_PARAMETER',
  InvalidSmsRoleAccessPolicyException: 'INVALID_PARAMETER',
  InvalidSmsRoleTrustRelationshipException: 'INVALID_PARAMETER',
  InvalidEmailRoleAccessPolicyException: 'INVALID_PARAMETER',
};

/** cognito-identity (Amazon Cognito Federated Identities API reference, DescribeIdentityPool etc.). */
export const identityPoolErrors: ErrorTable = {
  ...shared,
  ResourceNotFoundException: 'IDENTITY_POOL_NOT_FOUND',
  ResourceConflictException: 'CONFLICT',
  ConcurrentModificationException: 'CONFLICT',
  InvalidParameterException: 'INVALID_PARAMETER',
  InvalidIdentityPoolConfigurationException: 'INVALID_PARAMETER',
  NotAuthorizedException: 'NOT_AUTHORIZED',
  // "a dependent service such as Facebook or Twitter is not responding"
  ExternalServiceException: 'COGNITO_UNAVAILABLE',
};

/** IAM (awsQuery; IAM API reference, Common Errors and GetRole / ListRoles / CreateRole errors). */
export const iamErrors: ErrorTable = {
  ...shared,
  NoSuchEntity: 'ROLE_NOT_FOUND',
  NoSuchEntityException: 'ROLE_NOT_FOUND',
  EntityAlreadyExists: 'ROLE_EXISTS',
  EntityAlreadyExistsException: 'ROLE_EXISTS',
  MalformedPolicyDocument: 'INVALID_PARAMETER',
  MalformedPolicyDocumentException: 'INVALID_PARAMETER',
  InvalidInput: 'INVALID_PARAMETER',
  InvalidInputException: 'INVALID_PARAMETER',
  ValidationError: 'INVALID_PARAMETER',
  DeleteConflict: 'CONFLICT',
  DeleteConflictException: 'CONFLICT',
  ConcurrentModification: 'CONFLICT',
  UnmodifiableEntity: 'CONFLICT',
  UnmodifiableEntityException: 'CONFLICT',
};

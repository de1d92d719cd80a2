import type { ErrorCode } from '@poolkeeper/contract';

/** How to reach AWS (or the local emulator). `endpoint` unset means real AWS. */
export interface GatewayConfig {
  region: string;
  /** Endpoint override for cognito-idp (AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER or AWS_ENDPOINT_URL). */
  endpoint?: string;
  /** Static credentials (the local stack uses dummy ones); unset means the SDK's default chain. */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** SDK attempts including the first (throttling and 5xx are retried with backoff). Default 3. */
  maxAttempts?: number;
  /** Milliseconds to wait for a TCP connection before giving up (then COGNITO_UNAVAILABLE). Default 5 000. */
  connectionTimeoutMs?: number;
  /** Milliseconds to wait for a response per attempt. Default 20 000. */
  requestTimeoutMs?: number;
}

/** A mutation's result with the AWS request id, kept for the audit log. */
export interface AwsResult<T> {
  value: T;
  requestId: string | null;
}

export interface CognitoUser {
  username: string;
  attributes: Record<string, string>;
  status: string;
  enabled: boolean;
  createdAt: Date | null;
  updatedAt: Date | null;
}

export interface CognitoUserDetail extends CognitoUser {
  /** AdminGetUser's UserMFASettingList and PreferredMfaSetting. */
  mfaEnabled: string[];
  mfaPreferred: string | null;
}

export interface UserPoolInfo {
  id: string;
  name: string;
  estimatedNumberOfUsers: number | null;
  /** Custom attribute names as Cognito spells them (`custom:tenant`). */
  customAttributes: string[];
}

/** One ListUsers filter: a standard attribute (or `status` / `cognito:user_status`), `=` or `^=`. */
export interface UserFilter {
  attribute: string;
  match: 'exact' | 'prefix';
  value: string;
}

export interface ListUsersInput {
  poolId: string;
  filter?: UserFilter;
  /** 1..60 */
  limit: number;
  paginationToken?: string;
  attributesToGet?: string[];
}

export interface CreateUserInput {
  poolId: string;
  username: string;
  attributes: Record<string, string>;
  temporaryPassword?: string;
  /** `SUPPRESS` sends nothing; undefined sends the invitation. */
  messageAction?: 'SUPPRESS' | 'RESEND';
  deliveryMediums?: Array<'EMAIL' | 'SMS'>;
}

/** The only door to Cognito: typed functions over the AWS SDK clients. Errors are GatewayError. */
export interface CognitoGateway {
  listUserPools(): Promise<Array<{ id: string; name: string }>>;
  describeUserPool(poolId: string): Promise<UserPoolInfo>;
  listUsers(input: ListUsersInput): Promise<{ users: CognitoUser[]; paginationToken: string | null }>;
  getUser(poolId: string, username: string): Promise<CognitoUserDetail>;
  /** Follows NextToken to the end. */
  listGroupsForUser(poolId: string, username: string): Promise<string[]>;
  createUser(input: CreateUserInput): Promise<AwsResult<CognitoUser>>;
  updateUserAttributes(
    poolId: string,
    username: string,
    attributes: Record<string, string>,
  ): Promise<AwsResult<void>>;
  deleteUserAttributes(poolId: string, username: string, names: string[]): Promise<AwsResult<void>>;
  disableUser(poolId: string, username: string): Promise<AwsResult<void>>;
  enableUser(poolId: string, username: string): Promise<AwsResult<void>>;
  deleteUser(poolId: string, username: string): Promise<AwsResult<void>>;
  resetUserPassword(poolId: string, username: string): Promise<AwsResult<void>>;
  setUserPassword(
    poolId: string,
    username: string,
    password: string,
    permanent: boolean,
  ): Promise<AwsResult<void>>;
  globalSignOut(poolId: string, username: string): Promise<AwsResult<void>>;
  /** Stops the SDK clients' sockets. */
  destroy(): void;
}

/** Every failure the gateway raises, already translated to our vocabulary. */
export class GatewayError extends Error {
  override readonly name = 'GatewayError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly awsErrorName: string | null,
    readonly requestId: string | null,
    /** Seconds a caller should wait, for throttling. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

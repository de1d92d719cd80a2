import type { ErrorCode } from '@poolkeeper/contract';

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
  /** DescribeUserPool `Policies.PasswordPolicy` (absent: Cognito's defaults apply). */
  passwordPolicy?: PasswordPolicyInfo;
}

/** A pool's password rules (Cognito's defaults: 8 characters, all four character classes). */
export interface PasswordPolicyInfo {
  minimumLength: number;
  requireUppercase: boolean;
  requireLowercase: boolean;
  requireNumbers: boolean;
  requireSymbols: boolean;
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

/** A user pool group (GroupType). */
export interface CognitoGroup {
  name: string;
  description: string | null;
  precedence: number | null;
  roleArn: string | null;
  createdAt: Date | null;
  updatedAt: Date | null;
}

/** What CreateGroup / UpdateGroup take besides the name; UpdateGroup changes only the fields given. */
export interface GroupFields {
  description?: string;
  precedence?: number;
  roleArn?: string;
}

/** The emulator's whole state. Times are epoch milliseconds. Plain JSON: it is persisted as is. */

export interface PasswordPolicy {
  MinimumLength: number;
  RequireUppercase: boolean;
  RequireLowercase: boolean;
  RequireNumbers: boolean;
  RequireSymbols: boolean;
  TemporaryPasswordValidityDays: number;
}

export interface SchemaAttribute {
  Name: string;
  AttributeDataType: 'String' | 'Number' | 'DateTime' | 'Boolean';
  DeveloperOnlyAttribute: boolean;
  Mutable: boolean;
  Required: boolean;
  StringAttributeConstraints?: { MinLength?: string; MaxLength?: string };
  NumberAttributeConstraints?: { MinValue?: string; MaxValue?: string };
}

export interface UserPool {
  id: string;
  name: string;
  createdAt: number;
  modifiedAt: number;
  schema: SchemaAttribute[];
  passwordPolicy: PasswordPolicy;
  mfaConfiguration: 'OFF' | 'ON' | 'OPTIONAL';
  usernameAttributes?: string[];
  aliasAttributes?: string[];
  autoVerifiedAttributes?: string[];
  deletionProtection: 'ACTIVE' | 'INACTIVE';
  allowAdminCreateUserOnly: boolean;
  clients: Record<string, AppClient>;
  /** Keyed by lowercased username. */
  users: Record<string, User>;
  /** Keyed by group name (case-sensitive, as AWS). */
  groups: Record<string, Group>;
}

export interface AppClient {
  id: string;
  name: string;
  secret?: string;
  createdAt: number;
  modifiedAt: number;
  explicitAuthFlows: string[];
  accessTokenValidity: number; // seconds
  idTokenValidity: number; // seconds
  refreshTokenValidity: number; // seconds
  tokenValidityUnits: { AccessToken: string; IdToken: string; RefreshToken: string };
  raw: { AccessTokenValidity: number; IdTokenValidity: number; RefreshTokenValidity: number };
}

export type UserStatus =
  'UNCONFIRMED' | 'CONFIRMED' | 'FORCE_CHANGE_PASSWORD' | 'RESET_REQUIRED' | 'EXTERNAL_PROVIDER';

export interface User {
  username: string;
  sub: string;
  attributes: Record<string, string>;
  createdAt: number;
  modifiedAt: number;
  enabled: boolean;
  status: UserStatus;
  passwordHash?: string;
  /** When the current (temporary) password was set. */
  passwordSetAt?: number;
  /** Refresh tokens issued before this time are revoked (global sign-out). */
  tokensValidAfter?: number;
  /** Group names. */
  groups: string[];
  preferredMfa?: string;
  mfaSettings?: string[];
}

export interface Group {
  name: string;
  description?: string;
  precedence?: number;
  roleArn?: string;
  createdAt: number;
  modifiedAt: number;
}

export interface RefreshTokenRecord {
  poolId: string;
  clientId: string;
  sub: string;
  issuedAt: number;
  expiresAt: number;
  authTime: number;
  originJti: string;
  revoked?: boolean;
}

export interface EmulatorState {
  version: 1;
  pools: Record<string, UserPool>;
  /** Keyed by sha256(refresh token), never the token itself. */
  refreshTokens: Record<string, RefreshTokenRecord>;
}

export const emptyState = (): EmulatorState => ({ version: 1, pools: {}, refreshTokens: {} });

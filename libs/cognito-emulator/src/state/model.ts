/**
 * The emulator's state in memory. Times are epoch milliseconds.
 *
 * Every collection keyed by a name a caller chooses (pool ids, client ids, usernames, group names, token
 * digests) is a `Map`, and attribute bags are null-prototype objects (`attributeBag()`), so names such as
 * `__proto__`, `constructor` or `toString` are ordinary keys, never Object.prototype members.
 * `state/persisted.ts` converts this to and from the versioned JSON file.
 */
import { TrackedMap } from './change-tracking';
import { emptyFederation, type FederationState } from './federation';

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
  /** The AWS Region the pool lives in (the prefix of its id); other Regions' endpoints do not see it. */
  region: string;
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
  clients: Map<string, AppClient>;
  /** Keyed by lowercased username. */
  users: Map<string, User>;
  /** Keyed by group name (case-sensitive, as AWS). */
  groups: Map<string, Group>;
  /** The MFA factors the pool offers (SetUserPoolMfaConfig); absent (older state) = see `poolMfaFactors`. */
  mfaFactors?: PoolMfaFactors;
  /** UserPoolTier; absent = ESSENTIALS, AWS's default for new pools. */
  tier?: UserPoolTier;
  /** UserPoolAddOns.AdvancedSecurityMode (threat protection, PLUS tier only); absent = not configured (OFF). */
  advancedSecurityMode?: 'OFF' | 'AUDIT' | 'ENFORCED';
}

export type UserPoolTier = 'LITE' | 'ESSENTIALS' | 'PLUS';

/** A pool's MFA factor settings, as SetUserPoolMfaConfig takes them. */
export interface PoolMfaFactors {
  softwareToken: boolean;
  sms?: {
    SmsAuthenticationMessage?: string;
    SmsConfiguration: { SnsCallerArn: string; ExternalId?: string; SnsRegion?: string };
  };
  email?: { Message?: string; Subject?: string };
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
  /** RevokeToken works only for clients with token revocation on (AWS's default for new clients). */
  enableTokenRevocation: boolean;
  /** SupportedIdentityProviders: `COGNITO` and/or names of the pool's identity providers. */
  supportedIdentityProviders?: string[];
}

export type UserStatus =
  'UNCONFIRMED' | 'CONFIRMED' | 'FORCE_CHANGE_PASSWORD' | 'RESET_REQUIRED' | 'EXTERNAL_PROVIDER';

/** A user's attributes: a null-prototype object (see `attributeBag`). */
export type AttributeBag = Record<string, string>;

export interface User {
  username: string;
  sub: string;
  attributes: AttributeBag;
  createdAt: number;
  modifiedAt: number;
  enabled: boolean;
  status: UserStatus;
  passwordHash?: string;
  /** When the current (temporary) password was set. */
  passwordSetAt?: number;
  /** When the user was last signed out globally (informational; revocation is per refresh token). */
  tokensValidAfter?: number;
  /** Group names. */
  groups: string[];
  preferredMfa?: string;
  mfaSettings?: string[];
  /** The verified TOTP authenticator (VerifySoftwareToken); `lastUsedStep` makes each code good once. */
  softwareToken?: { secret: string; friendlyDeviceName?: string; lastUsedStep?: number };
  /** A TOTP secret handed out by AssociateSoftwareToken and not yet verified. */
  pendingSoftwareTokenSecret?: string;
  /** SRP password verifier (hex), derived from the password when it is set: USER_SRP_AUTH needs it. */
  srp?: { salt: string; verifier: string };
  /** Sign-in history (AdminListUserAuthEvents), oldest first, kept only while threat protection is on. */
  authEvents?: AuthEventRecord[];
}

/** One AuthEventType as AdminListUserAuthEvents answers it (times in epoch ms). */
export interface AuthEventRecord {
  eventId: string;
  eventType: 'SignIn' | 'SignUp' | 'ForgotPassword' | 'PasswordChange' | 'ResendCode';
  createdAt: number;
  eventResponse: 'Pass' | 'Fail' | 'InProgress';
  challengeResponses: Array<{ ChallengeName: 'Password' | 'Mfa'; ChallengeResponse: 'Success' | 'Failure' }>;
  context?: { IpAddress?: string; DeviceName?: string; Timezone?: string; City?: string; Country?: string };
}

export interface Group {
  name: string;
  description?: string;
  precedence?: number;
  roleArn?: string;
  createdAt: number;
  modifiedAt: number;
}

/**
 * One sign-in session: the refresh token (stored by digest) and, through `originJti`, every access and ID
 * token issued from it (their `origin_jti` claim). Revoking it revokes them all.
 */
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
  pools: Map<string, UserPool>;
  /** Keyed by sha256(refresh token), never the token itself. */
  refreshTokens: Map<string, RefreshTokenRecord>;
  /** Identity providers, identity pools, IAM roles, issued credentials (state/federation.ts). */
  federation: FederationState;
}

export const emptyState = (): EmulatorState => ({
  pools: new Map(),
  refreshTokens: new TrackedMap<RefreshTokenRecord>(),
  federation: emptyFederation(),
});

/** A null-prototype attribute bag, optionally filled from entries. */
export function attributeBag(entries: Iterable<[string, string]> = []): AttributeBag {
  const bag = Object.create(null) as AttributeBag;
  for (const [k, v] of entries) bag[k] = v;
  return bag;
}

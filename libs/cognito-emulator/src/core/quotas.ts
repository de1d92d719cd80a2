import { AwsError } from './errors';

/**
 * Cognito's request-rate quota categories (user pools). Each is a budget per account and Region shared by all
 * pools; exceeding it answers 400 `TooManyRequestsException` "Too many requests".
 */
export const quotaCategories = [
  'UserAuthentication',
  'UserCreation',
  'UserAccountRecovery',
  'UserRead',
  'UserList',
  'UserUpdate',
  'UserResourceRead',
  'UserResourceUpdate',
  'UserPoolRead',
  'UserPoolUpdate',
  'UserPoolClientRead',
  'UserPoolClientUpdate',
  'UserPoolResourceRead',
  'UserPoolResourceUpdate',
  'UserToken',
] as const;
export type QuotaCategory = (typeof quotaCategories)[number];

/** AWS's default requests per second per category (the Cognito quotas page). */
export const awsDefaultQuotas: Readonly<Record<QuotaCategory, number>> = {
  UserAuthentication: 120,
  UserCreation: 50,
  UserAccountRecovery: 30,
  UserRead: 120,
  UserList: 30,
  UserUpdate: 25,
  UserResourceRead: 50,
  UserResourceUpdate: 25,
  UserPoolRead: 15,
  UserPoolUpdate: 15,
  UserPoolClientRead: 15,
  UserPoolClientUpdate: 15,
  UserPoolResourceRead: 20,
  UserPoolResourceUpdate: 15,
  UserToken: 120,
};

/** The category each implemented operation counts against. Operations not listed are never throttled. */
export const operationCategories: Readonly<Record<string, QuotaCategory>> = {
  InitiateAuth: 'UserAuthentication',
  GlobalSignOut: 'UserAuthentication',
  RevokeToken: 'UserAuthentication',
  RespondToAuthChallenge: 'UserAuthentication',
  AdminInitiateAuth: 'UserAuthentication',
  AdminRespondToAuthChallenge: 'UserAuthentication',
  AdminCreateUser: 'UserCreation',
  SignUp: 'UserCreation',
  AdminResetUserPassword: 'UserAccountRecovery',
  AdminSetUserPassword: 'UserAccountRecovery',
  ForgotPassword: 'UserAccountRecovery',
  ConfirmForgotPassword: 'UserAccountRecovery',
  ChangePassword: 'UserAccountRecovery',
  AdminGetUser: 'UserRead',
  GetUser: 'UserRead',
  ListUsers: 'UserList',
  ListUsersInGroup: 'UserList',
  AdminAddUserToGroup: 'UserUpdate',
  AdminRemoveUserFromGroup: 'UserUpdate',
  AdminConfirmSignUp: 'UserUpdate',
  AdminDeleteUser: 'UserUpdate',
  AdminDeleteUserAttributes: 'UserUpdate',
  AdminDisableUser: 'UserUpdate',
  AdminEnableUser: 'UserUpdate',
  AdminUpdateUserAttributes: 'UserUpdate',
  AdminUserGlobalSignOut: 'UserUpdate',
  AdminSetUserMFAPreference: 'UserUpdate',
  AdminListGroupsForUser: 'UserResourceRead',
  AdminListUserAuthEvents: 'UserResourceRead',
  GetGroup: 'UserResourceRead',
  ListGroups: 'UserResourceRead',
  CreateGroup: 'UserResourceUpdate',
  UpdateGroup: 'UserResourceUpdate',
  DeleteGroup: 'UserResourceUpdate',
  AdminDeleteSoftwareToken: 'UserResourceUpdate',
  DescribeUserPool: 'UserPoolRead',
  ListUserPools: 'UserPoolRead',
  GetUserPoolMfaConfig: 'UserPoolRead',
  CreateUserPool: 'UserPoolUpdate',
  UpdateUserPool: 'UserPoolUpdate',
  DeleteUserPool: 'UserPoolUpdate',
  SetUserPoolMfaConfig: 'UserPoolUpdate',
  DescribeUserPoolClient: 'UserPoolClientRead',
  ListUserPoolClients: 'UserPoolClientRead',
  CreateUserPoolClient: 'UserPoolClientUpdate',
  UpdateUserPoolClient: 'UserPoolClientUpdate',
  DeleteUserPoolClient: 'UserPoolClientUpdate',
  DescribeIdentityProvider: 'UserPoolResourceRead',
  GetIdentityProviderByIdentifier: 'UserPoolResourceRead',
  ListIdentityProviders: 'UserPoolResourceRead',
  CreateIdentityProvider: 'UserPoolResourceUpdate',
  UpdateIdentityProvider: 'UserPoolResourceUpdate',
  DeleteIdentityProvider: 'UserPoolResourceUpdate',
};

/**
 * One category's budget: a token bucket refilled at `rps` tokens per second holding at most `burst` tokens
 * (default: `rps`, at least 1). `rps: Infinity` switches the category off.
 */
export interface QuotaRate {
  rps: number;
  burst?: number;
}

/**
 * `'aws'`: every category at AWS's default rate. An object: AWS's defaults with these categories overridden,
 * a number meaning requests per second — e.g. `{ UserUpdate: 2 }`, or `{ UserUpdate: { rps: 0.001, burst: 3 } }`
 * for "3 calls, then throttled" in tests.
 */
export type QuotaOption = 'aws' | Partial<Record<QuotaCategory, number | QuotaRate>>;

interface Bucket {
  rps: number;
  burst: number;
  tokens: number;
  at: number;
}

/** Token buckets per category, shared by all pools (as in AWS, quotas are per account and Region). */
export class RequestThrottle {
  private readonly buckets = new Map<QuotaCategory, Bucket>();
  private readonly counts = new Map<QuotaCategory, { allowed: number; throttled: number }>();

  constructor(
    option: QuotaOption,
    private readonly now: () => number = () => Date.now(),
  ) {
    const overrides = option === 'aws' ? {} : option;
    for (const category of Object.keys(overrides)) {
      if (!(quotaCategories as readonly string[]).includes(category)) {
        throw new Error(`unknown quota category ${category} (known: ${quotaCategories.join(', ')})`);
      }
    }
    const start = this.now();
    for (const category of quotaCategories) {
      const given = overrides[category];
      const rate: QuotaRate =
        given === undefined
          ? { rps: awsDefaultQuotas[category] }
          : typeof given === 'number'
            ? { rps: given }
            : given;
      if (!(rate.rps > 0)) throw new Error(`quota ${category}: rps must be greater than 0`);
      const burst = rate.burst ?? Math.max(1, rate.rps);
      if (!(burst >= 1)) throw new Error(`quota ${category}: burst must be at least 1`);
      if (rate.rps === Infinity) continue;
      this.buckets.set(category, { rps: rate.rps, burst, tokens: burst, at: start });
    }
  }

  /** Takes one token for the operation's category, or throws TooManyRequestsException (nothing is taken). */
  take(operation: string): void {
    const category = Object.hasOwn(operationCategories, operation)
      ? operationCategories[operation]
      : undefined;
    if (!category) return;
    const bucket = this.buckets.get(category);
    const count = this.counts.get(category) ?? { allowed: 0, throttled: 0 };
    this.counts.set(category, count);
    if (!bucket) {
      count.allowed++;
      return;
    }
    const now = this.now();
    bucket.tokens = Math.min(bucket.burst, bucket.tokens + ((now - bucket.at) / 1000) * bucket.rps);
    bucket.at = now;
    if (bucket.tokens < 1) {
      count.throttled++;
      throw new AwsError('TooManyRequestsException', 'Too many requests');
    }
    bucket.tokens -= 1;
    count.allowed++;
  }

  /** Requests allowed and throttled per category since start (for benchmarks). */
  stats(): Partial<Record<QuotaCategory, { allowed: number; throttled: number }>> {
    return Object.fromEntries([...this.counts].map(([k, v]) => [k, { ...v }]));
  }
}

/**
 * Parses the CLI form: `aws`, or a comma list `Category=rps[/burst]` (AWS defaults for the rest), e.g.
 * `UserUpdate=2,UserList=10/20`.
 */
export function parseQuotaOption(text: string): QuotaOption {
  if (text.trim() === 'aws') return 'aws';
  const out: Partial<Record<QuotaCategory, QuotaRate>> = {};
  for (const part of text.split(',').map((p) => p.trim())) {
    const m = /^(\w+)=([\d.]+|Infinity)(?:\/([\d.]+))?$/.exec(part);
    if (!m) throw new Error(`--quotas: expected aws or Category=rps[/burst],… (got ${JSON.stringify(part)})`);
    const category = m[1] as QuotaCategory;
    if (!quotaCategories.includes(category)) {
      throw new Error(`--quotas: unknown category ${category} (known: ${quotaCategories.join(', ')})`);
    }
    out[category] = { rps: Number(m[2]), ...(m[3] !== undefined ? { burst: Number(m[3]) } : {}) };
  }
  try {
    new RequestThrottle(out); // validates rates and bursts
  } catch (error) {
    throw new Error(`--quotas: ${(error as Error).message}`);
  }
  return out;
}

import { invalidParameter } from '../../core/errors';
import { newUserPoolId } from '../../core/ids';
import { paginate } from '../../core/pagination';
import {
  type Input,
  optInt,
  optObject,
  optObjectList,
  optString,
  optStringList,
  reqInt,
  reqString,
} from '../../core/params';
import { DEFAULT_PASSWORD_POLICY } from '../../core/password-policy';
import { UserMap } from '../../state/change-tracking';
import type { PasswordPolicy, User, UserPool, UserPoolTier } from '../../state/model';
import { mutation, Operations, query } from '../registry';
import { getPool } from './lookup';
import { featureUnavailableInTier, poolMfaFactors } from './mfa-state';
import { buildSchema } from './schema';
import { userPoolSummaryView, userPoolView } from './views';

function passwordPolicyFrom(policies: Record<string, unknown> | undefined): PasswordPolicy {
  const p = (policies?.PasswordPolicy ?? {}) as Record<string, unknown>;
  const policy = { ...DEFAULT_PASSWORD_POLICY };
  const min = optInt(p, 'MinimumLength', 6, 99);
  if (min !== undefined) policy.MinimumLength = min;
  for (const key of ['RequireUppercase', 'RequireLowercase', 'RequireNumbers', 'RequireSymbols'] as const) {
    if (typeof p[key] === 'boolean') policy[key] = p[key];
  }
  const days = optInt(p, 'TemporaryPasswordValidityDays', 0, 365);
  if (days !== undefined) policy.TemporaryPasswordValidityDays = days;
  return policy;
}

const MFA = ['OFF', 'ON', 'OPTIONAL'];
const TIERS = ['LITE', 'ESSENTIALS', 'PLUS'];
const SECURITY_MODES = ['OFF', 'AUDIT', 'ENFORCED'];

/**
 * UserPoolTier and UserPoolAddOns.AdvancedSecurityMode: threat protection (AUDIT, ENFORCED) is a Plus
 * feature (FeatureUnavailableInTierException otherwise), email MFA needs Essentials or Plus.
 * https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-sign-in-feature-plans.html
 */
function tierSettings(input: Input, pool: Pick<UserPool, 'tier' | 'mfaFactors'> | undefined) {
  const tier = optString(input, 'UserPoolTier') ?? pool?.tier ?? 'ESSENTIALS';
  if (!TIERS.includes(tier)) throw invalidParameter(`Invalid UserPoolTier ${tier}.`);
  const addOns = optObject(input, 'UserPoolAddOns');
  const mode = addOns ? optString(addOns, 'AdvancedSecurityMode') : undefined;
  if (addOns && mode === undefined)
    throw invalidParameter('UserPoolAddOns.AdvancedSecurityMode is required.');
  if (mode !== undefined && !SECURITY_MODES.includes(mode))
    throw invalidParameter(`Invalid AdvancedSecurityMode ${mode}.`);
  if (mode !== undefined && mode !== 'OFF' && tier !== 'PLUS')
    throw featureUnavailableInTier(
      'Threat protection (AdvancedSecurityMode) requires the Plus feature plan.',
    );
  if (tier === 'LITE' && pool?.mfaFactors?.email)
    throw featureUnavailableInTier('Email MFA requires the Essentials or Plus feature plan.');
  return {
    tier: tier as UserPoolTier,
    ...(mode !== undefined
      ? { advancedSecurityMode: mode as NonNullable<UserPool['advancedSecurityMode']> }
      : {}),
  };
}

export const userPoolOperations: Operations = {
  CreateUserPool: mutation((input, ctx) => {
    const name = reqString(input, 'PoolName', { max: 128 });
    const mfa = optString(input, 'MfaConfiguration') ?? 'OFF';
    if (!MFA.includes(mfa)) throw invalidParameter(`Invalid MfaConfiguration ${mfa}.`);
    const usernameAttributes = optStringList(input, 'UsernameAttributes');
    const aliasAttributes = optStringList(input, 'AliasAttributes');
    if (usernameAttributes?.some((a) => a !== 'email' && a !== 'phone_number')) {
      throw invalidParameter('UsernameAttributes may only contain email and phone_number.');
    }
    if (usernameAttributes && aliasAttributes)
      throw invalidParameter('Only one of AliasAttributes or UsernameAttributes can be set.');
    const now = ctx.now();
    // The pool lives in the Region the request was sent to (its id says so, as on AWS).
    let id = newUserPoolId(ctx.region);
    while (ctx.state.pools.has(id)) id = newUserPoolId(ctx.region);
    const adminConfig = optObject(input, 'AdminCreateUserConfig');
    const pool: UserPool = {
      id,
      region: ctx.region,
      name,
      createdAt: now,
      modifiedAt: now,
      schema: buildSchema(optObjectList(input, 'Schema')),
      passwordPolicy: passwordPolicyFrom(optObject(input, 'Policies')),
      mfaConfiguration: mfa as UserPool['mfaConfiguration'],
      ...(usernameAttributes ? { usernameAttributes } : {}),
      ...(aliasAttributes ? { aliasAttributes } : {}),
      ...(optStringList(input, 'AutoVerifiedAttributes')
        ? { autoVerifiedAttributes: optStringList(input, 'AutoVerifiedAttributes') }
        : {}),
      deletionProtection: optString(input, 'DeletionProtection') === 'ACTIVE' ? 'ACTIVE' : 'INACTIVE',
      allowAdminCreateUserOnly: adminConfig?.AllowAdminCreateUserOnly === true,
      clients: new Map(),
      users: new UserMap<User>(id),
      groups: new Map(),
      ...tierSettings(input, undefined),
    };
    ctx.state.pools.set(id, pool);
    return { UserPool: userPoolView(pool) };
  }),

  /**
   * API_UpdateUserPool: as AWS warns, "If you don't provide a value for an attribute, Amazon Cognito sets it
   * to its default value" — password policy, MFA (OFF), auto-verified attributes, deletion protection,
   * AdminCreateUserConfig and UserPoolAddOns (OFF) return to their defaults when left out. The pool's name
   * and its feature plan (UserPoolTier) are kept when left out.
   * https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-updating.html
   */
  UpdateUserPool: mutation((input, ctx) => {
    const pool = getPool(ctx, reqString(input, 'UserPoolId'));
    const name = optString(input, 'PoolName', { min: 1, max: 128 }) ?? pool.name;
    const mfa = optString(input, 'MfaConfiguration') ?? 'OFF';
    if (!MFA.includes(mfa)) throw invalidParameter(`Invalid MfaConfiguration ${mfa}.`);
    const factors = poolMfaFactors(pool);
    const anyFactor = factors.softwareToken || factors.sms !== undefined || factors.email !== undefined;
    if (mfa !== 'OFF' && !anyFactor)
      throw invalidParameter('Configure an MFA method (SetUserPoolMfaConfig) before turning MFA on.');
    const tiers = tierSettings(input, pool);
    const passwordPolicy = passwordPolicyFrom(optObject(input, 'Policies'));
    const adminConfig = optObject(input, 'AdminCreateUserConfig');
    const autoVerified = optStringList(input, 'AutoVerifiedAttributes');
    pool.name = name;
    pool.passwordPolicy = passwordPolicy;
    pool.mfaConfiguration = mfa as UserPool['mfaConfiguration'];
    if (mfa === 'OFF') pool.mfaFactors = { softwareToken: false };
    if (autoVerified) pool.autoVerifiedAttributes = autoVerified;
    else delete pool.autoVerifiedAttributes;
    pool.deletionProtection = optString(input, 'DeletionProtection') === 'ACTIVE' ? 'ACTIVE' : 'INACTIVE';
    pool.allowAdminCreateUserOnly = adminConfig?.AllowAdminCreateUserOnly === true;
    pool.tier = tiers.tier;
    if (tiers.advancedSecurityMode) pool.advancedSecurityMode = tiers.advancedSecurityMode;
    else delete pool.advancedSecurityMode;
    pool.modifiedAt = ctx.now();
    return {};
  }),

  DescribeUserPool: query((input, ctx) => {
    const pool = getPool(ctx, reqString(input, 'UserPoolId'));
    return { UserPool: userPoolView(pool) };
  }),

  ListUserPools: query((input, ctx) => {
    const max = reqInt(input, 'MaxResults', 1, 60);
    const page = paginate(
      // the pools of the request's Region only: each Region is its own endpoint on AWS
      [...ctx.state.pools.values()].filter((p) => p.region === ctx.region),
      (p) => p.id,
      max,
      optString(input, 'NextToken'),
      'ListUserPools',
    );
    return {
      UserPools: page.items.map(userPoolSummaryView),
      ...(page.nextToken ? { NextToken: page.nextToken } : {}),
    };
  }),

  DeleteUserPool: mutation((input, ctx) => {
    const pool = getPool(ctx, reqString(input, 'UserPoolId'));
    if (pool.deletionProtection === 'ACTIVE')
      throw invalidParameter('The user pool cannot be deleted because deletion protection is activated.');
    ctx.state.pools.delete(pool.id);
    for (const [k, t] of ctx.state.refreshTokens) if (t.poolId === pool.id) ctx.state.refreshTokens.delete(k);
    return {};
  }),
};

/**
 * Identity pools (cognito-identity, awsJson1_1): CreateIdentityPool, ListIdentityPools, DescribeIdentityPool,
 * UpdateIdentityPool, DeleteIdentityPool, GetIdentityPoolRoles, SetIdentityPoolRoles, with the constraints of
 * the Amazon Cognito Federated Identities API reference (each operation's "Request Parameters", RoleMapping,
 * RulesConfigurationType, MappingRule). Bad input is InvalidParameterException; a pool not found (or of
 * another Region, for a signed call) is ResourceNotFoundException.
 */
import {
  ambiguousRoleResolutions,
  mappingRuleMatchTypes,
  type MappingRule,
  type RoleMapping,
  roleMappingTypes,
} from '@poolkeeper/contract';
import { invalidParameter, resourceNotFound } from '../../core/errors';
import { uuid } from '../../core/ids';
import { paginate } from '../../core/pagination';
import {
  type Input,
  optBool,
  optObject,
  optObjectList,
  optString,
  optStringList,
  optStringMap,
  reqInt,
  reqString,
} from '../../core/params';
import type { CognitoIdentityProviderRef, IdentityPool } from '../../state/federation';
import { attributeBag } from '../../state/model';
import { mutation, type OperationContext, type Operations, query } from '../registry';

// API reference patterns (CreateIdentityPool, SetIdentityPoolRoles, MappingRule, CognitoIdentityProvider).
const POOL_ID = /^[\w-]+:[0-9a-f-]+$/;
const POOL_NAME = /^[\w\s+=,.@-]+$/;
const DEVELOPER_PROVIDER = /^[\w._-]+$/;
const PROVIDER_NAME = /^[\w._:/-]+$/;
const CLIENT_ID = /^[\w_]+$/;
const CLAIM = /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u;
/** ARNString: 20..2048 characters; a role ARN names an IAM role. */
const ROLE_ARN = /^arn:[A-Za-z0-9-]+:iam::\d{12}:role\/[\w+=,.@/-]+$/;
/** A user pool provider's RoleMappings key: `cognito-idp.<region>.amazonaws.com/<poolId>:<clientId>`. */
const USER_POOL_PROVIDER_KEY = /^cognito-idp\.([a-z0-9-]+)\.amazonaws\.com\/([\w-]+_[0-9a-zA-Z]+):([\w_]+)$/;

export const MAX_RULES_PER_PROVIDER = 25;
export const MAX_ROLE_MAPPINGS = 10;

export function getIdentityPool(ctx: OperationContext, id: string): IdentityPool {
  const pool = ctx.state.federation.identityPools.get(id);
  if (!pool || (ctx.regionSigned && pool.region !== ctx.region))
    throw resourceNotFound(`IdentityPool '${id}' not found.`);
  return pool;
}

function poolId(input: Input): string {
  const id = reqString(input, 'IdentityPoolId', { max: 55 });
  if (!POOL_ID.test(id)) throw invalidParameter(`Invalid IdentityPoolId ${JSON.stringify(id)}.`);
  return id;
}

function stringMap(input: Input, name: string, maxEntries: number): Record<string, string> | undefined {
  const map = optStringMap(input, name);
  if (!map) return undefined;
  const entries = Object.entries(map);
  if (entries.length > maxEntries) throw invalidParameter(`${name} can have at most ${maxEntries} entries.`);
  for (const [k, v] of entries) {
    if (k.length < 1 || k.length > 128 || v.length < 1 || v.length > 128)
      throw invalidParameter(`${name} keys and values must be 1 to 128 characters.`);
  }
  return attributeBag(entries);
}

function cognitoProviders(input: Input): CognitoIdentityProviderRef[] {
  return (optObjectList(input, 'CognitoIdentityProviders') ?? []).map((p) => {
    const ProviderName = reqString(p, 'ProviderName', { max: 128 });
    const ClientId = reqString(p, 'ClientId', { max: 128 });
    if (!PROVIDER_NAME.test(ProviderName)) throw invalidParameter(`Invalid ProviderName ${ProviderName}.`);
    if (!CLIENT_ID.test(ClientId)) throw invalidParameter(`Invalid ClientId ${ClientId}.`);
    return { ProviderName, ClientId, ServerSideTokenCheck: optBool(p, 'ServerSideTokenCheck') ?? false };
  });
}

function arnList(input: Input, name: string): string[] {
  const list = optStringList(input, name) ?? [];
  for (const arn of list) {
    if (arn.length < 20 || arn.length > 2048 || !arn.startsWith('arn:'))
      throw invalidParameter(`Invalid ARN in ${name}: ${arn}.`);
  }
  return [...list];
}

/** The configuration CreateIdentityPool and UpdateIdentityPool take (Update replaces it whole, as AWS). */
function poolSettings(input: Input) {
  const name = reqString(input, 'IdentityPoolName', { max: 128 });
  if (!POOL_NAME.test(name)) throw invalidParameter(`Invalid IdentityPoolName ${JSON.stringify(name)}.`);
  const allow = optBool(input, 'AllowUnauthenticatedIdentities');
  if (allow === undefined)
    throw invalidParameter(
      "1 validation error detected: Value null at 'allowUnauthenticatedIdentities' failed to satisfy constraint: Member must not be null",
    );
  const developer = optString(input, 'DeveloperProviderName', { min: 1, max: 128 });
  if (developer !== undefined && !DEVELOPER_PROVIDER.test(developer))
    throw invalidParameter(`Invalid DeveloperProviderName ${developer}.`);
  return {
    name,
    allowUnauthenticated: allow,
    allowClassicFlow: optBool(input, 'AllowClassicFlow') ?? false,
    supportedLoginProviders: stringMap(input, 'SupportedLoginProviders', 10) ?? attributeBag(),
    ...(developer !== undefined ? { developerProviderName: developer } : {}),
    openIdConnectProviderArns: arnList(input, 'OpenIdConnectProviderARNs'),
    cognitoIdentityProviders: cognitoProviders(input),
    samlProviderArns: arnList(input, 'SamlProviderARNs'),
    tags: stringMap(input, 'IdentityPoolTags', 50) ?? attributeBag(),
  };
}

export function identityPoolView(p: IdentityPool) {
  return {
    IdentityPoolId: p.id,
    IdentityPoolName: p.name,
    AllowUnauthenticatedIdentities: p.allowUnauthenticated,
    AllowClassicFlow: p.allowClassicFlow,
    SupportedLoginProviders: { ...p.supportedLoginProviders },
    ...(p.developerProviderName !== undefined ? { DeveloperProviderName: p.developerProviderName } : {}),
    OpenIdConnectProviderARNs: [...p.openIdConnectProviderArns],
    CognitoIdentityProviders: p.cognitoIdentityProviders.map((c) => ({ ...c })),
    SamlProviderARNs: [...p.samlProviderArns],
    IdentityPoolTags: { ...p.tags },
  };
}

function roleArn(value: unknown, where: string): string {
  if (typeof value !== 'string' || value.length < 20 || value.length > 2048 || !ROLE_ARN.test(value))
    throw invalidParameter(`${where} is not a valid role ARN: ${JSON.stringify(value)}.`);
  return value;
}

function parseRoles(input: Input): Record<string, string> {
  const roles = optObject(input, 'Roles');
  if (!roles)
    throw invalidParameter(
      "1 validation error detected: Value null at 'roles' failed to satisfy constraint: Member must not be null",
    );
  const out = attributeBag();
  for (const [key, value] of Object.entries(roles)) {
    if (key !== 'authenticated' && key !== 'unauthenticated')
      throw invalidParameter(
        `Roles keys must be authenticated or unauthenticated, not ${JSON.stringify(key)}.`,
      );
    out[key] = roleArn(value, `Roles.${key}`);
  }
  return out;
}

function parseRule(value: unknown, where: string): MappingRule {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw invalidParameter(`${where} must be an object.`);
  const r = value as Input;
  const Claim = reqString(r, 'Claim', { max: 64 });
  if (!CLAIM.test(Claim))
    throw invalidParameter(`${where}.Claim ${JSON.stringify(Claim)} is not a valid claim name.`);
  const MatchType = reqString(r, 'MatchType') as MappingRule['MatchType'];
  if (!mappingRuleMatchTypes.includes(MatchType))
    throw invalidParameter(`${where}.MatchType must be one of ${mappingRuleMatchTypes.join(', ')}.`);
  const Value = reqString(r, 'Value', { max: 128 });
  return { Claim, MatchType, Value, RoleARN: roleArn(r['RoleARN'], `${where}.RoleARN`) };
}

/** A RoleMappings key must name a provider the pool is configured with (user pools: pool id and client). */
function checkProviderKey(pool: IdentityPool, key: string): void {
  if (key.length < 1 || key.length > 128)
    throw invalidParameter('RoleMappings keys must be 1 to 128 characters.');
  if (key.startsWith('cognito-idp.')) {
    const m = USER_POOL_PROVIDER_KEY.exec(key);
    if (!m)
      throw invalidParameter(
        `Invalid RoleMappings key ${key}: a user pool provider is cognito-idp.<region>.amazonaws.com/<userPoolId>:<appClientId>.`,
      );
    const providerName = `cognito-idp.${m[1]}.amazonaws.com/${m[2]}`;
    if (!pool.cognitoIdentityProviders.some((p) => p.ProviderName === providerName && p.ClientId === m[3]))
      throw invalidParameter(`RoleMappings key ${key} is not a provider of identity pool ${pool.id}.`);
  }
}

function parseRoleMappings(pool: IdentityPool, input: Input): Record<string, RoleMapping> {
  const mappings = optObject(input, 'RoleMappings') ?? {};
  const entries = Object.entries(mappings);
  if (entries.length > MAX_ROLE_MAPPINGS)
    throw invalidParameter(`RoleMappings can have at most ${MAX_ROLE_MAPPINGS} providers.`);
  const out = Object.create(null) as Record<string, RoleMapping>;
  for (const [key, value] of entries) {
    checkProviderKey(pool, key);
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw invalidParameter(`RoleMappings.${key} must be an object.`);
    const m = value as Input;
    const type = reqString(m, 'Type') as RoleMapping['Type'];
    if (!roleMappingTypes.includes(type))
      throw invalidParameter(`RoleMappings.${key}.Type must be Token or Rules.`);
    // RoleMapping: "If you specify Token or Rules as the Type, AmbiguousRoleResolution is required."
    const resolution = optString(m, 'AmbiguousRoleResolution') as RoleMapping['AmbiguousRoleResolution'];
    if (resolution === undefined)
      throw invalidParameter(`RoleMappings.${key}: AmbiguousRoleResolution is required for Token and Rules.`);
    if (!ambiguousRoleResolutions.includes(resolution))
      throw invalidParameter(
        `RoleMappings.${key}.AmbiguousRoleResolution must be AuthenticatedRole or Deny.`,
      );
    const mapping: RoleMapping = { Type: type, AmbiguousRoleResolution: resolution };
    const config = optObject(m, 'RulesConfiguration');
    if (type === 'Rules') {
      // "If you specify Rules as the role mapping type, RulesConfiguration is required." Rules: 1..25.
      const rules = config?.['Rules'];
      if (!Array.isArray(rules) || rules.length === 0)
        throw invalidParameter(
          `RoleMappings.${key}: RulesConfiguration with at least one rule is required for Rules.`,
        );
      if (rules.length > MAX_RULES_PER_PROVIDER)
        throw invalidParameter(`RoleMappings.${key}: at most ${MAX_RULES_PER_PROVIDER} rules per provider.`);
      mapping.RulesConfiguration = {
        Rules: rules.map((r, i) => parseRule(r, `RoleMappings.${key}.RulesConfiguration.Rules[${i}]`)),
      };
    }
    out[key] = mapping;
  }
  return out;
}

const copyMappings = (m: Record<string, RoleMapping>) =>
  Object.fromEntries(
    Object.entries(m).map(([k, v]) => [
      k,
      {
        ...v,
        ...(v.RulesConfiguration
          ? { RulesConfiguration: { Rules: v.RulesConfiguration.Rules.map((r) => ({ ...r })) } }
          : {}),
      },
    ]),
  );

export const identityPoolOperations: Operations = {
  CreateIdentityPool: mutation((input, ctx) => {
    const settings = poolSettings(input);
    let id = `${ctx.region}:${uuid()}`;
    while (ctx.state.federation.identityPools.has(id)) id = `${ctx.region}:${uuid()}`;
    const pool: IdentityPool = {
      id,
      region: ctx.region,
      ...settings,
      roles: attributeBag(),
      roleMappings: {},
    };
    ctx.state.federation.identityPools.set(id, pool);
    return identityPoolView(pool);
  }),

  DescribeIdentityPool: query((input, ctx) => identityPoolView(getIdentityPool(ctx, poolId(input)))),

  UpdateIdentityPool: mutation((input, ctx) => {
    const pool = getIdentityPool(ctx, poolId(input));
    Object.assign(pool, poolSettings(input));
    if (input['DeveloperProviderName'] === undefined) delete pool.developerProviderName;
    return identityPoolView(pool);
  }),

  DeleteIdentityPool: mutation((input, ctx) => {
    const pool = getIdentityPool(ctx, poolId(input));
    const f = ctx.state.federation;
    f.identityPools.delete(pool.id);
    for (const [id, identity] of f.identities) if (identity.poolId === pool.id) f.identities.delete(id);
    return {};
  }),

  ListIdentityPools: query((input, ctx) => {
    const max = reqInt(input, 'MaxResults', 1, 60);
    const page = paginate(
      [...ctx.state.federation.identityPools.values()].filter((p) => p.region === ctx.region),
      (p) => p.id,
      max,
      optString(input, 'NextToken'),
      `ListIdentityPools:${ctx.region}`,
    );
    return {
      IdentityPools: page.items.map((p) => ({ IdentityPoolId: p.id, IdentityPoolName: p.name })),
      ...(page.nextToken ? { NextToken: page.nextToken } : {}),
    };
  }),

  GetIdentityPoolRoles: query((input, ctx) => {
    const pool = getIdentityPool(ctx, poolId(input));
    return {
      IdentityPoolId: pool.id,
      Roles: { ...pool.roles },
      ...(Object.keys(pool.roleMappings).length > 0 ? { RoleMappings: copyMappings(pool.roleMappings) } : {}),
    };
  }),

  /** Replaces the pool's Roles and RoleMappings (validated whole first: nothing half-applied). */
  SetIdentityPoolRoles: mutation((input, ctx) => {
    const pool = getIdentityPool(ctx, poolId(input));
    const roles = parseRoles(input);
    const mappings = parseRoleMappings(pool, input);
    pool.roles = roles;
    pool.roleMappings = mappings;
    return {};
  }),
};

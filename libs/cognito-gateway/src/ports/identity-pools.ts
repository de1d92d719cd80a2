import {
  type CognitoIdentityClient,
  DescribeIdentityPoolCommand,
  type DescribeIdentityPoolCommandOutput,
  GetIdentityPoolRolesCommand,
  ListIdentityPoolsCommand,
  type RoleMapping as SdkRoleMapping,
  SetIdentityPoolRolesCommand,
  UpdateIdentityPoolCommand,
} from '@aws-sdk/client-cognito-identity';
import type { IdentityPoolRoleArns, MappingRule, RoleMapping } from '@poolkeeper/contract';
import { identityPoolErrors } from '../error-tables';
import { mapErrors } from '../errors';
import { read, write } from '../operation';
import { collectAll } from '../paging';
import { withRequestId } from '../request-id';
import type { AwsResult } from '../types';

/** ListIdentityPools requires MaxResults, 1..60. */
export const LIST_IDENTITY_POOLS_PAGE_SIZE = 60;

type Client = CognitoIdentityClient;

export interface IdentityPoolSummary {
  id: string;
  name: string;
}

export interface IdentityPoolInfo extends IdentityPoolSummary {
  allowUnauthenticated: boolean;
  /** The basic (classic) authflow. */
  allowClassicFlow: boolean;
  /** `cognito-idp.<region>.amazonaws.com/<poolId>` provider names with their app client ids. */
  userPoolProviders: Array<{ providerName: string; clientId: string; serverSideTokenCheck: boolean }>;
  /** Social providers (`graph.facebook.com`, `accounts.google.com`, …) → app id. */
  supportedLoginProviders: Record<string, string>;
  openIdConnectProviderArns: string[];
  samlProviderArns: string[];
  developerProviderName: string | null;
}

/** What UpdateIdentityPool changes here; everything else is sent as DescribeIdentityPool answered it. */
export interface IdentityPoolChanges {
  name?: string;
  allowUnauthenticated?: boolean;
  allowClassicFlow?: boolean;
}

export interface IdentityPoolRoles {
  identityPoolId: string;
  roles: IdentityPoolRoleArns;
  /** Provider key (`cognito-idp.<region>.amazonaws.com/<poolId>:<clientId>`, …) → mapping. */
  roleMappings: Record<string, RoleMapping>;
}

export async function listIdentityPools(client: Client): Promise<IdentityPoolSummary[]> {
  return mapErrors(
    () =>
      collectAll(async (token) => {
        const output = await client.send(
          new ListIdentityPoolsCommand({
            MaxResults: LIST_IDENTITY_POOLS_PAGE_SIZE,
            ...(token ? { NextToken: token } : {}),
          }),
        );
        const items = (output.IdentityPools ?? [])
          .filter((p) => p.IdentityPoolId)
          .map((p) => ({ id: p.IdentityPoolId as string, name: p.IdentityPoolName ?? '' }));
        return { items, nextToken: output.NextToken };
      }),
    identityPoolErrors,
  );
}

function toIdentityPoolInfo(output: DescribeIdentityPoolCommandOutput, id: string): IdentityPoolInfo {
  return {
    id: output.IdentityPoolId ?? id,
    name: output.IdentityPoolName ?? '',
    allowUnauthenticated: output.AllowUnauthenticatedIdentities === true,
    allowClassicFlow: output.AllowClassicFlow === true,
    userPoolProviders: (output.CognitoIdentityProviders ?? [])
      .filter((p) => p.ProviderName)
      .map((p) => ({
        providerName: p.ProviderName as string,
        clientId: p.ClientId ?? '',
        serverSideTokenCheck: p.ServerSideTokenCheck === true,
      })),
    supportedLoginProviders: { ...(output.SupportedLoginProviders ?? {}) },
    openIdConnectProviderArns: [...(output.OpenIdConnectProviderARNs ?? [])],
    samlProviderArns: [...(output.SamlProviderARNs ?? [])],
    developerProviderName: output.DeveloperProviderName ?? null,
  };
}

export async function describeIdentityPool(
  client: Client,
  identityPoolId: string,
): Promise<IdentityPoolInfo> {
  return mapErrors(async () => {
    const output = await client.send(new DescribeIdentityPoolCommand({ IdentityPoolId: identityPoolId }));
    return toIdentityPoolInfo(output, identityPoolId);
  }, identityPoolErrors);
}

/**
 * UpdateIdentityPool replaces the pool's whole configuration (API reference: the request is the
 * IdentityPool), so the current one is read first and sent back with the changes: one read, one write.
 */
export async function updateIdentityPool(
  client: Client,
  identityPoolId: string,
  changes: IdentityPoolChanges,
): Promise<AwsResult<IdentityPoolInfo>> {
  return mapErrors(async () => {
    const { $metadata: _m, ...current } = await client.send(
      new DescribeIdentityPoolCommand({ IdentityPoolId: identityPoolId }),
    );
    const output = await client.send(
      new UpdateIdentityPoolCommand({
        ...current,
        IdentityPoolId: identityPoolId,
        IdentityPoolName: changes.name ?? current.IdentityPoolName,
        AllowUnauthenticatedIdentities:
          changes.allowUnauthenticated ?? current.AllowUnauthenticatedIdentities,
        AllowClassicFlow: changes.allowClassicFlow ?? current.AllowClassicFlow,
      }),
    );
    return withRequestId(toIdentityPoolInfo(output, identityPoolId), output);
  }, identityPoolErrors);
}

const toRule = (
  r: NonNullable<NonNullable<SdkRoleMapping['RulesConfiguration']>['Rules']>[number],
): MappingRule => ({
  Claim: r.Claim ?? '',
  MatchType: (r.MatchType ?? 'Equals') as MappingRule['MatchType'],
  Value: r.Value ?? '',
  RoleARN: r.RoleARN ?? '',
});

function toRoleMapping(m: SdkRoleMapping): RoleMapping {
  return {
    Type: (m.Type ?? 'Token') as RoleMapping['Type'],
    ...(m.AmbiguousRoleResolution
      ? { AmbiguousRoleResolution: m.AmbiguousRoleResolution as RoleMapping['AmbiguousRoleResolution'] }
      : {}),
    ...(m.RulesConfiguration
      ? { RulesConfiguration: { Rules: (m.RulesConfiguration.Rules ?? []).map(toRule) } }
      : {}),
  };
}

export async function getIdentityPoolRoles(
  client: Client,
  identityPoolId: string,
): Promise<IdentityPoolRoles> {
  return mapErrors(async () => {
    const output = await client.send(new GetIdentityPoolRolesCommand({ IdentityPoolId: identityPoolId }));
    const roles: IdentityPoolRoleArns = {};
    if (output.Roles?.['authenticated']) roles.authenticated = output.Roles['authenticated'];
    if (output.Roles?.['unauthenticated']) roles.unauthenticated = output.Roles['unauthenticated'];
    return {
      identityPoolId: output.IdentityPoolId ?? identityPoolId,
      roles,
      roleMappings: Object.fromEntries(
        Object.entries(output.RoleMappings ?? {}).map(([key, m]) => [key, toRoleMapping(m)]),
      ),
    };
  }, identityPoolErrors);
}

/** SetIdentityPoolRoles: replaces the pool's Roles and RoleMappings together. */
export async function setIdentityPoolRoles(
  client: Client,
  identityPoolId: string,
  roles: IdentityPoolRoleArns,
  roleMappings: Record<string, RoleMapping>,
): Promise<AwsResult<void>> {
  return mapErrors(async () => {
    const Roles: Record<string, string> = {};
    if (roles.authenticated) Roles['authenticated'] = roles.authenticated;
    if (roles.unauthenticated) Roles['unauthenticated'] = roles.unauthenticated;
    const output = await client.send(
      new SetIdentityPoolRolesCommand({
        IdentityPoolId: identityPoolId,
        Roles,
        RoleMappings: Object.fromEntries(
          Object.entries(roleMappings).map(([key, m]) => [
            key,
            {
              Type: m.Type,
              ...(m.AmbiguousRoleResolution ? { AmbiguousRoleResolution: m.AmbiguousRoleResolution } : {}),
              ...(m.RulesConfiguration
                ? { RulesConfiguration: { Rules: m.RulesConfiguration.Rules.map((r) => ({ ...r })) } }
                : {}),
            },
          ]),
        ),
      }),
    );
    return withRequestId(undefined, output);
  }, identityPoolErrors);
}

/** The identity pools port (cognito-identity): pools, guest access, roles and role mappings. */
export const identityPoolOperations = {
  /** The identity pools of one region (default: the configured region). */
  listIdentityPools: read((c, region?: string) => listIdentityPools(c.identity(region ?? c.defaultRegion))),
  describeIdentityPool: read((c, identityPoolId: string) =>
    describeIdentityPool(c.identityForPool(identityPoolId), identityPoolId),
  ),
  getIdentityPoolRoles: read((c, identityPoolId: string) =>
    getIdentityPoolRoles(c.identityForPool(identityPoolId), identityPoolId),
  ),
  updateIdentityPool: write((c, identityPoolId: string, changes: IdentityPoolChanges) =>
    updateIdentityPool(c.identityForPool(identityPoolId), identityPoolId, changes),
  ),
  setIdentityPoolRoles: write(
    (c, identityPoolId: string, roles: IdentityPoolRoleArns, roleMappings: Record<string, RoleMapping>) =>
      setIdentityPoolRoles(c.identityForPool(identityPoolId), identityPoolId, roles, roleMappings),
  ),
};

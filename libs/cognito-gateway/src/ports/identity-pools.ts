import {
  type CognitoIdentityClient,
  DescribeIdentityPoolCommand,
  ListIdentityPoolsCommand,
} from '@aws-sdk/client-cognito-identity';
import { identityPoolErrors } from '../error-tables';
import { mapErrors } from '../errors';
import { read } from '../operation';
import { collectAll } from '../paging';

/** ListIdentityPools requires MaxResults, 1..60. */
export const LIST_IDENTITY_POOLS_PAGE_SIZE = 60;

export interface IdentityPoolSummary {
  id: string;
  name: string;
}

export interface IdentityPoolInfo extends IdentityPoolSummary {
  allowUnauthenticated: boolean;
  /** `cognito-idp.<region>.amazonaws.com/<poolId>` provider names with their app client ids. */
  userPoolProviders: Array<{ providerName: string; clientId: string }>;
}

export async function listIdentityPools(client: CognitoIdentityClient): Promise<IdentityPoolSummary[]> {
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

export async function describeIdentityPool(
  client: CognitoIdentityClient,
  identityPoolId: string,
): Promise<IdentityPoolInfo> {
  return mapErrors(async () => {
    const output = await client.send(new DescribeIdentityPoolCommand({ IdentityPoolId: identityPoolId }));
    return {
      id: output.IdentityPoolId ?? identityPoolId,
      name: output.IdentityPoolName ?? '',
      allowUnauthenticated: output.AllowUnauthenticatedIdentities === true,
      userPoolProviders: (output.CognitoIdentityProviders ?? [])
        .filter((p) => p.ProviderName)
        .map((p) => ({ providerName: p.ProviderName as string, clientId: p.ClientId ?? '' })),
    };
  }, identityPoolErrors);
}

/** The identity pools port (cognito-identity); roles and role mappings come with the federation issue. */
export const identityPoolOperations = {
  /** The identity pools of one region (default: the configured region). */
  listIdentityPools: read((c, region?: string) => listIdentityPools(c.identity(region ?? c.defaultRegion))),
  describeIdentityPool: read((c, identityPoolId: string) =>
    describeIdentityPool(c.identityForPool(identityPoolId), identityPoolId),
  ),
};

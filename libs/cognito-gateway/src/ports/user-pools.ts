import {
  DescribeUserPoolCommand,
  ListUserPoolsCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { mapErrors } from '../errors';
import { toUserPoolInfo } from '../map';
import { read } from '../operation';
import { collectAll } from '../paging';
import type { UserPoolInfo } from '../types';

/** ListUserPools accepts MaxResults 1..60. */
export const LIST_USER_POOLS_PAGE_SIZE = 60;

/** Every user pool in the account and Region, following NextToken to the end. */
export async function listUserPools(
  client: CognitoIdentityProviderClient,
): Promise<Array<{ id: string; name: string }>> {
  return mapErrors(() =>
    collectAll(async (token) => {
      const output = await client.send(
        new ListUserPoolsCommand({
          MaxResults: LIST_USER_POOLS_PAGE_SIZE,
          ...(token ? { NextToken: token } : {}),
        }),
      );
      const items = (output.UserPools ?? [])
        .filter((pool) => pool.Id)
        .map((pool) => ({ id: pool.Id as string, name: pool.Name ?? '' }));
      return { items, nextToken: output.NextToken };
    }),
  );
}

export async function describeUserPool(
  client: CognitoIdentityProviderClient,
  poolId: string,
): Promise<UserPoolInfo> {
  return mapErrors(async () => {
    const output = await client.send(new DescribeUserPoolCommand({ UserPoolId: poolId }));
    return toUserPoolInfo(output.UserPool ?? {}, poolId);
  });
}

/** The user pools port: pools are read for context; poolkeeper never changes a pool's settings. */
export const userPoolOperations = {
  /** The pools of one region (default: the configured region). */
  listUserPools: read((c, region?: string) => listUserPools(c.idp(region ?? c.defaultRegion))),
  describeUserPool: read((c, poolId: string) => describeUserPool(c.idpForPool(poolId), poolId)),
};

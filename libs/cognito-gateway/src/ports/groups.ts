import {
  AdminListGroupsForUserCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { groupErrors } from '../error-tables';
import { mapErrors } from '../errors';
import { read } from '../operation';
import { collectAll } from '../paging';

/** AdminListGroupsForUser accepts Limit 1..60. */
export const LIST_GROUPS_PAGE_SIZE = 60;

/** Names of every group the user belongs to, following NextToken to the end. */
export async function listGroupsForUser(
  client: CognitoIdentityProviderClient,
  poolId: string,
  username: string,
): Promise<string[]> {
  return mapErrors(
    () =>
      collectAll(async (token) => {
        const output = await client.send(
          new AdminListGroupsForUserCommand({
            UserPoolId: poolId,
            Username: username,
            Limit: LIST_GROUPS_PAGE_SIZE,
            ...(token ? { NextToken: token } : {}),
          }),
        );
        const items = (output.Groups ?? [])
          .map((group) => group.GroupName)
          .filter((name): name is string => !!name);
        return { items, nextToken: output.NextToken };
      }),
    groupErrors,
  );
}

/** The groups port (cognito-idp groups); group management joins it with the groups issue. */
export const groupOperations = {
  listGroupsForUser: read((c, poolId: string, username: string) =>
    listGroupsForUser(c.idpForPool(poolId), poolId, username),
  ),
};

import {
  AdminAddUserToGroupCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  CreateGroupCommand,
  DeleteGroupCommand,
  GetGroupCommand,
  type GroupType,
  ListGroupsCommand,
  ListUsersInGroupCommand,
  UpdateGroupCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { groupErrors } from '../error-tables';
import { mapErrors } from '../errors';
import { toCognitoUser } from '../map';
import { read, write } from '../operation';
import { collectAll, type TokenPage } from '../paging';
import { withRequestId } from '../request-id';
import {
  type AwsResult,
  type CognitoGroup,
  type CognitoUser,
  GatewayError,
  type GroupFields,
} from '../types';

/** AdminListGroupsForUser, ListGroups and ListUsersInGroup accept Limit 1..60 (API reference, each "Limit"). */
export const LIST_GROUPS_PAGE_SIZE = 60;

type Client = CognitoIdentityProviderClient;

export function toCognitoGroup(group: GroupType): CognitoGroup {
  return {
    name: group.GroupName ?? '',
    description: group.Description ?? null,
    precedence: group.Precedence ?? null,
    roleArn: group.RoleArn ?? null,
    createdAt: group.CreationDate ?? null,
    updatedAt: group.LastModifiedDate ?? null,
  };
}

function checkLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 1 || limit > LIST_GROUPS_PAGE_SIZE) {
    throw new GatewayError('VALIDATION_FAILED', `limit must be 1 to ${LIST_GROUPS_PAGE_SIZE}.`, null, null);
  }
}

/** Every group the user belongs to, following NextToken to the end (a user is in at most 100 groups). */
export async function listGroupDetailsForUser(
  client: Client,
  poolId: string,
  username: string,
): Promise<CognitoGroup[]> {
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
        return { items: (output.Groups ?? []).map(toCognitoGroup), nextToken: output.NextToken };
      }),
    groupErrors,
  );
}

/** Names of every group the user belongs to. */
export async function listGroupsForUser(client: Client, poolId: string, username: string): Promise<string[]> {
  return (await listGroupDetailsForUser(client, poolId, username)).map((g) => g.name).filter((n) => !!n);
}

export async function listGroups(
  client: Client,
  poolId: string,
  limit: number,
  nextToken?: string,
): Promise<TokenPage<CognitoGroup>> {
  return mapErrors(async () => {
    checkLimit(limit);
    const output = await client.send(
      new ListGroupsCommand({
        UserPoolId: poolId,
        Limit: limit,
        ...(nextToken ? { NextToken: nextToken } : {}),
      }),
    );
    return { items: (output.Groups ?? []).map(toCognitoGroup), nextToken: output.NextToken || null };
  }, groupErrors);
}

export async function getGroup(client: Client, poolId: string, name: string): Promise<CognitoGroup> {
  return mapErrors(async () => {
    const output = await client.send(new GetGroupCommand({ UserPoolId: poolId, GroupName: name }));
    if (!output.Group) throw new GatewayError('GROUP_NOT_FOUND', 'Group not found.', null, null);
    return toCognitoGroup(output.Group);
  }, groupErrors);
}

export async function listUsersInGroup(
  client: Client,
  poolId: string,
  name: string,
  limit: number,
  nextToken?: string,
): Promise<TokenPage<CognitoUser>> {
  return mapErrors(async () => {
    checkLimit(limit);
    const output = await client.send(
      new ListUsersInGroupCommand({
        UserPoolId: poolId,
        GroupName: name,
        Limit: limit,
        ...(nextToken ? { NextToken: nextToken } : {}),
      }),
    );
    return { items: (output.Users ?? []).map(toCognitoUser), nextToken: output.NextToken || null };
  }, groupErrors);
}

function fields(input: GroupFields) {
  return {
    ...(input.description !== undefined ? { Description: input.description } : {}),
    ...(input.precedence !== undefined ? { Precedence: input.precedence } : {}),
    ...(input.roleArn !== undefined ? { RoleArn: input.roleArn } : {}),
  };
}

export async function createGroup(
  client: Client,
  poolId: string,
  name: string,
  input: GroupFields,
): Promise<AwsResult<CognitoGroup>> {
  return mapErrors(async () => {
    const output = await client.send(
      new CreateGroupCommand({ UserPoolId: poolId, GroupName: name, ...fields(input) }),
    );
    return withRequestId(toCognitoGroup(output.Group ?? { GroupName: name }), output);
  }, groupErrors);
}

export async function updateGroup(
  client: Client,
  poolId: string,
  name: string,
  input: GroupFields,
): Promise<AwsResult<CognitoGroup>> {
  return mapErrors(async () => {
    const output = await client.send(
      new UpdateGroupCommand({ UserPoolId: poolId, GroupName: name, ...fields(input) }),
    );
    return withRequestId(toCognitoGroup(output.Group ?? { GroupName: name }), output);
  }, groupErrors);
}

export async function deleteGroup(client: Client, poolId: string, name: string): Promise<AwsResult<void>> {
  return mapErrors(async () => {
    const output = await client.send(new DeleteGroupCommand({ UserPoolId: poolId, GroupName: name }));
    return withRequestId(undefined, output);
  }, groupErrors);
}

/** AdminAddUserToGroup / AdminRemoveUserFromGroup: a missing user is USER_NOT_FOUND, a missing group GROUP_NOT_FOUND. */
export async function changeMembership(
  client: Client,
  change: 'add' | 'remove',
  poolId: string,
  name: string,
  username: string,
): Promise<AwsResult<void>> {
  return mapErrors(async () => {
    const input = { UserPoolId: poolId, GroupName: name, Username: username };
    const output = await client.send(
      change === 'add' ? new AdminAddUserToGroupCommand(input) : new AdminRemoveUserFromGroupCommand(input),
    );
    return withRequestId(undefined, output);
  }, groupErrors);
}

/** The groups port (cognito-idp groups), each call in the region of its pool. */
export const groupOperations = {
  listGroupsForUser: read((c, poolId: string, username: string) =>
    listGroupsForUser(c.idpForPool(poolId), poolId, username),
  ),
  listGroupDetailsForUser: read((c, poolId: string, username: string) =>
    listGroupDetailsForUser(c.idpForPool(poolId), poolId, username),
  ),
  listGroups: read((c, poolId: string, limit: number, nextToken?: string) =>
    listGroups(c.idpForPool(poolId), poolId, limit, nextToken),
  ),
  getGroup: read((c, poolId: string, name: string) => getGroup(c.idpForPool(poolId), poolId, name)),
  listUsersInGroup: read((c, poolId: string, name: string, limit: number, nextToken?: string) =>
    listUsersInGroup(c.idpForPool(poolId), poolId, name, limit, nextToken),
  ),
  createGroup: write((c, poolId: string, name: string, input: GroupFields) =>
    createGroup(c.idpForPool(poolId), poolId, name, input),
  ),
  updateGroup: write((c, poolId: string, name: string, input: GroupFields) =>
    updateGroup(c.idpForPool(poolId), poolId, name, input),
  ),
  deleteGroup: write((c, poolId: string, name: string) => deleteGroup(c.idpForPool(poolId), poolId, name)),
  addUserToGroup: write((c, poolId: string, name: string, username: string) =>
    changeMembership(c.idpForPool(poolId), 'add', poolId, name, username),
  ),
  removeUserFromGroup: write((c, poolId: string, name: string, username: string) =>
    changeMembership(c.idpForPool(poolId), 'remove', poolId, name, username),
  ),
};

import { AwsError, invalidParameter } from '../../core/errors';
import { paginate } from '../../core/pagination';
import { optInt, optString, reqString } from '../../core/params';
import { touch } from '../../state/change-tracking';
import type { Group } from '../../state/model';
import { mutation, Operations, query } from '../registry';
import { getGroup, getPool, getUser } from './lookup';
import { groupView, userTypeView } from './views';

const ROLE_ARN = /^arn:[\w+=/,.@-]+:iam::[0-9]{12}:role\/.+$/;

export const groupOperations: Operations = {
  CreateGroup: mutation((input, ctx) => {
    const pool = getPool(ctx, reqString(input, 'UserPoolId'));
    const name = reqString(input, 'GroupName', { max: 128 });
    if (!/^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u.test(name))
      throw invalidParameter('GroupName contains characters that are not allowed.');
    const roleArn = optString(input, 'RoleArn', { min: 20, max: 2048 });
    if (roleArn !== undefined && !ROLE_ARN.test(roleArn))
      throw invalidParameter(`Invalid RoleArn ${roleArn}.`);
    if (pool.groups.has(name))
      throw new AwsError('GroupExistsException', 'A group with the name already exists.');
    const now = ctx.now();
    const group: Group = { name, createdAt: now, modifiedAt: now };
    const description = optString(input, 'Description', { max: 2048 });
    const precedence = optInt(input, 'Precedence', 0, 2147483647);
    if (description !== undefined) group.description = description;
    if (precedence !== undefined) group.precedence = precedence;
    if (roleArn !== undefined) group.roleArn = roleArn;
    pool.groups.set(name, group);
    return { Group: groupView(pool, group) };
  }),

  /** API_UpdateGroup: changes only what the request gives (Description, Precedence, RoleArn). */
  UpdateGroup: mutation((input, ctx) => {
    const pool = getPool(ctx, reqString(input, 'UserPoolId'));
    const group = getGroup(pool, reqString(input, 'GroupName', { max: 128 }));
    const description = optString(input, 'Description', { max: 2048 });
    const precedence = optInt(input, 'Precedence', 0, 2147483647);
    const roleArn = optString(input, 'RoleArn', { min: 20, max: 2048 });
    if (roleArn !== undefined && !ROLE_ARN.test(roleArn))
      throw invalidParameter(`Invalid RoleArn ${roleArn}.`);
    if (description !== undefined) group.description = description;
    if (precedence !== undefined) group.precedence = precedence;
    if (roleArn !== undefined) group.roleArn = roleArn;
    group.modifiedAt = ctx.now();
    return { Group: groupView(pool, group) };
  }),

  GetGroup: query((input, ctx) => {
    const pool = getPool(ctx, reqString(input, 'UserPoolId'));
    return { Group: groupView(pool, getGroup(pool, reqString(input, 'GroupName'))) };
  }),

  ListGroups: query((input, ctx) => {
    const pool = getPool(ctx, reqString(input, 'UserPoolId'));
    const limit = optInt(input, 'Limit', 1, 60) ?? 60;
    const page = paginate(
      [...pool.groups.values()],
      (g) => g.name,
      limit,
      optString(input, 'NextToken'),
      `ListGroups:${pool.id}`,
    );
    return {
      Groups: page.items.map((g) => groupView(pool, g)),
      ...(page.nextToken ? { NextToken: page.nextToken } : {}),
    };
  }),

  DeleteGroup: mutation((input, ctx) => {
    const pool = getPool(ctx, reqString(input, 'UserPoolId'));
    const group = getGroup(pool, reqString(input, 'GroupName'));
    pool.groups.delete(group.name);
    for (const user of pool.users.values()) {
      if (!user.groups.includes(group.name)) continue;
      touch(pool.users, user.username.toLowerCase(), user);
      user.groups = user.groups.filter((g) => g !== group.name);
    }
    return {};
  }),

  AdminAddUserToGroup: mutation((input, ctx) => {
    const pool = getPool(ctx, reqString(input, 'UserPoolId'));
    const user = getUser(pool, reqString(input, 'Username'));
    const group = getGroup(pool, reqString(input, 'GroupName'));
    if (!user.groups.includes(group.name)) user.groups.push(group.name);
    return {};
  }),

  AdminRemoveUserFromGroup: mutation((input, ctx) => {
    const pool = getPool(ctx, reqString(input, 'UserPoolId'));
    const user = getUser(pool, reqString(input, 'Username'));
    const group = getGroup(pool, reqString(input, 'GroupName'));
    user.groups = user.groups.filter((g) => g !== group.name);
    return {};
  }),

  AdminListGroupsForUser: query((input, ctx) => {
    const pool = getPool(ctx, reqString(input, 'UserPoolId'));
    const user = getUser(pool, reqString(input, 'Username'));
    const limit = optInt(input, 'Limit', 1, 60) ?? 60;
    const groups = user.groups.map((n) => pool.groups.get(n)).filter((g): g is Group => g !== undefined);
    const scope = `AdminListGroupsForUser:${pool.id}:${user.sub}`;
    const page = paginate(groups, (g) => g.name, limit, optString(input, 'NextToken'), scope);
    return {
      Groups: page.items.map((g) => groupView(pool, g)),
      ...(page.nextToken ? { NextToken: page.nextToken } : {}),
    };
  }),

  ListUsersInGroup: query((input, ctx) => {
    const pool = getPool(ctx, reqString(input, 'UserPoolId'));
    const group = getGroup(pool, reqString(input, 'GroupName'));
    const limit = optInt(input, 'Limit', 1, 60) ?? 60;
    const members = [...pool.users.values()].filter((u) => u.groups.includes(group.name));
    const scope = `ListUsersInGroup:${pool.id}:${group.name}`;
    const page = paginate(
      members,
      (u) => u.username.toLowerCase(),
      limit,
      optString(input, 'NextToken'),
      scope,
    );
    return {
      Users: page.items.map((u) => userTypeView(u)),
      ...(page.nextToken ? { NextToken: page.nextToken } : {}),
    };
  }),
};

import { AwsError, resourceNotFound, userNotFound } from '../../core/errors';
import type { AppClient, Group, User, UserPool } from '../../state/model';
import { touch } from '../../state/change-tracking';
import type { OperationContext } from '../registry';

/**
 * Whether a pool is visible to this request. AWS has one endpoint per Region and a pool exists only at its
 * own Region's endpoint, so a request signed for another Region does not find it. Unsigned calls (which
 * name the pool or its client) see every Region.
 */
export const inRequestRegion = (ctx: OperationContext, pool: UserPool) =>
  !ctx.regionSigned || pool.region === ctx.region;

/** The pools of this request's Region (every pool for unsigned calls). */
export function poolsInRequestRegion(ctx: OperationContext): UserPool[] {
  return [...ctx.state.pools.values()].filter((p) => inRequestRegion(ctx, p));
}

export function getPool(ctx: OperationContext, id: string): UserPool {
  const pool = ctx.state.pools.get(id);
  if (!pool || !inRequestRegion(ctx, pool)) throw resourceNotFound(`User pool ${id} does not exist.`);
  return pool;
}

/** Finds a user by username (case-insensitive), or by email/phone when the pool signs in with them. */
export function findUser(pool: UserPool, username: string): User | undefined {
  const direct = pool.users.get(username.toLowerCase());
  if (direct) return direct;
  const aliases = [...(pool.usernameAttributes ?? []), ...(pool.aliasAttributes ?? [])];
  for (const attr of aliases) {
    const wanted = attr === 'email' ? username.toLowerCase() : username;
    for (const user of pool.users.values()) {
      const v = user.attributes[attr];
      if (v !== undefined && (attr === 'email' ? v.toLowerCase() : v) === wanted) {
        touch(pool.users, user.username.toLowerCase(), user); // a mutation may change it
        return user;
      }
    }
  }
  return undefined;
}

export function getUser(pool: UserPool, username: string): User {
  const user = findUser(pool, username);
  if (!user) throw userNotFound();
  return user;
}

export function findUserBySub(pool: UserPool, sub: string): User | undefined {
  for (const user of pool.users.values()) {
    if (user.sub === sub) {
      touch(pool.users, user.username.toLowerCase(), user); // a mutation may change it
      return user;
    }
  }
  return undefined;
}

export function getGroup(pool: UserPool, name: string): Group {
  const group = pool.groups.get(name);
  if (!group) throw resourceNotFound('Group not found.');
  return group;
}

export function getClient(pool: UserPool, clientId: string): AppClient {
  const client = pool.clients.get(clientId);
  if (!client) throw resourceNotFound(`User pool client ${clientId} does not exist.`);
  return client;
}

/** Finds an app client and its pool (InitiateAuth and RevokeToken name only the client). */
export function findPoolByClientId(
  ctx: OperationContext,
  clientId: string,
): { pool: UserPool; client: AppClient } | undefined {
  for (const pool of poolsInRequestRegion(ctx)) {
    const client = pool.clients.get(clientId);
    if (client) return { pool, client };
  }
  return undefined;
}

export function getPoolByClientId(
  ctx: OperationContext,
  clientId: string,
): { pool: UserPool; client: AppClient } {
  const found = findPoolByClientId(ctx, clientId);
  if (!found) throw resourceNotFound(`User pool client ${clientId} does not exist.`);
  return found;
}

export const unsupportedUserState = (message: string) =>
  new AwsError('UnsupportedUserStateException', message);

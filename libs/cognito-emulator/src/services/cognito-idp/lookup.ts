import { AwsError, resourceNotFound, userNotFound } from '../../core/errors';
import type { AppClient, Group, User, UserPool } from '../../state/model';
import type { OperationContext } from '../registry';

export function getPool(ctx: OperationContext, id: string): UserPool {
  const pool = ctx.state.pools[id];
  if (!pool) throw resourceNotFound(`User pool ${id} does not exist.`);
  return pool;
}

/** Finds a user by username (case-insensitive), or by email/phone when the pool signs in with them. */
export function findUser(pool: UserPool, username: string): User | undefined {
  const direct = pool.users[username.toLowerCase()];
  if (direct) return direct;
  const aliases = [...(pool.usernameAttributes ?? []), ...(pool.aliasAttributes ?? [])];
  for (const attr of aliases) {
    const wanted = attr === 'email' ? username.toLowerCase() : username;
    for (const user of Object.values(pool.users)) {
      const v = user.attributes[attr];
      if (v !== undefined && (attr === 'email' ? v.toLowerCase() : v) === wanted) return user;
    }
  }
  return undefined;
}

export function getUser(pool: UserPool, username: string): User {
  const user = findUser(pool, username);
  if (!user) throw userNotFound();
  return user;
}

export function getGroup(pool: UserPool, name: string): Group {
  const group = pool.groups[name];
  if (!group) throw resourceNotFound('Group not found.');
  return group;
}

export function getClient(pool: UserPool, clientId: string): AppClient {
  const client = pool.clients[clientId];
  if (!client) throw resourceNotFound(`User pool client ${clientId} does not exist.`);
  return client;
}

/** Finds the pool an app client belongs to (InitiateAuth only names the client). */
export function getPoolByClientId(
  ctx: OperationContext,
  clientId: string,
): { pool: UserPool; client: AppClient } {
  for (const pool of Object.values(ctx.state.pools)) {
    const client = pool.clients[clientId];
    if (client) return { pool, client };
  }
  throw resourceNotFound(`User pool client ${clientId} does not exist.`);
}

export const unsupportedUserState = (message: string) =>
  new AwsError('UnsupportedUserStateException', message);

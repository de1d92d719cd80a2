import {
  type Permission,
  type Role,
  permissions as allPermissions,
  permissionsForRoles,
  roles,
} from '@poolkeeper/contract';
import type { RoleGroups } from '@poolkeeper/contract';

/** Who is calling: an operator (user access token) or a machine client (client-credentials token). */
export interface Principal {
  kind: 'operator' | 'machine';
  sub: string;
  /** The operator's username; for a machine client its client id. */
  username: string;
  clientId: string;
  roles: Role[];
  permissions: Permission[];
}

/** Resource-server identifier that prefixes machine scopes: `poolkeeper/users.read`. */
export const SCOPE_PREFIX = 'poolkeeper/';

export class TokenRejected extends Error {
  override readonly name = 'TokenRejected';
}

/** Claims of a verified (signature, iss, exp) access token → principal, or TokenRejected. */
export function principalFromClaims(
  claims: Record<string, unknown>,
  allowedClientIds: readonly string[],
  roleGroups: RoleGroups,
): Principal {
  if (claims.token_use !== 'access') throw new TokenRejected('not an access token');
  const clientId = typeof claims.client_id === 'string' ? claims.client_id : '';
  if (!allowedClientIds.includes(clientId))
    throw new TokenRejected('token issued to a client that is not allowed');
  const sub = typeof claims.sub === 'string' ? claims.sub : '';
  if (!sub) throw new TokenRejected('token has no sub');
  if (typeof claims.username === 'string' && claims.username.length > 0) {
    const roles = rolesFromGroups(claims['cognito:groups'], roleGroups);
    return {
      kind: 'operator',
      sub,
      username: claims.username,
      clientId,
      roles,
      permissions: permissionsForRoles(roles),
    };
  }
  return {
    kind: 'machine',
    sub,
    username: clientId,
    clientId,
    roles: [],
    permissions: permissionsFromScopes(claims.scope),
  };
}

export function rolesFromGroups(groups: unknown, roleGroups: RoleGroups): Role[] {
  const list = Array.isArray(groups) ? groups.filter((g): g is string => typeof g === 'string') : [];
  return roles.filter((role) => list.includes(roleGroups[role]));
}

export function permissionsFromScopes(scope: unknown): Permission[] {
  const granted = new Set(typeof scope === 'string' ? scope.split(/\s+/) : []);
  return allPermissions.filter((p) => granted.has(`${SCOPE_PREFIX}${p}`));
}

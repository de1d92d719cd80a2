/**
 * The console's URLs that carry a pool, in one place. A user lives at
 * `#/pools/<poolId>/users/<username>/show` (edit: without `/show`): the pool is part of the address, so
 * a link pasted to a colleague opens the same user in the same pool. The segments are encoded as
 * react-admin encodes record ids.
 */
export function poolBasePath(poolId: string): string {
  return `/pools/${encodeURIComponent(poolId)}`;
}

export function poolUsersPath(poolId: string): string {
  return `${poolBasePath(poolId)}/users`;
}

export function userShowPath(poolId: string, username: string): string {
  return `${poolUsersPath(poolId)}/${encodeURIComponent(username)}/show`;
}

/** The pool's MFA settings screen. */
export function poolMfaPath(poolId: string): string {
  return `${poolBasePath(poolId)}/mfa`;
}

/** A pool's identity providers: `#/pools/<poolId>/identity-providers` (a provider: `/<name>/show`). */
export function poolIdpsPath(poolId: string): string {
  return `${poolBasePath(poolId)}/identity-providers`;
}

/** The audit log with its filters set (react-admin reads list filters from the `filter` query). */
export function auditLogPath(filter: Record<string, string>): string {
  return `/audit-events?filter=${encodeURIComponent(JSON.stringify(filter))}`;
}

/** A pool's groups, and one group's page: `#/pools/<poolId>/groups/<groupName>/show`. */
export function poolGroupsPath(poolId: string): string {
  return `${poolBasePath(poolId)}/groups`;
}

export function groupShowPath(poolId: string, groupName: string): string {
  return `${poolGroupsPath(poolId)}/${encodeURIComponent(groupName)}/show`;
}

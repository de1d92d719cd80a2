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

/** A pool's identity providers: `#/pools/<poolId>/identity-providers` (a provider: `/<name>/show`). */
export function poolIdpsPath(poolId: string): string {
  return `${poolBasePath(poolId)}/identity-providers`;
}

/** The audit log with its filters set (react-admin reads list filters from the `filter` query). */
export function auditLogPath(filter: Record<string, string>): string {
  return `/audit-events?filter=${encodeURIComponent(JSON.stringify(filter))}`;
}

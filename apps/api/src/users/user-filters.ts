import type { ListUsersQuery, UserStatus } from '@poolkeeper/contract';
import type { CognitoUser, UserFilter } from '@poolkeeper/cognito-gateway';

/** The search box → one ListUsers filter. The raw value goes to the gateway, which escapes it for Cognito. */
export function searchFilter(
  query: Pick<ListUsersQuery, 'search' | 'attribute' | 'match'>,
): UserFilter | null {
  if (query.search === undefined || query.search === '') return null;
  return { attribute: query.attribute, match: query.match, value: query.search };
}

/** The status filter: `enabled`/`disabled` via `status`, the rest via `cognito:user_status`. */
export function statusFilter(status: ListUsersQuery['status']): UserFilter | null {
  if (status === undefined) return null;
  if (status === 'enabled' || status === 'disabled') {
    return { attribute: 'status', match: 'exact', value: status === 'enabled' ? 'Enabled' : 'Disabled' };
  }
  return { attribute: 'cognito:user_status', match: 'exact', value: status };
}

/** The same status filter applied locally, when Cognito's one filter is taken by the search. */
export function statusPredicate(
  status: NonNullable<ListUsersQuery['status']>,
): (user: CognitoUser) => boolean {
  if (status === 'enabled') return (u) => u.enabled;
  if (status === 'disabled') return (u) => !u.enabled;
  return (u) => u.status === (status satisfies UserStatus);
}

import type { CognitoReads } from '@poolkeeper/cognito-gateway';

const BOOLEAN_CLAIMS = new Set(['email_verified', 'phone_number_verified']);

/**
 * The claims of the ID token the user pool would issue this user through this app client, as far as role
 * mapping reads them: `sub`, the user's attributes (the verified flags as booleans), `cognito:username`,
 * `cognito:groups` when the user is in a group, `aud` (the app client) and `token_use`. Not included: the
 * `cognito:roles` / `cognito:preferred_role` claims of groups with an IAM role (the gateway reads group
 * names only), so for a Token mapping enter the claims instead.
 */
export async function userTokenClaims(
  cognito: CognitoReads,
  poolId: string,
  username: string,
  clientId: string,
): Promise<Record<string, unknown>> {
  const [user, groups] = await Promise.all([
    cognito.users.getUser(poolId, username),
    cognito.groups.listGroupsForUser(poolId, username),
  ]);
  const attributes = Object.fromEntries(
    Object.entries(user.attributes).map(([k, v]) => [k, BOOLEAN_CLAIMS.has(k) ? v === 'true' : v]),
  );
  return {
    ...attributes,
    ...(groups.length > 0 ? { 'cognito:groups': [...groups] } : {}),
    'cognito:username': user.username,
    aud: clientId,
    token_use: 'id',
  };
}

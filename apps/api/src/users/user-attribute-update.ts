import type { AwsResult, CognitoGateway } from '@poolkeeper/cognito-gateway';

/**
 * Cognito sets and removes attributes in two calls. So that a PATCH is never half-applied, when both are
 * asked the current values are read first and, if the removal fails after the set succeeded, the set
 * attributes are put back as they were before the error is rethrown.
 */
export async function applyAttributeChanges(
  gateway: CognitoGateway,
  poolId: string,
  username: string,
  set: Record<string, string>,
  remove: string[],
): Promise<AwsResult<void>> {
  const setNames = Object.keys(set);
  const requestIds: string[] = [];
  const track = (r: AwsResult<void>) => {
    if (r.requestId) requestIds.push(r.requestId);
  };
  const before =
    setNames.length > 0 && remove.length > 0
      ? { ...(await gateway.getUser(poolId, username)).attributes }
      : null;
  if (setNames.length > 0) track(await gateway.updateUserAttributes(poolId, username, set));
  if (remove.length > 0) {
    try {
      track(await gateway.deleteUserAttributes(poolId, username, remove));
    } catch (error) {
      if (before) await restore(gateway, poolId, username, setNames, before);
      throw error;
    }
  }
  return { value: undefined, requestId: requestIds.join(',') || null };
}

async function restore(
  gateway: CognitoGateway,
  poolId: string,
  username: string,
  names: string[],
  previous: Record<string, string>,
): Promise<void> {
  const back = Object.fromEntries(names.filter((n) => n in previous).map((n) => [n, previous[n]!]));
  const added = names.filter((n) => !(n in previous));
  if (Object.keys(back).length > 0) await gateway.updateUserAttributes(poolId, username, back);
  if (added.length > 0) await gateway.deleteUserAttributes(poolId, username, added);
}

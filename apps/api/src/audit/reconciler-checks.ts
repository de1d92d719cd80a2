import type { AuditAction, AuditReconciliationMethod, AuditTarget } from '@poolkeeper/contract';
import { type CognitoReads, GatewayError } from '@poolkeeper/cognito-gateway';
import type { PendingAttempt } from '@poolkeeper/persistence';

/** What the reconciler concluded about one attempt left without an outcome. */
export interface Resolution {
  outcome: 'succeeded' | 'unknown';
  method: AuditReconciliationMethod;
  /** What Cognito showed, e.g. "the user is disabled"; null when nothing was read. */
  observed: string | null;
  reason: string;
}

/** A read that failed for a reason that may pass (throttling, Cognito unreachable): try again next pass. */
export class TransientCheckError extends Error {
  override readonly name = 'TransientCheckError';
}

export const UNDETERMINABLE_REASON = "could not be determined from Cognito's state";

const NOT_IN_EFFECT =
  "the change is not in effect now: it was not made, or something undid it since; Cognito's state cannot tell which";

/** Cognito reports creation times in seconds: a resource created this close before the attempt counts as its own. */
const CREATION_SLACK_MS = 1_000;

type Check = (reads: CognitoReads, attempt: PendingAttempt, poolId: string) => Promise<Resolution>;

const succeeded = (observed: string): Resolution => ({
  outcome: 'succeeded',
  method: 'state-check',
  observed,
  reason: "Cognito's current state shows the requested change in effect",
});

const notInEffect = (observed: string): Resolution => ({
  outcome: 'unknown',
  method: 'state-check',
  observed,
  reason: NOT_IN_EFFECT,
});

const targetId = (attempt: PendingAttempt, type: AuditTarget['type']): string | null =>
  attempt.targets.find((t) => t.type === type)?.id ?? null;

/** `read`, with "not found" answered as null; throttling and outages become TransientCheckError. */
async function orMissing<T>(read: () => Promise<T>, missing: readonly string[]): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof GatewayError && missing.includes(error.code)) return null;
    throw transient(error);
  }
}

function transient(error: unknown): unknown {
  if (
    error instanceof GatewayError &&
    (error.code === 'COGNITO_THROTTLED' ||
      error.code === 'COGNITO_UNAVAILABLE' ||
      error.code === 'INTERNAL_ERROR')
  )
    return new TransientCheckError(`${error.code}: ${error.message}`);
  return error;
}

const userState =
  (expectDisabled: boolean): Check =>
  async (reads, attempt, poolId) => {
    const username = targetId(attempt, 'user');
    if (!username) return undeterminable('the attempt names no user');
    const user = await orMissing(() => reads.users.getUser(poolId, username), ['USER_NOT_FOUND']);
    if (!user) return notInEffect('the user no longer exists');
    const observed = user.enabled ? 'the user is enabled' : 'the user is disabled';
    return user.enabled === !expectDisabled ? succeeded(observed) : notInEffect(observed);
  };

/** Created by this attempt: exists now, and was created no earlier than the attempt (less Cognito's rounding). */
function createdBy(attempt: PendingAttempt, createdAt: Date | null, what: string): Resolution {
  if (createdAt && createdAt.getTime() >= Date.parse(attempt.occurredAt) - CREATION_SLACK_MS)
    return succeeded(`the ${what} exists, created ${createdAt.toISOString()}`);
  return {
    outcome: 'unknown',
    method: 'state-check',
    observed: `the ${what} exists, created ${createdAt?.toISOString() ?? 'at an unknown time'}`,
    reason: `the ${what} was there before the attempt, so Cognito's state cannot show whether this attempt created it`,
  };
}

const checks: Partial<Record<AuditAction, Check>> = {
  'user.disable': userState(true),
  'user.enable': userState(false),
  'user.delete': async (reads, attempt, poolId) => {
    const username = targetId(attempt, 'user');
    if (!username) return undeterminable('the attempt names no user');
    const user = await orMissing(() => reads.users.getUser(poolId, username), ['USER_NOT_FOUND']);
    return user ? notInEffect('the user exists') : succeeded('the user does not exist');
  },
  'user.create': async (reads, attempt, poolId) => {
    const username = targetId(attempt, 'user');
    if (!username) return undeterminable('the attempt names no user');
    const user = await orMissing(() => reads.users.getUser(poolId, username), ['USER_NOT_FOUND']);
    return user ? createdBy(attempt, user.createdAt, 'user') : notInEffect('the user does not exist');
  },
  'group.create': async (reads, attempt, poolId) => {
    const name = targetId(attempt, 'group');
    if (!name) return undeterminable('the attempt names no group');
    const group = await orMissing(() => reads.groups.getGroup(poolId, name), ['GROUP_NOT_FOUND']);
    return group ? createdBy(attempt, group.createdAt, 'group') : notInEffect('the group does not exist');
  },
  'group.delete': async (reads, attempt, poolId) => {
    const name = targetId(attempt, 'group');
    if (!name) return undeterminable('the attempt names no group');
    const group = await orMissing(() => reads.groups.getGroup(poolId, name), ['GROUP_NOT_FOUND']);
    return group ? notInEffect('the group exists') : succeeded('the group does not exist');
  },
  'group.add-member': membership(true),
  'group.remove-member': membership(false),
};

function membership(expectMember: boolean): Check {
  return async (reads, attempt, poolId) => {
    const name = targetId(attempt, 'group');
    const username = targetId(attempt, 'user');
    if (!name || !username) return undeterminable('the attempt names no group and user');
    const groups = await orMissing(
      () => reads.groups.listGroupsForUser(poolId, username),
      ['USER_NOT_FOUND'],
    );
    if (!groups) return notInEffect('the user no longer exists');
    const member = groups.includes(name);
    const observed = member ? `the user is a member of ${name}` : `the user is not a member of ${name}`;
    return member === expectMember ? succeeded(observed) : notInEffect(observed);
  };
}

function undeterminable(why: string | null = null): Resolution {
  return {
    outcome: 'unknown',
    method: 'undeterminable',
    observed: null,
    reason: why ? `${UNDETERMINABLE_REASON} (${why})` : UNDETERMINABLE_REASON,
  };
}

/**
 * Resolves one attempt from Cognito's current state where its action leaves a state to check (disable, enable,
 * delete and create of users and groups, group membership); every other action (passwords, sign-out, attribute
 * and settings updates, exports) is `unknown`: nothing in Cognito's state shows whether it ran. Throws
 * TransientCheckError when Cognito could not be read for now.
 */
export async function resolveAttempt(reads: CognitoReads, attempt: PendingAttempt): Promise<Resolution> {
  const check = checks[attempt.action];
  if (!check) return undeterminable();
  if (!attempt.poolId) return undeterminable('the attempt names no pool');
  return check(reads, attempt, attempt.poolId);
}

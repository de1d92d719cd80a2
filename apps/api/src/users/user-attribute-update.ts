import type { CognitoReads, CognitoWrites } from '@poolkeeper/cognito-gateway';
import { AppError } from '../errors/app-error';
import { classifyError } from '../errors/classify';

const verifiedFlag = { email: 'email_verified', phone_number: 'phone_number_verified' } as const;

/**
 * AdminUpdateUserAttributes marks a changed email / phone_number unverified unless `<name>_verified` is in the
 * same call (AWS API reference, AdminUpdateUserAttributes). So the change sends `<name>_verified: true` for the
 * changed ones the caller asked to keep verified and that were verified; `verification` says, for the audit and
 * the caller, what happens to each flag the change touches (before → after).
 */
export function withVerification(
  body: { set: Record<string, string>; keepVerified: Array<keyof typeof verifiedFlag> },
  before: Record<string, string>,
): {
  set: Record<string, string>;
  verification: Record<string, { before: string | null; after: string | null }>;
} {
  const set = { ...body.set };
  const verification: Record<string, { before: string | null; after: string | null }> = {};
  for (const name of ['email', 'phone_number'] as const) {
    const flag = verifiedFlag[name];
    if (!(name in body.set) || flag in body.set || body.set[name] === before[name]) continue;
    const was = before[flag] ?? null;
    const keep = body.keepVerified.includes(name) && was === 'true';
    if (keep) set[flag] = 'true';
    verification[flag] = { before: was, after: keep ? 'true' : 'false' };
  }
  return { set, verification };
}

/** The values the named attributes had before a change (null: absent), for the audit's before/after. */
export function previousValues(
  before: Record<string, string>,
  names: string[],
): Record<string, string | null> {
  return Object.fromEntries(names.map((n) => [n, before[n] ?? null]));
}

/**
 * Cognito sets and removes attributes in two calls. So that a PATCH is never half-applied, when both are
 * asked the current values are read first and, if the removal fails after the set succeeded, the set
 * attributes are put back as they were before the error is rethrown. If putting them back fails too, the
 * original error is still what the caller and the audit row get, saying plainly that the user may be partly
 * updated (`details.partiallyApplied`).
 */
export async function applyAttributeChanges(
  reads: CognitoReads,
  writes: CognitoWrites,
  poolId: string,
  username: string,
  set: Record<string, string>,
  remove: string[],
): Promise<void> {
  const setNames = Object.keys(set);
  const before =
    setNames.length > 0 && remove.length > 0
      ? { ...(await reads.users.getUser(poolId, username)).attributes }
      : null;
  if (setNames.length > 0) await writes.users.updateUserAttributes(poolId, username, set);
  if (remove.length === 0) return;
  try {
    await writes.users.deleteUserAttributes(poolId, username, remove);
  } catch (error) {
    if (!before) throw error;
    try {
      await restore(writes, poolId, username, setNames, before);
    } catch (undoError) {
      throw partlyApplied(error, undoError, setNames);
    }
    throw error;
  }
}

async function restore(
  writes: CognitoWrites,
  poolId: string,
  username: string,
  names: string[],
  previous: Record<string, string>,
): Promise<void> {
  const back = Object.fromEntries(names.filter((n) => n in previous).map((n) => [n, previous[n]!]));
  const added = names.filter((n) => !(n in previous));
  if (Object.keys(back).length > 0) await writes.users.updateUserAttributes(poolId, username, back);
  if (added.length > 0) await writes.users.deleteUserAttributes(poolId, username, added);
}

/** The original failure, kept (code and message), with the news that the undo failed as well. */
function partlyApplied(original: unknown, undoError: unknown, setNames: string[]): AppError {
  const first = classifyError(original);
  const undo = classifyError(undoError);
  const code = first.unexpected ? 'INTERNAL_ERROR' : first.code;
  return new AppError(
    code,
    `${first.unexpected ? 'The change failed' : first.message.replace(/\.?$/, '.')} ` +
      `Putting back ${setNames.join(', ')} failed too (${undo.unexpected ? 'unexpected error' : undo.message}), ` +
      'so the user may be partly updated: check the user and try again.',
    { partiallyApplied: true, setAttributes: setNames, undoError: undo.code },
  );
}

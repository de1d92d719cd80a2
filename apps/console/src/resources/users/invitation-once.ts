/**
 * Hands the invite's result (where the invitation went, or the generated temporary password) from the data
 * provider to the invite screen exactly once, outside react-admin's record cache: the created record the
 * provider returns never carries it, so no cache, URL or later screen can show the password again.
 */
import type { InvitationResult } from '@poolkeeper/contract';

const pending = new Map<string, InvitationResult>();
const keyOf = (poolId: string, username: string) => `${poolId}\u0000${username}`;

export function putInvitation(poolId: string, username: string, invitation: InvitationResult): void {
  pending.set(keyOf(poolId, username), invitation);
}

/** The result for this user, removed as it is read (null when already taken). */
export function takeInvitation(poolId: string, username: string): InvitationResult | null {
  const key = keyOf(poolId, username);
  const invitation = pending.get(key) ?? null;
  pending.delete(key);
  return invitation;
}

/**
 * Which user an audit event concerns, and the audit filter for one user's history: the one place that
 * reads the event's target, so the audit log and the user page link to each other through it.
 * Today an event names one `target` (the username, for `user.*` actions) in its `poolId`.
 */
import type { AuditEvent } from '@poolkeeper/contract';

export interface AuditedUser {
  poolId: string;
  username: string;
}

export function userOfEvent(event: Pick<AuditEvent, 'action' | 'poolId' | 'target'>): AuditedUser | null {
  if (!event.poolId || !event.target || !event.action.startsWith('user.')) return null;
  return { poolId: event.poolId, username: event.target };
}

/** The audit list filters that show one user's history. */
export function auditFilterOfUser({ poolId, username }: AuditedUser): Record<string, string> {
  return { poolId, target: username };
}

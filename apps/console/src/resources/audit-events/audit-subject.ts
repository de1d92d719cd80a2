/**
 * Which user an audit event concerns, and the audit filter for one user's history: the one place that
 * reads the event's targets, so the audit log and the user page link to each other through it.
 * An event names its targets most specific first (`[{ type: 'user', id: 'ana' }]`, or a group and a user).
 */
import type { AuditEvent, AuditTarget } from '@poolkeeper/contract';

export interface AuditedUser {
  poolId: string;
  username: string;
}

export function userOfEvent(event: Pick<AuditEvent, 'poolId' | 'targets'>): AuditedUser | null {
  const user = event.targets.find((t) => t.type === 'user');
  if (!event.poolId || !user) return null;
  return { poolId: event.poolId, username: user.id };
}

/** Targets as people read them: `user ana, group staff`, or an em dash for none. */
export function describeTargets(targets: readonly AuditTarget[]): string {
  return targets.length ? targets.map((t) => `${t.type} ${t.id}`).join(', ') : '—';
}

/** The audit list filters that show one user's history. */
export function auditFilterOfUser({ poolId, username }: AuditedUser): Record<string, string> {
  return { poolId, target: username };
}

import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { type AuditAction, AUDIT_RECONCILER_SUB, auditReconciliationOf } from '@poolkeeper/contract';
import { GatewayError, readsOf } from '@poolkeeper/cognito-gateway';
import type { AuditRecordInput } from '@poolkeeper/persistence';
import pino from 'pino';
import { FakeAuditStore } from '../test-support/fake-audit-store';
import { FakeCognito } from '../test-support/fake-gateway';
import { AuditReconciler } from './reconciler';
import { UNDETERMINABLE_REASON } from './reconciler-checks';

const POOL = 'us-east-1_Managed1';
const operator = {
  kind: 'operator' as const,
  sub: 's-op',
  username: 'op',
  roles: ['admin'],
  ip: '10.0.0.9',
  userAgent: 'ua',
};

function setup() {
  const cognito = new FakeCognito(
    [{ id: POOL, name: 'p', estimatedNumberOfUsers: 0, customAttributes: [] }],
    'us-east-1_Ops',
  );
  cognito.addUsers(POOL, [
    { username: 'dora', enabled: false },
    { username: 'eve', enabled: true },
  ]);
  const store = new FakeAuditStore();
  const reads = readsOf(cognito.gateway);
  const later = () => new Date(Date.now() + 3_600_000);
  const reconciler = new AuditReconciler(store, reads, pino({ level: 'silent' }), {
    graceSeconds: 60,
    now: later,
  });
  const attempt = async (action: AuditAction, targets: AuditRecordInput['targets'], request = {}) => {
    const input: AuditRecordInput = {
      correlationId: randomUUID(),
      outcome: 'attempted',
      action,
      poolId: POOL,
      targets,
      actor: operator,
      reason: 'ticket 9',
      request,
      requestId: 'req-1',
    };
    await store.record(input);
    return input.correlationId;
  };
  const outcomeOf = (correlationId: string) =>
    store.events.filter((e) => e.correlationId === correlationId && e.outcome !== 'attempted');
  return { cognito, store, reconciler, attempt, outcomeOf };
}

const user = (id: string) => [{ type: 'user' as const, id }];

describe('AuditReconciler', () => {
  it('resolves from Cognito state where it can, otherwise unknown with the reason, as the system reconciler', async () => {
    const t = setup();
    const disabled = await t.attempt('user.disable', user('dora'));
    const notDisabled = await t.attempt('user.disable', user('eve'));
    const deleted = await t.attempt('user.delete', user('gone'));
    const signOut = await t.attempt('user.sign-out', user('eve'), { note: 'kept' });
    const member = await t.attempt('group.add-member', [{ type: 'group', id: 'staff' }, ...user('eve')]);

    expect(await t.reconciler.reconcileOnce()).toEqual({
      ran: true,
      succeeded: 3,
      unknown: 2,
      alreadyResolved: 0,
      deferred: 0,
    });
    const [d] = t.outcomeOf(disabled);
    expect(d).toMatchObject({
      outcome: 'succeeded',
      action: 'user.disable',
      poolId: POOL,
      targets: user('dora'),
      reason: 'ticket 9',
      actor: { kind: 'system', sub: AUDIT_RECONCILER_SUB, username: 'reconciler', ip: null, userAgent: null },
    });
    expect(auditReconciliationOf(d!)).toEqual({
      method: 'state-check',
      attemptId: t.store.events[0]!.id,
      attemptOccurredAt: t.store.events[0]!.occurredAt,
      observed: 'the user is disabled',
      reason: "Cognito's current state shows the requested change in effect",
    });
    expect(auditReconciliationOf(t.outcomeOf(notDisabled)[0]!)).toMatchObject({
      method: 'state-check',
      observed: 'the user is enabled',
      reason: expect.stringMatching(/not in effect now/),
    });
    expect(t.outcomeOf(notDisabled)[0]!.outcome).toBe('unknown');
    expect(t.outcomeOf(deleted)[0]).toMatchObject({ outcome: 'succeeded' });
    expect(t.outcomeOf(member)[0]).toMatchObject({ outcome: 'succeeded' });
    const s = t.outcomeOf(signOut)[0]!;
    expect(s).toMatchObject({ outcome: 'unknown', request: { note: 'kept' } });
    expect(auditReconciliationOf(s)).toMatchObject({
      method: 'undeterminable',
      observed: null,
      reason: UNDETERMINABLE_REASON,
    });
    // Read-only: the reconciler never changed Cognito.
    expect(t.cognito.calls.map((c) => c.method)).toEqual([
      'getUser',
      'getUser',
      'getUser',
      'listGroupsForUser',
    ]);

    // A second pass finds nothing to do and writes nothing.
    const count = t.store.events.length;
    expect(await t.reconciler.reconcileOnce()).toMatchObject({ ran: true, succeeded: 0, unknown: 0 });
    expect(t.store.events).toHaveLength(count);
  });

  it('leaves attempts younger than the grace period alone', async () => {
    const t = setup();
    const fresh = new AuditReconciler(t.store, readsOf(t.cognito.gateway), pino({ level: 'silent' }), {
      graceSeconds: 60,
    });
    const id = await t.attempt('user.disable', user('dora'));
    expect(await fresh.reconcileOnce()).toMatchObject({ succeeded: 0, unknown: 0 });
    expect(t.outcomeOf(id)).toEqual([]);
  });

  it('defers an attempt while Cognito throttles, and resolves it on a later pass', async () => {
    const t = setup();
    const id = await t.attempt('user.enable', user('eve'));
    const getUser = t.cognito.gateway.users.getUser;
    (t.cognito.gateway.users as { getUser: typeof getUser }).getUser = async () => {
      throw new GatewayError('COGNITO_THROTTLED', 'slow down', 'TooManyRequestsException', null);
    };
    expect(await t.reconciler.reconcileOnce()).toMatchObject({ deferred: 1, succeeded: 0 });
    expect(t.outcomeOf(id)).toEqual([]);
    (t.cognito.gateway.users as { getUser: typeof getUser }).getUser = getUser;
    expect(await t.reconciler.reconcileOnce()).toMatchObject({ deferred: 0, succeeded: 1 });
  });

  it('does nothing while another reconciler holds the lock', async () => {
    const t = setup();
    await t.attempt('user.disable', user('dora'));
    const other = await t.store.whileReconcilerLocked(() => t.reconciler.reconcileOnce());
    expect(other).toEqual({
      ran: true,
      value: { ran: false, succeeded: 0, unknown: 0, alreadyResolved: 0, deferred: 0 },
    });
  });

  it('an ordinary event is never taken for a reconciled one, whatever its request holds', () => {
    const reconciliation = {
      method: 'state-check',
      attemptId: 'a',
      attemptOccurredAt: 'b',
      observed: 'c',
      reason: 'd',
    };
    expect(
      auditReconciliationOf({ actor: operator, outcome: 'succeeded', request: { reconciliation } }),
    ).toBeNull();
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { auditEventSchema, type AuditAction, type AuditQuery } from '@poolkeeper/contract';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAuditStore, prepareDatabase, startEmbeddedPostgres } from './index';
import type { AuditRecordInput, AuditStore, RunningPostgres } from './types';

const dataDir = mkdtempSync(join(tmpdir(), 'pk-audit-store-'));
let server: RunningPostgres;
let store: AuditStore;

const alice = {
  kind: 'operator' as const,
  sub: 'sub-alice',
  username: 'alice',
  roles: ['admin'],
  ip: '10.0.0.1',
  userAgent: 'jest',
};
const bob = {
  kind: 'machine' as const,
  sub: 'sub-bob',
  username: 'bob',
  roles: ['helpdesk'],
  ip: null,
  userAgent: null,
};
const user = (id: string) => [{ type: 'user' as const, id }];
/** Actions of resources the API does not have yet: the store filters whatever it holds. */
const futureAction = (name: string) => name as AuditAction;

function event(overrides: Partial<AuditRecordInput>): AuditRecordInput {
  return {
    correlationId: randomUUID(),
    outcome: 'attempted',
    action: 'user.create',
    poolId: 'us-east-1_Pool1',
    targets: user('carol'),
    actor: alice,
    reason: null,
    request: {},
    ...overrides,
  };
}

const q = (query: Partial<AuditQuery>): AuditQuery => ({ limit: 50, ...query });

beforeAll(async () => {
  server = await startEmbeddedPostgres({ dataDir });
  await prepareDatabase(server);
  store = createAuditStore(server.servingUrl); // as the API does: SELECT and INSERT only
}, 60_000);

afterAll(async () => {
  await store?.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('createAuditStore', () => {
  let startedAt: string;
  let middle: string;

  it('pings', async () => {
    expect(await store.ping()).toBe(true);
  });

  it('records an attempt and its outcome, redacting secrets, as contract AuditEvents', async () => {
    startedAt = new Date(Date.now() - 1000).toISOString();
    const correlationId = randomUUID();
    const attempt = await store.record(
      event({
        correlationId,
        reason: 'ticket 42',
        request: {
          username: 'carol',
          temporaryPassword: 'Sup3r!',
          nested: [{ client_secret: 'x', keep: 1 }],
        },
      }),
    );
    const outcome = await store.record(
      event({
        correlationId,
        outcome: 'failed',
        errorCode: 'USERNAME_EXISTS',
        errorMessage: 'exists',
        awsRequestId: 'aws-1',
        requestId: 'req-1',
      }),
    );
    expect(auditEventSchema.parse(attempt)).toEqual(attempt);
    expect(attempt.request).toEqual({
      username: 'carol',
      temporaryPassword: '[redacted]',
      nested: [{ client_secret: '[redacted]', keep: 1 }],
    });
    expect(attempt).toMatchObject({ correlationId, reason: 'ticket 42', actor: alice, errorCode: null });
    expect(outcome).toMatchObject({
      outcome: 'failed',
      errorCode: 'USERNAME_EXISTS',
      awsRequestId: 'aws-1',
      requestId: 'req-1',
    });
    expect(new Date(outcome.occurredAt).toISOString()).toBe(outcome.occurredAt);

    const { items } = await store.list(q({}));
    expect(items.map((i) => i.id)).toEqual([outcome.id, attempt.id]); // newest first
  });

  it('filters by actor (username or sub), action (exact or prefix), pool, target, outcome and time', async () => {
    await new Promise((r) => setTimeout(r, 20));
    middle = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));
    await store.record(
      event({ actor: bob, action: 'user.delete', targets: user('dave'), poolId: 'eu-west-1_Pool2' }),
    );
    await store.record(
      event({
        actor: bob,
        action: 'user.delete',
        targets: user('dave'),
        poolId: 'eu-west-1_Pool2',
        outcome: 'succeeded',
      }),
    );
    await store.record(
      event({
        action: futureAction('group.create'),
        targets: [
          { type: 'group', id: 'ops' },
          { type: 'user', id: 'dave' },
        ],
        poolId: 'eu-west-1_Pool2',
      }),
    );
    await store.record(event({ action: futureAction('users.export'), targets: [], poolId: null }));

    const actions = async (query: Partial<AuditQuery>) =>
      (await store.list(q(query))).items.map((i) => i.action);
    expect(await actions({ actor: 'bob' })).toEqual(['user.delete', 'user.delete']);
    expect(await actions({ actor: 'sub-bob' })).toEqual(['user.delete', 'user.delete']);
    expect(await actions({ actor: 'nobody' })).toEqual([]);
    expect(await actions({ action: 'user.delete' })).toEqual(['user.delete', 'user.delete']);
    expect(await actions({ action: 'user.*' })).toEqual([
      'user.delete',
      'user.delete',
      'user.create',
      'user.create',
    ]);
    expect(await actions({ action: 'user' })).toEqual([]);
    expect(await actions({ poolId: 'eu-west-1_Pool2' })).toEqual([
      'group.create',
      'user.delete',
      'user.delete',
    ]);
    expect(await actions({ target: 'dave', outcome: 'succeeded' })).toEqual(['user.delete']);
    // Any target matches, not only the first: the group action also concerns dave.
    expect(await actions({ target: 'dave' })).toEqual(['group.create', 'user.delete', 'user.delete']);
    expect(await actions({ target: 'ops' })).toEqual(['group.create']);
    expect(await actions({ outcome: 'failed' })).toEqual(['user.create']);
    expect(await actions({ from: middle })).toHaveLength(4);
    expect(await actions({ to: middle })).toEqual(['user.create', 'user.create']);
    expect(await actions({ from: startedAt, to: middle, actor: 'alice' })).toHaveLength(2);
    expect(await actions({ from: new Date(Date.now() + 60_000).toISOString() })).toEqual([]);
  });

  it('pages newest first with an opaque cursor and no duplicates or gaps', async () => {
    const all = (await store.list(q({}))).items.map((i) => i.id);
    expect(all).toHaveLength(6);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await store.list(q({ limit: 4, ...(cursor ? { cursor } : {}) }));
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(2);
    expect(seen).toEqual(all);

    const first = await store.list(q({ limit: 1, action: 'user.*' }));
    expect(first.nextCursor).toMatch(/^[A-Za-z0-9_-]+$/);
    const second = await store.list(q({ limit: 1, action: 'user.*', cursor: first.nextCursor ?? '' }));
    expect(second.items[0]?.action).toBe('user.delete');
    expect(second.items[0]?.id).not.toBe(first.items[0]?.id);

    const exact = await store.list(q({ limit: 6 }));
    expect(exact.nextCursor).toBeNull(); // a full last page does not invent another
    await expect(store.list(q({ cursor: 'not a cursor' }))).rejects.toThrow(/Invalid audit cursor/);
  });

  it('reports an unreachable database through ping()', async () => {
    const broken = createAuditStore(server.url.replace(/:\d+\//, ':1/'));
    expect(await broken.ping()).toBe(false);
    await broken.close();
  });
});

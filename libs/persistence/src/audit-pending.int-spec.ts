import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAuditStore, prepareDatabase, runSql, startEmbeddedPostgres } from './index';
import type { AuditRecordInput, AuditStore, RunningPostgres } from './types';

/**
 * The reconciler's persistence against a real Postgres, as the serving role: the work list (attempts without an
 * outcome in a sequence range), the end of the range by time, the conditional outcome append (two stores, i.e.
 * two processes, never both resolve one attempt; an attempt whose outcome landed is left alone) and the
 * reconciler's try-lock.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'pk-audit-pending-'));
let server: RunningPostgres;
let stores: AuditStore[];

const attempt = (overrides: Partial<AuditRecordInput> = {}): AuditRecordInput => ({
  correlationId: randomUUID(),
  outcome: 'attempted',
  action: 'user.disable',
  poolId: 'us-east-1_Pool1',
  targets: [{ type: 'user', id: 'carol' }],
  actor: { kind: 'operator', sub: 's-1', username: 'alice', roles: ['admin'], ip: null, userAgent: null },
  reason: null,
  request: {},
  ...overrides,
});

const reconciled = (of: AuditRecordInput, note: string): AuditRecordInput => ({
  ...of,
  outcome: 'unknown',
  actor: {
    kind: 'system',
    sub: 'system:reconciler',
    username: 'reconciler',
    roles: [],
    ip: null,
    userAgent: null,
  },
  request: { reconciliation: { note } },
});

beforeAll(async () => {
  server = await startEmbeddedPostgres({ dataDir });
  await prepareDatabase(server);
  stores = [createAuditStore(server.servingUrl), createAuditStore(server.servingUrl)];
}, 60_000);

afterAll(async () => {
  for (const store of stores ?? []) await store.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('audit reconciler persistence', () => {
  it('lists attempts without an outcome in the range, oldest first, and finds the range end by time', async () => {
    const [store] = stores as [AuditStore];
    const done = attempt();
    const lost1 = attempt({ action: 'user.enable' });
    const lost2 = attempt({ action: 'group.create', targets: [{ type: 'group', id: 'g' }] });
    await store.record(done);
    await store.record(lost1);
    await store.record({ ...done, outcome: 'succeeded' });
    await store.record(lost2);
    const beforeLater = new Date(Date.now() + 5);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const later = attempt();
    await store.record(later);

    const through = await store.lastSequenceBefore(beforeLater);
    expect(through).toBe('4');
    expect(await store.lastSequenceBefore(new Date(0))).toBeNull();

    const pending = await store.pendingAttempts({
      afterSequence: null,
      throughSequence: through!,
      limit: 10,
    });
    expect(pending.map((p) => [p.sequence, p.correlationId, p.action])).toEqual([
      ['2', lost1.correlationId, 'user.enable'],
      ['4', lost2.correlationId, 'group.create'],
    ]);
    expect(
      (await store.pendingAttempts({ afterSequence: '2', throughSequence: '5', limit: 10 })).map(
        (p) => p.sequence,
      ),
    ).toEqual(['4', '5']);
    expect(
      (await store.pendingAttempts({ afterSequence: null, throughSequence: '5', limit: 1 })).map(
        (p) => p.sequence,
      ),
    ).toEqual(['2']);
  });

  it('appends an outcome only while the attempt has none, and keeps the chain verifiable', async () => {
    const [store] = stores as [AuditStore];
    const lost = attempt();
    await store.record(lost);
    const written = await store.recordOutcomeIfUnresolved(reconciled(lost, 'first'));
    expect(written).toMatchObject({ correlationId: lost.correlationId, outcome: 'unknown' });
    expect(await store.recordOutcomeIfUnresolved(reconciled(lost, 'second'))).toBeNull();

    const answered = attempt();
    await store.record(answered);
    await store.record({ ...answered, outcome: 'failed', errorCode: 'INTERNAL_ERROR' });
    expect(await store.recordOutcomeIfUnresolved(reconciled(answered, 'late'))).toBeNull();

    await expect(store.recordOutcomeIfUnresolved({ ...lost, outcome: 'attempted' })).rejects.toThrow(
      /expects an outcome/,
    );
    const rows = await runSql<{ n: string }>(
      server.url,
      `SELECT count(*) AS n FROM audit_events WHERE correlation_id IN ('${lost.correlationId}', '${answered.correlationId}')`,
    );
    expect(rows[0]!.n).toBe('4');
    expect(await store.verify()).toMatchObject({ ok: true });
  });

  it('two stores (two processes) racing to resolve the same attempts write one outcome each', async () => {
    const lost = Array.from({ length: 10 }, () => attempt());
    for (const a of lost) await stores[0]!.record(a);
    const results = await Promise.all(
      lost.flatMap((a) =>
        stores.map((store, i) => store.recordOutcomeIfUnresolved(reconciled(a, `store ${i}`))),
      ),
    );
    expect(results.filter((r) => r !== null)).toHaveLength(lost.length);
    const ids = lost.map((a) => `'${a.correlationId}'`).join(', ');
    const outcomes = await runSql<{ correlation_id: string; n: string }>(
      server.url,
      `SELECT correlation_id, count(*) AS n FROM audit_events
        WHERE correlation_id IN (${ids}) AND outcome <> 'attempted' GROUP BY correlation_id`,
    );
    expect(outcomes).toHaveLength(lost.length);
    expect(outcomes.every((o) => o.n === '1')).toBe(true);
    expect(await stores[1]!.verify()).toMatchObject({ ok: true });
  });

  it('lets one reconciler run at a time across stores; a finished run frees the lock', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const first = stores[0]!.whileReconcilerLocked(async () => {
      await held;
      return 'first';
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await stores[1]!.whileReconcilerLocked(async () => 'second')).toEqual({ ran: false });
    release();
    expect(await first).toEqual({ ran: true, value: 'first' });
    expect(await stores[1]!.whileReconcilerLocked(async () => 'again')).toEqual({
      ran: true,
      value: 'again',
    });
  });

  it('walks attempts through the outcome index, not the whole table', async () => {
    const plan = await runSql<{ 'QUERY PLAN': string }>(
      server.url,
      `SET enable_seqscan = off; EXPLAIN SELECT a.id FROM audit_events a
        WHERE a.outcome = 'attempted' AND a.sequence > 0 AND a.sequence <= 100
          AND NOT EXISTS (SELECT 1 FROM audit_events o WHERE o.correlation_id = a.correlation_id
                            AND o.outcome <> 'attempted')
        ORDER BY a.sequence LIMIT 50`,
    );
    const text = plan.map((row) => row['QUERY PLAN']).join('\n');
    expect(text).toMatch(/audit_events_outcome_sequence_idx/);
    expect(text).toMatch(/audit_events_correlation_id_idx/);
  });
});

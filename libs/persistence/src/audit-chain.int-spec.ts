import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChainedAuditEvent } from '@poolkeeper/contract';
import {
  GENESIS_HASH,
  backfillAuditChain,
  chainHash,
  createAuditStore,
  prepareDatabase,
  runSql,
  startEmbeddedPostgres,
} from './index';
import type { AuditRecordInput, AuditStore, RunningPostgres } from './types';

/**
 * The hash chain against a real Postgres: concurrent appends from two stores (two API processes) on one
 * database stay one chain; the superuser tampers (edit, delete, reorder) and verify names the exact event;
 * legacy rows are backfilled; the export walks filtered ranges in batches.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'pk-audit-chain-'));
let server: RunningPostgres;
let stores: AuditStore[];

const admin = <T extends Record<string, unknown>>(text: string) => runSql<T>(server.url, text);

const input = (overrides: Partial<AuditRecordInput> = {}): AuditRecordInput => ({
  correlationId: randomUUID(),
  outcome: 'attempted',
  action: 'user.disable',
  poolId: 'us-east-1_Pool1',
  targets: [{ type: 'user', id: 'carol' }],
  actor: { kind: 'operator', sub: 's-1', username: 'alice', roles: ['admin'], ip: null, userAgent: null },
  reason: 'ticket 7 — ünïcödé ✓',
  request: { username: 'carol', nested: { b: 1, a: [true, null, 'x'] } },
  ...overrides,
});

async function all(store: AuditStore): Promise<ChainedAuditEvent[]> {
  const events: ChainedAuditEvent[] = [];
  for await (const batch of store.chainBatches()) events.push(...batch);
  return events;
}

/** Runs `tamper` as the superuser with the append-only triggers off, checks verify, then restores the rows. */
async function tampered(tamper: string) {
  const snapshot = 'CREATE TABLE IF NOT EXISTS audit_snapshot AS SELECT * FROM audit_events';
  await admin(`DROP TABLE IF EXISTS audit_snapshot; ${snapshot}`);
  await admin(`SET session_replication_role = replica; ${tamper}`);
  try {
    return await stores[0]!.verify();
  } finally {
    await admin(
      `SET session_replication_role = replica; DELETE FROM audit_events;
       INSERT INTO audit_events SELECT * FROM audit_snapshot; DROP TABLE audit_snapshot`,
    );
  }
}

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

describe('the audit hash chain', () => {
  it('an empty log verifies with no head', async () => {
    expect(await stores[0]!.head()).toBeNull();
    expect(await stores[0]!.verify()).toEqual({ ok: true, count: 0, head: null });
  });

  it('stays one chain under 16 concurrent writers on two stores (two processes)', async () => {
    await Promise.all(
      Array.from({ length: 16 }, (_, writer) =>
        (async () => {
          for (let i = 0; i < 10; i++) {
            await stores[writer % 2]!.record(
              input({ actor: { ...input().actor, username: `op-${writer}` } }),
            );
          }
        })(),
      ),
    );
    const events = await all(stores[0]!);
    expect(events.map((e) => e.sequence)).toEqual(Array.from({ length: 160 }, (_, i) => String(i + 1)));
    expect(events[0]!.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < events.length; i++) expect(events[i]!.prevHash).toBe(events[i - 1]!.hash);
    for (let i = 1; i < events.length; i++) {
      expect(events[i]!.occurredAt >= events[i - 1]!.occurredAt).toBe(true);
    }
    const head = await stores[1]!.head();
    expect(head).toEqual({ sequence: '160', hash: events[159]!.hash, occurredAt: events[159]!.occurredAt });
    expect(await stores[1]!.verify()).toEqual({ ok: true, count: 160, head });
  });

  it('hashes what it stores: each hash is sha256(prev ‖ canonical form) of the row read back', async () => {
    const [first] = await all(stores[0]!);
    expect(first!.reason).toBe('ticket 7 — ünïcödé ✓');
    expect(first!.request).toEqual({ username: 'carol', nested: { b: 1, a: [true, null, 'x'] } });
    expect(chainHash(GENESIS_HASH, first!)).toBe(first!.hash);
  });

  it('names the edited event when a field is changed', async () => {
    expect(await tampered(`UPDATE audit_events SET reason = 'nothing to see' WHERE sequence = 42`)).toEqual({
      ok: false,
      brokenAt: { sequence: '42', id: expect.any(String) },
      reason: expect.stringMatching(/hash does not match the event's content/),
      count: 41,
    });
  });

  it('names the event after a deleted one', async () => {
    const result = await tampered(`DELETE FROM audit_events WHERE sequence = 42`);
    const [row] = await admin<{ id: string }>('SELECT id FROM audit_events WHERE sequence = 43');
    expect(result).toEqual({
      ok: false,
      brokenAt: { sequence: '43', id: row!.id },
      reason: expect.stringMatching(/is not the hash of the event before it/),
      count: 41,
    });
  });

  it('names the first of two reordered events', async () => {
    const [moved] = await admin<{ id: string }>('SELECT id FROM audit_events WHERE sequence = 43');
    const result = await tampered(
      `UPDATE audit_events SET sequence = -1 WHERE sequence = 42;
       UPDATE audit_events SET sequence = 42 WHERE sequence = 43;
       UPDATE audit_events SET sequence = 43 WHERE sequence = -1`,
    );
    expect(result).toEqual({
      ok: false,
      brokenAt: { sequence: '42', id: moved!.id },
      reason: expect.stringMatching(/is not the hash of the event before it/),
      count: 41,
    });
  });

  it('names the last event when it was changed, and is whole again once the rows are restored', async () => {
    expect(await tampered(`UPDATE audit_events SET request = '{}' WHERE sequence = 160`)).toMatchObject({
      ok: false,
      brokenAt: { sequence: '160' },
    });
    expect(await stores[0]!.verify()).toMatchObject({ ok: true, count: 160 });
  });

  it('exports filtered ranges oldest first in batches, each event with its hashes', async () => {
    const byActor: ChainedAuditEvent[] = [];
    for await (const batch of stores[0]!.exportBatches({ actor: 'op-3' })) byActor.push(...batch);
    expect(byActor).toHaveLength(10);
    expect(byActor.every((e) => e.actor.username === 'op-3')).toBe(true);
    const events = await all(stores[0]!);
    const from = events[99]!.occurredAt;
    const to = events[119]!.occurredAt;
    const ranged: ChainedAuditEvent[] = [];
    for await (const batch of stores[0]!.exportBatches({ from, to })) ranged.push(...batch);
    const expected = events.filter((e) => e.occurredAt >= from && e.occurredAt <= to);
    expect(ranged.map((e) => e.sequence)).toEqual(expected.map((e) => e.sequence));
    const page = await stores[0]!.list({ from, to, limit: 200 });
    expect(page.items.map((e) => e.id)).toEqual(expected.map((e) => e.id).reverse());
  });
});

describe('backfill of rows written before the chain', () => {
  it('hashes legacy rows in order as the owner, after which the chain verifies and appends continue', async () => {
    const legacyDir = mkdtempSync(join(tmpdir(), 'pk-audit-legacy-'));
    const legacy = await startEmbeddedPostgres({ dataDir: legacyDir });
    try {
      await prepareDatabase(legacy);
      // rows as the init migration wrote them: no hashes (inserted by the superuser around the chain trigger)
      await runSql(
        legacy.url,
        `SET session_replication_role = replica;
         INSERT INTO audit_events (id, correlation_id, outcome, action, actor_sub, actor_username, actor_roles,
                                   request, targets)
         SELECT gen_random_uuid(), 'c-' || n, 'succeeded', 'user.enable', 's', 'bob', '{admin}', '{"n": 1}', '[]'
           FROM generate_series(1, 5) n`,
      );
      const store = createAuditStore(legacy.servingUrl);
      try {
        expect(await store.verify()).toMatchObject({ ok: false, brokenAt: { sequence: '1' } });
        await expect(store.record(input())).rejects.toThrow(/not backfilled/);
        expect(await backfillAuditChain(legacy.migrationUrl)).toBe(5);
        expect(await backfillAuditChain(legacy.migrationUrl)).toBe(0);
        await store.record(input());
        expect(await store.verify()).toMatchObject({ ok: true, count: 6 });
        // the backfill put the append-only trigger back
        await expect(runSql(legacy.migrationUrl, `UPDATE audit_events SET reason = 'x'`)).rejects.toThrow(
          /append-only/,
        );
      } finally {
        await store.close();
      }
    } finally {
      await legacy.stop();
      rmSync(legacyDir, { recursive: true, force: true });
    }
  }, 60_000);
});

import { describe, expect, it, afterAll } from '@jest/globals';
import {
  appendFileSync,
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { trackChanges } from './change-tracking';
import type { RefreshTokenRecord } from './model';
import { toPersisted } from './persisted';
import { backupFileName, LOG_FILE, SNAPSHOT_FILE, STATE_FILE, StateStore } from './state-store';

const token = (i: number): RefreshTokenRecord => ({
  poolId: 'p',
  clientId: 'c',
  sub: 's',
  issuedAt: i,
  expiresAt: 1e15,
  authTime: 0,
  originJti: 'o',
});

describe('StateStore (snapshot + operation log)', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'cognito-store-'));
  let n = 0;
  const dir = () => path.join(root, `d${++n}`);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('answers each of 100 concurrent commits only once its record is in the log', async () => {
    const d = dir();
    const store = await StateStore.open(d);
    const done = Array.from({ length: 100 }, async (_, i) => {
      const { changes } = await trackChanges(() => store.state.refreshTokens.set(`t${i}`, token(i)));
      await store.commit(changes);
      expect((await StateStore.read(d)).refreshTokens.get(`t${i}`)).toEqual(token(i));
    });
    await Promise.all(done);
    await store.close();
    const reopened = await StateStore.open(d);
    expect(reopened.state.refreshTokens.size).toBe(100);
    await reopened.close();
  });

  it('writes nothing for a mutation that failed or changed nothing, and a log line holds only what changed', async () => {
    const d = dir();
    const store = await StateStore.open(d);
    for (let i = 0; i < 50; i++) store.state.refreshTokens.set(`t${i}`, token(i));
    await store.snapshot();
    const failed = await trackChanges(() => {
      const t = store.state.refreshTokens.get('t1'); // touched, not changed
      if (t) throw new Error('validation failed');
    });
    await expect(failed.result).rejects.toThrow('validation failed');
    await store.commit(failed.changes);
    const unchanged = await trackChanges(() => store.state.refreshTokens.get('t2'));
    await store.commit(unchanged.changes);
    expect(statSync(path.join(d, LOG_FILE)).size).toBe(0);

    const changed = await trackChanges(() => {
      store.state.refreshTokens.get('t3')!.revoked = true;
    });
    await store.commit(changed.changes);
    const log = readFileSync(path.join(d, LOG_FILE), 'utf8').trim().split('\n');
    expect(log).toHaveLength(1);
    expect(JSON.parse(log[0]!).r).toEqual([['t', 't3', { ...token(3), revoked: true }]]);
    await store.close();
  });

  it('drops a torn last log line (a write cut short by a crash) and keeps appending after it', async () => {
    const d = dir();
    const store = await StateStore.open(d);
    const { changes } = await trackChanges(() => store.state.refreshTokens.set('kept', token(1)));
    await store.commit(changes);
    await store.close();
    appendFileSync(path.join(d, LOG_FILE), '{"s":2,"r":[["t","lost",{"poolId"');
    const reopened = await StateStore.open(d);
    expect([...reopened.state.refreshTokens.keys()]).toEqual(['kept']);
    const next = await trackChanges(() => reopened.state.refreshTokens.set('after', token(2)));
    await reopened.commit(next.changes);
    await reopened.close();
    expect([...(await StateStore.read(d)).refreshTokens.keys()].sort()).toEqual(['after', 'kept']);
  });

  it('compacts: a new snapshot covers the log, and writes during it are kept', async () => {
    const d = dir();
    const store = await StateStore.open(d, undefined, { compactAtBytes: 2000 });
    for (let i = 0; i < 60; i++) {
      const { changes } = await trackChanges(() => store.state.refreshTokens.set(`t${i}`, token(i)));
      await store.commit(changes);
    }
    await store.close();
    expect(statSync(path.join(d, LOG_FILE)).size).toBeLessThan(2000 + 200);
    expect(readFileSync(path.join(d, SNAPSHOT_FILE), 'utf8')).toContain('"t10"');
    const reopened = await StateStore.open(d);
    expect(reopened.state.refreshTokens.size).toBe(60);
    await reopened.close();
  });

  it('migrates a v2 state file (v3 shape after the upgrade chain) to snapshot + log, keeping the original', async () => {
    const d = dir();
    const { mkdirSync } = await import('node:fs');
    mkdirSync(d, { recursive: true });
    const fixture = new URL('./fixtures/v2-cognito-state.json', import.meta.url);
    copyFileSync(fixture, path.join(d, STATE_FILE));
    const store = await StateStore.open(d);
    const expected = toPersisted(store.state);
    expect(Object.keys(expected.pools).length).toBeGreaterThan(0);
    await store.close();
    expect(existsSync(path.join(d, STATE_FILE))).toBe(false);
    expect(readFileSync(path.join(d, backupFileName(2)), 'utf8')).toBe(readFileSync(fixture, 'utf8'));
    expect(JSON.parse(readFileSync(path.join(d, SNAPSHOT_FILE), 'utf8').split('\n')[0]!)).toEqual({
      version: 4,
      logSeq: 0,
    });
    const reopened = await StateStore.open(d);
    expect(toPersisted(reopened.state)).toEqual(expected);
    await reopened.close();
  });
});

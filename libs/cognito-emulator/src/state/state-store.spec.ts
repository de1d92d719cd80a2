import { describe, expect, it, afterAll } from '@jest/globals';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { STATE_FILE, StateStore } from './state-store';

describe('StateStore', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cognito-store-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('coalesces concurrent persists, each resolving only once its change is on disk', async () => {
    const store = await StateStore.open(dir);
    const done = Array.from({ length: 100 }, (_, i) => {
      store.state.refreshTokens.set(`t${i}`, {
        poolId: 'p',
        clientId: 'c',
        sub: 's',
        issuedAt: i,
        expiresAt: 1e15,
        authTime: 0,
        originJti: 'o',
      });
      return store.persist().then(() => {
        const onDisk = JSON.parse(readFileSync(path.join(dir, STATE_FILE), 'utf8'));
        expect(onDisk.refreshTokens[`t${i}`]).toBeDefined();
      });
    });
    await Promise.all(done);
    await store.close();
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const reopened = await StateStore.open(dir);
    expect(reopened.state.refreshTokens.size).toBe(100);
  });
});

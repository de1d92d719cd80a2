import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type TestApp, startTestApp } from '../test-support/test-app';

describe('GET /api/health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('is public and reports the audit store and its guard', async () => {
    const res = await t.call('GET', '/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'up', auditGuard: 'enforced' });
  });

  it('says weak when the serving role could get round the triggers, without degrading liveness', async () => {
    t.store.guard = { role: 'postgres', enforced: false, weaknesses: ['is a superuser'] };
    try {
      expect(await (await t.call('GET', '/api/health')).json()).toEqual({
        status: 'ok',
        database: 'up',
        auditGuard: 'weak',
      });
    } finally {
      t.store.guard = { role: 'fake', enforced: true, weaknesses: [] };
    }
  });

  it('is degraded with the database down when the store cannot be used', async () => {
    expect(await (await t.call('GET', '/api/health')).json()).toMatchObject({ auditGuard: 'enforced' });
    t.store.up = false;
    try {
      expect(await (await t.call('GET', '/api/health')).json()).toEqual({
        status: 'degraded',
        database: 'down',
        auditGuard: 'enforced', // last known
      });
    } finally {
      t.store.up = true;
    }
  });
});

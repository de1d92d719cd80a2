import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { defaultRoleGroups } from '@poolkeeper/contract';
import { type LocalApi, type Role, startLocalApi } from '../test-support/local-api';

const RECHECK_SECONDS = 2;

/**
 * Revocation against the real local Cognito: the API re-checks operators every OPERATOR_RECHECK_SECONDS, so a
 * signed-out, disabled or demoted operator is refused within that bound (plus one request).
 */
describe('a revoked operator loses access within OPERATOR_RECHECK_SECONDS', () => {
  let local: LocalApi;
  beforeAll(async () => {
    local = await startLocalApi({ demoUsers: 3, operatorRecheckSeconds: RECHECK_SECONDS });
  }, 120_000);
  afterAll(() => local?.close(), 60_000);

  const operators = () => local.seed.operatorPool.id;

  /** Seconds from `revoke` until `probe` answers `status` (polling every 100 ms, at most 10 s). */
  async function secondsUntil(role: Role, path: string, status: number, revoke: () => Promise<void>) {
    expect((await local.call(role, 'GET', path)).status).toBe(200);
    await revoke();
    const started = Date.now();
    for (;;) {
      const res = await local.call(role, 'GET', path);
      if (res.status === status) return (Date.now() - started) / 1000;
      expect(res.status).toBe(200);
      if (Date.now() - started > 10_000) throw new Error(`still ${res.status} after 10 s`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it('global sign-out: 401 within the bound', async () => {
    const seconds = await secondsUntil('admin', '/api/me', 401, async () => {
      const res = await local.cognito('AdminUserGlobalSignOut', {
        UserPoolId: operators(),
        Username: 'admin',
      });
      expect(res.status).toBe(200);
    });
    expect(seconds).toBeLessThanOrEqual(RECHECK_SECONDS + 1);
  });

  it('removed from the support group: 403 for support work within the bound, /api/me shows no role', async () => {
    const seconds = await secondsUntil('support', `/api/pools/${local.pool}/users?limit=1`, 403, async () => {
      // Removal from a group is an IAM-signed admin call; the emulator accepts any credentials.
      const res = await local.cognito('AdminRemoveUserFromGroup', {
        UserPoolId: operators(),
        Username: 'support',
        GroupName: defaultRoleGroups.support,
      });
      expect(res.status).toBe(200);
    });
    expect(seconds).toBeLessThanOrEqual(RECHECK_SECONDS + 1);
    expect((await local.call('support', 'GET', '/api/me')).body).toMatchObject({ roles: [] });
  });

  it('disabled: 401 within the bound', async () => {
    const seconds = await secondsUntil('auditor', '/api/me', 401, async () => {
      const res = await local.cognito('AdminDisableUser', { UserPoolId: operators(), Username: 'auditor' });
      expect(res.status).toBe(200);
    });
    expect(seconds).toBeLessThanOrEqual(RECHECK_SECONDS + 1);
  });
});

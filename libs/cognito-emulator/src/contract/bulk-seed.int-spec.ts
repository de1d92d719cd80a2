import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { statSync } from 'node:fs';
import path from 'node:path';
import {
  AdminDisableUserCommand,
  AdminGetUserCommand,
  ListUsersCommand,
  type ListUsersCommandInput,
  type UserType,
} from '@aws-sdk/client-cognito-identity-provider';
import { bulkSeedUsers, type BulkSeedResult } from '../index';
import { BULK_POOL_NAME } from '../seed/bulk-users';
import { LOG_FILE, SNAPSHOT_FILE } from '../state/state-store';
import { type Harness, startHarness, tempDataDir } from './harness';

const N = 5_000;

async function listAll(h: Harness, input: Omit<ListUsersCommandInput, 'PaginationToken'>) {
  const users: UserType[] = [];
  let pages = 0;
  let token: string | undefined;
  do {
    const page = await h.client.send(new ListUsersCommand({ ...input, PaginationToken: token }));
    users.push(...(page.Users ?? []));
    token = page.PaginationToken;
    pages++;
  } while (token);
  return { users, pages };
}

/** The bulk seed (seed/bulk-users.ts) fills a pool straight in the store; the real SDK then sees the users. */
describe('bulk seed', () => {
  const dataDir = tempDataDir();
  let h: Harness;
  let seeded: BulkSeedResult;

  beforeAll(async () => {
    h = await startHarness(dataDir);
    seeded = await bulkSeedUsers(h.emulator, { count: N, now: Date.UTC(2026, 11, 1) });
  });
  afterAll(() => h.close());

  it('creates the pool and the users, written as one snapshot (not one log line per user)', async () => {
    expect(seeded).toMatchObject({ created: N, total: N });
    expect(h.emulator.state.pools.get(seeded.poolId)?.name).toBe(BULK_POOL_NAME);
    // the snapshot holds the users; the log only what came after it (nothing: the pool was created before)
    expect(statSync(path.join(dataDir, SNAPSHOT_FILE)).size).toBeGreaterThan(N * 200);
    expect(statSync(path.join(dataDir, LOG_FILE)).size).toBe(0);
  });

  it('pages every seeded user through ListUsers, in username order, with no duplicates', async () => {
    const { users, pages } = await listAll(h, { UserPoolId: seeded.poolId });
    expect(pages).toBe(Math.ceil(N / 60));
    const names = users.map((u) => u.Username!);
    expect(new Set(names).size).toBe(N);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const one = users[0]!;
    const attrs = Object.fromEntries(one.Attributes!.map((a) => [a.Name, a.Value]));
    expect(attrs['email']).toMatch(new RegExp(`^${one.Username!.replace(/\./g, '\\.')}@`));
    expect(attrs['custom:tenant']).toMatch(/^acme-/);
    expect(attrs['sub']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('filters seeded users (prefix on email, exact status) across pages', async () => {
    const prefix = await listAll(h, { UserPoolId: seeded.poolId, Filter: 'email ^= "olivia.smith."' });
    expect(prefix.users.length).toBeGreaterThan(0);
    expect(prefix.users.every((u) => u.Username!.startsWith('olivia.smith.'))).toBe(true);
    const all = await listAll(h, { UserPoolId: seeded.poolId, Limit: 60 });
    expect(prefix.users.length).toBe(all.users.filter((u) => u.Username!.startsWith('olivia.smith.')).length);
    const force = await listAll(h, {
      UserPoolId: seeded.poolId,
      Filter: 'cognito:user_status = "FORCE_CHANGE_PASSWORD"',
      Limit: 60,
    });
    expect(force.users.length).toBe(all.users.filter((u) => u.UserStatus === 'FORCE_CHANGE_PASSWORD').length);
    expect(force.users.length).toBeGreaterThan(N * 0.04); // about 8 %
    expect(force.users.length).toBeLessThan(N * 0.12);
  });

  it('survives a restart, with later writes on top, and adds only what is missing when run again', async () => {
    const someone = h.emulator.state.pools.get(seeded.poolId)!.users.keys().next().value as string;
    await h.client.send(new AdminDisableUserCommand({ UserPoolId: seeded.poolId, Username: someone }));
    h.client.destroy();
    await h.emulator.stop();
    h = await startHarness(dataDir);
    const { users } = await listAll(h, { UserPoolId: seeded.poolId, Limit: 60 });
    expect(users.length).toBe(N);
    const after = await h.client.send(
      new AdminGetUserCommand({ UserPoolId: seeded.poolId, Username: someone }),
    );
    expect(after.Enabled).toBe(false);
    const again = await bulkSeedUsers(h.emulator, { count: N + 100 });
    expect(again).toMatchObject({ poolId: seeded.poolId, created: 100, total: N + 100 });
    expect((await listAll(h, { UserPoolId: seeded.poolId, Limit: 60 })).users.length).toBe(N + 100);
  });
});

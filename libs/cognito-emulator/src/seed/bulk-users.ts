/**
 * Bulk seed: fills a pool with many realistic users directly in the emulator's state (no per-user API
 * calls), then writes one snapshot — a million users in about a minute instead of hours of AdminCreateUser.
 * The pool (`poolkeeper-bulk` by default, custom:tenant and custom:plan) is created through the API if it
 * does not exist; users already there are kept and the seed adds users until the pool holds `count`.
 * Creation dates are spread over the two years before now; statuses and enabled flags are mixed as in a
 * real pool. Bulk users have no password (they cannot sign in until AdminSetUserPassword gives them one).
 */
import { randomUUID } from 'node:crypto';
import { CreateUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider';
import { UserMap } from '../state/change-tracking';
import { attributeBag, type User, type UserStatus } from '../state/model';
import type { RunningEmulator } from '../server/start-emulator';
import { prng, TENANTS } from './demo-users';
import { localSdkClient } from './sdk-client';

export interface BulkSeedOptions {
  count: number;
  poolName?: string;
  /** The PRNG seed: the same seed gives the same users. */
  seed?: number;
  /** "now" for the creation dates (epoch ms). Default Date.now(). */
  now?: number;
}

export interface BulkSeedResult {
  poolId: string;
  created: number;
  total: number;
  ms: number;
}

export const BULK_POOL_NAME = 'poolkeeper-bulk';
const TWO_YEARS_MS = 2 * 365 * 24 * 3600 * 1000;
const FIRST = [
  'olivia',
  'liam',
  'emma',
  'noah',
  'ava',
  'oliver',
  'sophia',
  'elijah',
  'mia',
  'lucas',
  'zoe',
  'amir',
];
const LAST = [
  'smith',
  'johnson',
  'garcia',
  'miller',
  'davis',
  'lopez',
  'wilson',
  'moore',
  'nguyen',
  'kim',
  'okafor',
];
const PLANS = ['free', 'free', 'free', 'pro', 'pro', 'enterprise'];
const DOMAINS = ['example.com', 'example.org', 'example.net', 'mail.example.com'];

/** CONFIRMED 85 %, FORCE_CHANGE_PASSWORD 8 %, UNCONFIRMED 4 %, RESET_REQUIRED 3 %. */
function statusFor(r: number): UserStatus {
  if (r < 0.85) return 'CONFIRMED';
  if (r < 0.93) return 'FORCE_CHANGE_PASSWORD';
  if (r < 0.97) return 'UNCONFIRMED';
  return 'RESET_REQUIRED';
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export async function bulkSeedUsers(
  emulator: RunningEmulator,
  opts: BulkSeedOptions,
): Promise<BulkSeedResult> {
  const started = Date.now();
  const poolName = opts.poolName ?? BULK_POOL_NAME;
  // looked up in the state (not ListUserPools, which pages 60 at a time): the pool of that name in the
  // emulator's default Region, created through the API if there is none
  const existing = [...emulator.state.pools.values()].find(
    (p) => p.name === poolName && p.region === emulator.region,
  );
  let poolId = existing?.id;
  if (!poolId) {
    const client = localSdkClient(emulator.endpoint, emulator.region);
    try {
      poolId = (
        await client.send(
          new CreateUserPoolCommand({
            PoolName: poolName,
            Schema: [
              { Name: 'tenant', AttributeDataType: 'String', Mutable: true },
              { Name: 'plan', AttributeDataType: 'String', Mutable: true },
            ],
          }),
        )
      ).UserPool!.Id!;
    } finally {
      client.destroy();
    }
  }
  const pool = emulator.state.pools.get(poolId)!;
  const rand = prng(opts.seed ?? 20261203);
  const now = opts.now ?? Date.now();
  // an existing pool may lack the custom attributes: only those its schema has are set
  const hasAttr = new Set(pool.schema.map((a) => a.Name));
  let created = 0;
  for (let i = 0; pool.users.size < opts.count; i++) {
    const first = FIRST[Math.floor(rand() * FIRST.length)]!;
    const last = LAST[Math.floor(rand() * LAST.length)]!;
    const username = `${first}.${last}.${String(i).padStart(7, '0')}`;
    if (pool.users.has(username)) continue;
    const createdAt = Math.floor(now - rand() * TWO_YEARS_MS);
    const status = statusFor(rand());
    const user: User = {
      username,
      sub: randomUUID(),
      attributes: attributeBag(
        (
          [
            ['email', `${username}@${DOMAINS[i % DOMAINS.length]}`],
            ['email_verified', status === 'UNCONFIRMED' ? 'false' : 'true'],
            ['given_name', cap(first)],
            ['family_name', cap(last)],
            ['custom:tenant', TENANTS[Math.floor(rand() * TENANTS.length)]!],
            ['custom:plan', PLANS[Math.floor(rand() * PLANS.length)]!],
          ] as Array<[string, string]>
        ).filter(([name]) => hasAttr.has(name)),
      ),
      createdAt,
      modifiedAt: createdAt + Math.floor(rand() * (now - createdAt)),
      enabled: rand() >= 0.04,
      status,
      groups: [],
    };
    if (pool.users instanceof UserMap) pool.users.setUnindexed(username, user);
    else pool.users.set(username, user);
    created++;
    // yield now and then so the emulator keeps answering while it seeds
    if (created % 50_000 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  await emulator.snapshot();
  return { poolId, created, total: pool.users.size, ms: Date.now() - started };
}

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import {
  AdminDisableUserCommand,
  AdminGetUserCommand,
  InternalErrorException,
  ListUsersCommand,
  type UserType,
} from '@aws-sdk/client-cognito-identity-provider';
import { localSdkClient } from '../seed/sdk-client';
import { sdkClient, tempDataDir } from './harness';

const root = fileURLToPath(new URL('../../../../', import.meta.url));

interface Ready {
  event: string;
  endpoint: string;
  bulkSeed?: { poolId: string; created: number; total: number };
}

/** Runs the CLI as its own process with these flags and resolves with its ready line. */
function startCli(cli: string, args: string[]): Promise<{ child: ChildProcess; ready: Ready }> {
  const child = spawn(process.execPath, [cli, '--port', '0', '--report', 'json', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`emulator exited with ${code}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const msg = JSON.parse(line) as Ready;
      if (msg.event === 'ready') resolve({ child, ready: msg });
    });
  });
}

const stopped = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

async function countUsers(endpoint: string, poolId: string, filter?: string): Promise<UserType[]> {
  const client = sdkClient(endpoint);
  const users: UserType[] = [];
  try {
    let token: string | undefined;
    do {
      const page = await client.send(
        new ListUsersCommand({ UserPoolId: poolId, Limit: 60, PaginationToken: token, Filter: filter }),
      );
      users.push(...(page.Users ?? []));
      token = page.PaginationToken;
    } while (token);
  } finally {
    client.destroy();
  }
  return users;
}

/** `--seed-users`, `--per-user-rps` and `--faults` of the standalone local Cognito (cli.ts). */
describe('local Cognito command line: bulk seed, per-user quota, faults', () => {
  const buildDir = mkdtempSync(path.join(os.tmpdir(), 'cognito-cli-flags-'));
  const dataDir = tempDataDir();
  const cli = path.join(buildDir, 'cli.mjs');
  beforeAll(async () => {
    await build({
      absWorkingDir: root,
      entryPoints: [path.join(root, 'libs/cognito-emulator/src/cli.ts')],
      outfile: cli,
      // as tools/build/node-bundle.mjs (not imported: tools depends on this project)
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'warning',
      banner: {
        js: "import { createRequire as __pkCreateRequire } from 'node:module'; const require = __pkCreateRequire(import.meta.url);",
      },
    });
  });
  afterAll(() => {
    rmSync(buildDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('seeds 2 000 users, caps each user near 10 requests/s and fails only the operations named', async () => {
    const { child, ready } = await startCli(cli, [
      '--data-dir',
      dataDir,
      '--seed-users',
      '2000',
      '--seed-users-pool',
      'cli-bulk',
      '--per-user-rps',
      'aws',
      '--faults',
      'error=1,ops=AdminDisableUser',
    ]);
    const client = sdkClient(ready.endpoint);
    try {
      expect(ready.bulkSeed).toMatchObject({ created: 2000, total: 2000 });
      const poolId = ready.bulkSeed!.poolId;
      const users = await countUsers(ready.endpoint, poolId);
      expect(users).toHaveLength(2000);
      const someone = users[0]!.Username!;
      const filtered = await countUsers(ready.endpoint, poolId, `username ^= "${someone.split('.')[0]}."`);
      expect(filtered.length).toBeGreaterThan(0);
      expect(filtered.every((u) => u.Username!.startsWith(`${someone.split('.')[0]}.`))).toBe(true);

      // 40 requests about one user at once: about 10 get through in that second, the rest are throttled
      const results = await Promise.all(
        Array.from({ length: 40 }, () =>
          client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: someone })).then(
            () => 'ok',
            (e: Error) => e.name,
          ),
        ),
      );
      const ok = results.filter((r) => r === 'ok').length;
      expect(ok).toBeGreaterThanOrEqual(10);
      expect(ok).toBeLessThan(40);
      expect(new Set(results.filter((r) => r !== 'ok'))).toEqual(new Set(['TooManyRequestsException']));

      // AdminDisableUser always answers 500: the SDK's retries (3 attempts) give up
      const retrying = localSdkClient(ready.endpoint, 'us-east-1');
      try {
        const error = (await retrying
          .send(new AdminDisableUserCommand({ UserPoolId: poolId, Username: users[1]!.Username! }))
          .catch((e: unknown) => e)) as InternalErrorException;
        expect(error).toBeInstanceOf(InternalErrorException);
        expect(error.$metadata.attempts).toBe(3);
      } finally {
        retrying.destroy();
      }
    } finally {
      client.destroy();
      await stopped(child);
    }

    // a restart without the flags: the seeded users are all there, nothing is throttled or failed
    const again = await startCli(cli, ['--data-dir', dataDir]);
    const c2 = sdkClient(again.ready.endpoint);
    try {
      const poolId = ready.bulkSeed!.poolId;
      expect(await countUsers(again.ready.endpoint, poolId)).toHaveLength(2000);
      const someone = (await countUsers(again.ready.endpoint, poolId))[0]!.Username!;
      for (let i = 0; i < 15; i++)
        await c2.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: someone }));
      await c2.send(new AdminDisableUserCommand({ UserPoolId: poolId, Username: someone }));
    } finally {
      c2.destroy();
      await stopped(again.child);
    }
  }, 90_000);

  it('refuses bad flag values before it starts', async () => {
    for (const args of [
      ['--seed-users', 'many'],
      ['--per-user-rps', '0'],
      ['--faults', 'error=7'],
      ['--seed-users-pool', 'x'],
    ]) {
      const child = spawn(process.execPath, [cli, '--port', '0', '--data-dir', dataDir, ...args], {
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect(code).toBe(1);
      expect(stderr).toMatch(/invalid --seed-users|invalid --per-user-rps|--faults|needs --seed-users/);
    }
  }, 60_000);
});

import { describe, expect, it, afterAll } from '@jest/globals';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import {
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminGetUserCommand,
  ListUsersCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { createPoolWithClient, sdkClient, tempDataDir } from './harness';

const root = fileURLToPath(new URL('../../../../', import.meta.url));

/** Starts the CLI as its own process (so it can be killed with SIGKILL) and resolves with its endpoint. */
function startCli(cli: string, dataDir: string): Promise<{ child: ChildProcess; endpoint: string }> {
  const child = spawn(process.execPath, [cli, '--port', '0', '--data-dir', dataDir, '--report', 'json'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`emulator exited with ${code}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const msg = JSON.parse(line) as { event: string; endpoint: string };
      if (msg.event === 'ready') resolve({ child, endpoint: msg.endpoint });
    });
  });
}

const killed = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });

describe('crash recovery (operation log)', () => {
  const buildDir = mkdtempSync(path.join(os.tmpdir(), 'cognito-cli-'));
  const dataDir = tempDataDir();
  afterAll(() => {
    rmSync(buildDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every answered write when the emulator is killed with SIGKILL', async () => {
    const cli = path.join(buildDir, 'cli.mjs');
    await build({
      absWorkingDir: root,
      entryPoints: [path.join(root, 'libs/cognito-emulator/src/cli.ts')],
      outfile: cli,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'warning',
      banner: {
        js: "import { createRequire as __pkCreateRequire } from 'node:module'; const require = __pkCreateRequire(import.meta.url);",
      },
    });
    const first = await startCli(cli, dataDir);
    const c1 = sdkClient(first.endpoint);
    const { poolId } = await createPoolWithClient(c1);
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        c1.send(
          new AdminCreateUserCommand({ UserPoolId: poolId, Username: `u${i}`, MessageAction: 'SUPPRESS' }),
        ),
      ),
    );
    await c1.send(new AdminDisableUserCommand({ UserPoolId: poolId, Username: 'u7' }));
    c1.destroy();
    await killed(first.child); // no shutdown handler runs

    const second = await startCli(cli, dataDir);
    const c2 = sdkClient(second.endpoint);
    try {
      const page = await c2.send(new ListUsersCommand({ UserPoolId: poolId, Limit: 60 }));
      expect(page.Users!.map((u) => u.Username).sort()).toEqual(
        Array.from({ length: 50 }, (_, i) => `u${i}`).sort(),
      );
      expect((await c2.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'u7' }))).Enabled).toBe(
        false,
      );
    } finally {
      c2.destroy();
      await killed(second.child);
    }
  }, 60_000);
});

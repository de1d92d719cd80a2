import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { operatorPassword } from '@poolkeeper/cognito-emulator';
import { awsJsonCall } from '@poolkeeper/contract';
import { startStack, type RunningStack } from './stack';
import { buildEmulatorCli } from './test-support/emulator-cli';

/** What `npm start` does: local Cognito as a supervised child + seed + embedded Postgres + API; then a restart. */
describe('the local stack', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'poolkeeper-stack-'));
  const buildDir = mkdtempSync(join(tmpdir(), 'poolkeeper-stack-cli-'));
  const config = {
    PORT: '0',
    EMULATOR_PORT: '0',
    POOLKEEPER_DATA_DIR: dataDir,
    SEED_DEMO_USERS: '30',
    LOG_LEVEL: 'silent',
  };
  const logs: string[] = [];
  let cli: string;
  let stack: RunningStack | null = null;
  const start = (restartDelaysMs?: number[]) =>
    startStack(config, {
      cli,
      log: (line) => logs.push(line),
      output: (line) => logs.push(`[child] ${line}`),
      ...(restartDelaysMs ? { restartDelaysMs } : {}),
    });

  beforeAll(async () => {
    cli = await buildEmulatorCli(buildDir);
  }, 60_000);

  afterAll(async () => {
    await stack?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(buildDir, { recursive: true, force: true });
  });

  async function signIn(s: RunningStack, username: string): Promise<string> {
    const auth = (await (await fetch(`${s.url}/api/auth/config`)).json()) as {
      clientId: string;
      endpoint: string;
    };
    const res = await awsJsonCall(auth.endpoint, 'InitiateAuth', {
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: auth.clientId,
      AuthParameters: { USERNAME: username, PASSWORD: operatorPassword },
    });
    return (res.body as { AuthenticationResult: { AccessToken: string } }).AuthenticationResult.AccessToken;
  }

  function postgresProcessesFor(dir: string): string[] {
    const ps = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
    return ps.split('\n').filter((line) => line.includes('postgres') && line.includes(dir));
  }

  /** Every process (Postgres, the local Cognito child, …) whose command line names the data directory. */
  function processesFor(dir: string): string[] {
    const ps = execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' });
    return ps.split('\n').filter((line) => line.includes(dir) && !line.includes(' ps -eo'));
  }

  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const until = async (what: string, check: () => boolean | Promise<boolean>, ms = 30_000) => {
    const deadline = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${logs.join('\n')}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  it('starts with a seeded operator pool and demo pool, and keeps its data across a restart', async () => {
    stack = await start();
    expect(stack.local?.seed.managedPools.map((p) => p.name)).toEqual(['Acme Customers', 'Globex Partners']);
    const health = await fetch(`${stack.url}/api/health`);
    expect(await health.json()).toMatchObject({ status: 'ok', database: 'up' });

    const token = await signIn(stack, 'admin');
    const poolId = stack.local!.seed.managedPools[0]!.id;
    const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    const list = await fetch(`${stack.url}/api/pools/${poolId}/users?limit=10`, { headers });
    expect(list.status).toBe(200);
    const page = (await list.json()) as { items: Array<{ username: string }> };
    const target = page.items[0]!.username;
    const disable = await fetch(
      `${stack.url}/api/pools/${poolId}/users/${encodeURIComponent(target)}/disable`,
      {
        method: 'POST',
        headers,
        body: JSON.stringify({ reason: 'restart test' }),
      },
    );
    expect(disable.status).toBe(204);
    const firstSeed = stack.local!.seed;
    const childPid = stack.local!.cognito.pid()!;
    expect(childPid).not.toBe(process.pid);
    expect(alive(childPid)).toBe(true);
    await stack.stop();
    stack = null;
    expect(postgresProcessesFor(dataDir)).toEqual([]);
    expect(alive(childPid)).toBe(false);
    expect(processesFor(dataDir)).toEqual([]);

    stack = await start();
    expect(stack.local!.seed).toEqual(firstSeed);
    const again = await signIn(stack, 'auditor');
    const user = await fetch(`${stack.url}/api/pools/${poolId}/users/${encodeURIComponent(target)}`, {
      headers: { Authorization: `Bearer ${again}` },
    });
    expect(await user.json()).toMatchObject({ username: target, enabled: false });
    const audit = await fetch(
      `${stack.url}/api/audit-events?action=user.disable&target=${encodeURIComponent(target)}`,
      {
        headers: { Authorization: `Bearer ${again}` },
      },
    );
    const events = (await audit.json()) as { items: Array<{ outcome: string; reason: string }> };
    expect(events.items.map((e) => e.outcome).sort()).toEqual(['attempted', 'succeeded']);
    expect(events.items.every((e) => e.reason === 'restart test')).toBe(true);
    await stack.stop();
    stack = null;
    expect(postgresProcessesFor(dataDir)).toEqual([]);
    expect(processesFor(dataDir)).toEqual([]);
  }, 120_000);

  it('restarts a local Cognito that dies, on the same endpoint; the API answers 503 meanwhile and keeps serving', async () => {
    stack = await start([2000]);
    const s = stack;
    const poolId = s.local!.seed.managedPools[0]!.id;
    const token = await signIn(s, 'support');
    const users = () =>
      fetch(`${s.url}/api/pools/${poolId}/users?limit=5`, { headers: { Authorization: `Bearer ${token}` } });
    expect((await users()).status).toBe(200);

    const pid = s.local!.cognito.pid()!;
    process.kill(pid, 'SIGKILL');
    await until('the child to die', () => !alive(pid));
    const during = await users();
    expect(during.status).toBe(503);
    expect(await during.json()).toMatchObject({ code: 'COGNITO_UNAVAILABLE' });
    expect(during.headers.get('retry-after')).toBeTruthy();
    const health = await fetch(`${s.url}/api/health`); // the API process is alive and serving
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ database: 'up' });

    await until('the restart', () => logs.some((l) => l.includes('was restarted at')));
    expect(logs).toContainEqual(
      expect.stringMatching(/the local Cognito exited with SIGKILL; restarting it in 2\.0 s/),
    );
    expect(logs).toContainEqual(`poolkeeper: the local Cognito was restarted at ${s.local!.endpoint}`);
    expect(s.local!.cognito.restarts()).toBe(1);
    expect(s.local!.cognito.pid()).not.toBe(pid);
    const after = await users();
    expect(after.status).toBe(200);
    expect(((await after.json()) as { items: unknown[] }).items).toHaveLength(5);
    const newPid = s.local!.cognito.pid()!;
    await s.stop();
    stack = null;
    expect(alive(newPid)).toBe(false);
    expect(processesFor(dataDir)).toEqual([]);
  }, 120_000);

  it('a first start that the local Cognito refuses fails with its message, leaving nothing running', async () => {
    const bad = mkdtempSync(join(tmpdir(), 'poolkeeper-stack-bad-'));
    try {
      const { mkdirSync, writeFileSync } = await import('node:fs');
      mkdirSync(join(bad, 'cognito'), { recursive: true });
      writeFileSync(join(bad, 'cognito', 'cognito-state.json'), '{"version":99,"pools":{}}');
      await expect(
        startStack(
          { ...config, POOLKEEPER_DATA_DIR: bad },
          { cli, log: () => undefined, output: () => undefined },
        ),
      ).rejects.toThrow(/local Cognito could not start: .*state version 99, written by a newer poolkeeper/);
      expect(processesFor(bad)).toEqual([]);
    } finally {
      rmSync(bad, { recursive: true, force: true });
    }
  });

  it('the local Cognito child exits by itself when its launcher goes away (its stdin closes)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'poolkeeper-stack-orphan-'));
    const child = spawn(
      process.execPath,
      [cli, '--report', 'json', '--exit-with-parent', '--port', '0', '--data-dir', dir],
      {
        stdio: ['pipe', 'pipe', 'inherit'],
      },
    );
    try {
      const ready = await new Promise<{ endpoint: string }>((resolve) =>
        createInterface({ input: child.stdout! }).once('line', (line) => resolve(JSON.parse(line))),
      );
      expect((await fetch(`${ready.endpoint}/health`)).status).toBe(200);
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.stdin!.end();
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

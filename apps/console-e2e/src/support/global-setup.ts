import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import globalTeardown from './global-teardown';
import { rememberStack } from './stack-process';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
/** The built launcher; POOLKEEPER_E2E_START_SCRIPT points elsewhere (e.g. a build in a scratch directory). */
const startScript = process.env['POOLKEEPER_E2E_START_SCRIPT'] ?? join(repoRoot, 'dist', 'stack', 'start.js');
const readyTimeoutMs = 120_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function healthy(baseUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
    return response.status === 200;
  } catch {
    return false;
  }
}

/** Starts the built stack on free ports with a fresh data directory and waits until it is healthy. */
export default async function globalSetup(): Promise<void> {
  if (process.env['POOLKEEPER_E2E_BASE_URL']) return; // a stack someone else runs
  if (!existsSync(startScript)) {
    throw new Error(
      `${startScript} is missing: build first (npm run build). The e2e specs run the built stack.`,
    );
  }
  const port = await freePort();
  const emulatorPort = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'poolkeeper-e2e-'));

  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (lines.length > 300) lines.splice(0, lines.length - 300);
  };
  const child = spawn(process.execPath, [startScript], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      EMULATOR_PORT: String(emulatorPort),
      POOLKEEPER_DATA_DIR: dataDir,
      SEED_DEMO_USERS: '120',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const output = () => lines.join('\n');

  const baseUrl = `http://localhost:${port}`;
  rememberStack({ child, dataDir, baseUrl, output });

  let exited: string | null = null;
  child.once('exit', (code, signal) => {
    exited = `exited with ${signal ?? `code ${code}`}`;
  });
  const deadline = Date.now() + readyTimeoutMs;
  try {
    while (!(await healthy(baseUrl))) {
      if (exited) throw new Error(`the poolkeeper stack ${exited} before it was ready:\n${output()}`);
      if (Date.now() > deadline) {
        throw new Error(
          `the poolkeeper stack was not healthy within ${readyTimeoutMs / 1000} s:\n${output()}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } catch (error) {
    await globalTeardown(); // do not leave a half-started stack behind
    throw error;
  }
  process.env['POOLKEEPER_E2E_BASE_URL'] = baseUrl;
}

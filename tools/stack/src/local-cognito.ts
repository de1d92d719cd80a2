import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import type { LocalSeed } from '@poolkeeper/cognito-emulator';

/** What the child prints on stdout once it serves (`cli --report json`). */
interface ReadyLine {
  event: 'ready';
  endpoint: string;
  region: string;
  pid: number;
  seed: LocalSeed | null;
}

export interface LocalCognitoOptions {
  /** The built emulator CLI (default: `dist/emulator/cli.js` beside the built launcher). */
  cli?: string;
  dataDir: string;
  /** 0 = a free port, chosen on the first start and kept across restarts (the API is pointed at it). */
  port: number;
  region: string;
  demoUsers: number;
  /** Delays before successive restarts after a crash (ms); the last repeats. Default 500, 1000, 2000, 5000. */
  restartDelaysMs?: number[];
  /** How long a start may take, seeding included. Default 120 s. */
  readyTimeoutMs?: number;
  log?: (line: string) => void;
  /** The child's stderr and stray stdout lines (default: to this process's stderr). */
  output?: (line: string) => void;
}

export interface LocalCognito {
  endpoint: string;
  region: string;
  seed: LocalSeed;
  /** The current child's pid (undefined while it is being restarted). */
  pid(): number | undefined;
  /** How many times the child has been restarted after dying. */
  restarts(): number;
  stop(): Promise<void>;
}

/** `dist/emulator/cli.js`, found from the built launcher (dist/stack/… or dist/chunks/…). */
export function defaultEmulatorCli(): string {
  return fileURLToPath(new URL('../emulator/cli.js', import.meta.url));
}

const STOP_TIMEOUT_MS = 5_000;
/** A child that served this long before dying restarts after the first delay again. */
const STABLE_MS = 60_000;

class StartFailed extends Error {}

/**
 * Runs the local Cognito as a child process (it stands in for AWS, which is never inside the API's process)
 * and supervises it: when it dies it is restarted on the same port and data directory (with a log line),
 * while the API keeps serving and answers 503 COGNITO_UNAVAILABLE meanwhile. The first start seeds the
 * local pools (idempotent) and resolves once the child reports it is ready; a first start that fails
 * rejects with the child's own message (e.g. a state file it refuses).
 *
 * The child runs in its own process group, so a terminal's Ctrl-C reaches only the launcher, which stops
 * it in order (`stop()`); it also exits by itself when the launcher's stdin pipe to it closes, so a killed
 * launcher leaves nothing behind.
 */
export async function startLocalCognito(opts: LocalCognitoOptions): Promise<LocalCognito> {
  const cli = opts.cli ?? defaultEmulatorCli();
  if (!existsSync(cli))
    throw new Error(`the local Cognito is not built (${cli} is missing): run npm run build`);
  const log = opts.log ?? ((line: string) => console.log(line));
  const output = opts.output ?? ((line: string) => process.stderr.write(`[local Cognito] ${line}\n`));
  const delays = opts.restartDelaysMs ?? [500, 1000, 2000, 5000];
  const readyTimeoutMs = opts.readyTimeoutMs ?? 120_000;

  let child: ChildProcess | null = null;
  let stopping = false;
  let restarts = 0;
  let failuresInARow = 0;
  let restartTimer: NodeJS.Timeout | null = null;
  /** The port the child serves on: the one chosen at the first start, kept for restarts. */
  let servingPort = opts.port;

  const spawnChild = (port: number, seed: boolean): Promise<ReadyLine> =>
    new Promise((resolve, reject) => {
      const args = [cli, '--report', 'json', '--exit-with-parent', '--port', String(port)];
      args.push('--data-dir', opts.dataDir, '--region', opts.region);
      if (seed) args.push('--seed', '--seed-demo-users', String(opts.demoUsers));
      const proc = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'], detached: true });
      child = proc;
      const stderr: string[] = [];
      let ready = false;
      const timer = setTimeout(() => {
        proc.kill('SIGKILL');
        reject(new StartFailed(`the local Cognito did not start within ${readyTimeoutMs / 1000} s`));
      }, readyTimeoutMs);
      createInterface({ input: proc.stdout! }).on('line', (line) => {
        if (!ready && line.startsWith('{')) {
          try {
            const parsed = JSON.parse(line) as ReadyLine;
            if (parsed.event === 'ready') {
              ready = true;
              clearTimeout(timer);
              resolve(parsed);
              return;
            }
          } catch {
            // not the ready line: shown below
          }
        }
        output(line);
      });
      createInterface({ input: proc.stderr! }).on('line', (line) => {
        stderr.push(line);
        if (stderr.length > 20) stderr.shift();
        output(line);
      });
      proc.stdin!.on('error', () => undefined); // the child may be gone before we close its stdin
      proc.once('error', (err) => {
        clearTimeout(timer);
        reject(new StartFailed(`the local Cognito could not be started: ${err.message}`));
      });
      proc.once('exit', (code, signal) => {
        clearTimeout(timer);
        if (child === proc) child = null;
        if (!ready) {
          const why = stderr.join('\n').trim() || `it exited with ${signal ?? `code ${code}`}`;
          reject(new StartFailed(why));
          return;
        }
        onExit(code, signal);
      });
    });

  let startedAt = Date.now();
  const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
    if (stopping) return;
    if (Date.now() - startedAt >= STABLE_MS) failuresInARow = 0;
    scheduleRestart(`exited with ${signal ?? `code ${code}`}`);
  };
  const scheduleRestart = (why: string) => {
    const delay = delays[Math.min(failuresInARow, delays.length - 1)] ?? 1000;
    failuresInARow++;
    log(`poolkeeper: the local Cognito ${why}; restarting it in ${(delay / 1000).toFixed(1)} s`);
    restartTimer = setTimeout(() => {
      restartTimer = null;
      if (stopping) return;
      startedAt = Date.now();
      spawnChild(servingPort, false).then(
        (again) => {
          restarts++;
          log(`poolkeeper: the local Cognito was restarted at ${again.endpoint}`);
        },
        (error: unknown) => {
          if (!stopping) scheduleRestart(`could not be restarted (${(error as Error).message})`);
        },
      );
    }, delay);
  };

  const stopChild = async () => {
    const proc = child as ChildProcess | null;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    proc.kill('SIGTERM');
    const timer = setTimeout(() => proc.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  };

  let first: ReadyLine & { seed: LocalSeed };
  try {
    const ready = await spawnChild(opts.port, true);
    if (!ready.seed) throw new StartFailed('it reported no seed');
    first = { ...ready, seed: ready.seed };
  } catch (error) {
    stopping = true;
    await stopChild();
    throw error instanceof StartFailed
      ? new Error(`the local Cognito could not start: ${error.message}`)
      : error;
  }
  servingPort = Number(new URL(first.endpoint).port); // restarts reuse the port the API was pointed at
  let stopped: Promise<void> | null = null;
  return {
    endpoint: first.endpoint,
    region: first.region,
    seed: first.seed,
    pid: () => (child as ChildProcess | null)?.pid,
    restarts: () => restarts,
    stop: () =>
      (stopped ??= (async () => {
        stopping = true;
        if (restartTimer) clearTimeout(restartTimer);
        await stopChild();
      })()),
  };
}

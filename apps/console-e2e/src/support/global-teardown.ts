import { execFileSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { takeStack } from './stack-process';

const stopTimeoutMs = 30_000;

/** Processes whose command line names the directory (the stack's Postgres and local Cognito child use it). */
function processesUsing(dir: string): Array<{ pid: number; args: string }> {
  const ps = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return ps
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null && m[2]!.includes(dir) && !m[2]!.startsWith('ps '))
    .map((m) => ({ pid: Number(m[1]), args: m[2]! }));
}

/**
 * Stops the stack global setup started (SIGTERM, then SIGKILL if it hangs), checks that it left no process
 * behind (embedded Postgres, the local Cognito child), and removes its data.
 */
export default async function globalTeardown(): Promise<void> {
  const stack = takeStack();
  if (!stack) return;
  const { child, dataDir } = stack;
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => {
      console.warn(
        `poolkeeper stack did not stop within ${stopTimeoutMs / 1000} s; killing it.\n${stack.output()}`,
      );
      child.kill('SIGKILL');
    }, stopTimeoutMs);
    await exited;
    clearTimeout(timer);
  }
  const leftovers = processesUsing(dataDir);
  for (const p of leftovers) {
    try {
      process.kill(p.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  await rm(dataDir, { recursive: true, force: true, maxRetries: 3 });
  if (leftovers.length > 0) {
    throw new Error(
      `the stack left processes behind after SIGTERM:\n${leftovers.map((p) => `${p.pid} ${p.args}`).join('\n')}`,
    );
  }
}

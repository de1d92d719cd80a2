import { rm } from 'node:fs/promises';
import { takeStack } from './stack-process';

const stopTimeoutMs = 30_000;

/** Stops the stack global setup started (SIGTERM, then SIGKILL if it hangs) and removes its data. */
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
  await rm(dataDir, { recursive: true, force: true, maxRetries: 3 });
}

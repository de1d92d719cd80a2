import type { ChildProcess } from 'node:child_process';

/** The stack global setup started, handed to global teardown (both run in the runner process). */
export interface StartedStack {
  child: ChildProcess;
  dataDir: string;
  baseUrl: string;
  output: () => string;
}

const key = Symbol.for('poolkeeper.e2e.stack');
type Holder = { [key]?: StartedStack };

export function rememberStack(stack: StartedStack): void {
  (globalThis as Holder)[key] = stack;
}

export function takeStack(): StartedStack | undefined {
  const stack = (globalThis as Holder)[key];
  delete (globalThis as Holder)[key];
  return stack;
}

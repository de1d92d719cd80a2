import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { readIfExists, writeFileAtomic } from './atomic-file';
import { EmulatorState, emptyState } from './model';

export const STATE_FILE = 'cognito-state.json';

/**
 * Holds the state in memory and persists it to `<dataDir>/cognito-state.json`.
 * Writes are serialized (one in flight) and coalesced: every `persist()` resolves once a write that
 * started after the call has reached the disk, so many concurrent mutations share a few writes.
 */
export class StateStore {
  private inFlight: Promise<void> | undefined;
  private pending: { promise: Promise<void>; resolve: () => void; reject: (e: unknown) => void } | undefined;
  private closed = false;

  private constructor(
    readonly state: EmulatorState,
    private readonly file: string,
  ) {}

  static async open(dataDir: string): Promise<StateStore> {
    await fsp.mkdir(dataDir, { recursive: true });
    const file = path.join(dataDir, STATE_FILE);
    const text = await readIfExists(file);
    let state = emptyState();
    if (text !== undefined) {
      try {
        state = JSON.parse(text) as EmulatorState;
      } catch (err) {
        // Never start empty over a file we cannot read: that would overwrite the user's data.
        throw new Error(
          `cognito-emulator: ${file} is not valid JSON (${(err as Error).message}); move it away to start fresh.`,
        );
      }
      if (state.version !== 1 || typeof state.pools !== 'object')
        throw new Error(`cognito-emulator: ${file} has an unknown format.`);
      state.refreshTokens ??= {};
    }
    return new StateStore(state, file);
  }

  /** Schedules a write of the current state and resolves when it is durable. */
  persist(): Promise<void> {
    if (this.closed) return Promise.reject(new Error('cognito-emulator: state store is closed'));
    if (!this.inFlight) return this.startWrite();
    if (!this.pending) {
      let resolve!: () => void;
      let reject!: (e: unknown) => void;
      const promise = new Promise<void>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      this.pending = { promise, resolve, reject };
    }
    return this.pending.promise;
  }

  /** Waits for all scheduled writes, then refuses new ones. */
  async close(): Promise<void> {
    while (this.inFlight) await this.inFlight.catch(() => undefined);
    this.closed = true;
  }

  private startWrite(): Promise<void> {
    const data = JSON.stringify(this.state);
    const write = writeFileAtomic(this.file, data);
    this.inFlight = write.finally(() => {
      this.inFlight = undefined;
      const next = this.pending;
      this.pending = undefined;
      if (next) this.startWrite().then(next.resolve, next.reject);
    });
    this.inFlight.catch(() => undefined);
    return write;
  }
}

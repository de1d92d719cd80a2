import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { readIfExists, writeFileAtomic } from './atomic-file';
import { EmulatorState, emptyState } from './model';
import { fromPersisted, STATE_VERSION, toPersisted } from './persisted';
import { StateFileError, upgradeDocument, type UpgradeContext } from './upgrade';

export const STATE_FILE = 'cognito-state.json';
/** Where a file of an older version is kept, unchanged, when it is upgraded (e.g. `cognito-state.v1.json`). */
export const backupFileName = (version: number) => `cognito-state.v${version}.json`;

/**
 * Holds the state in memory and persists it to `<dataDir>/cognito-state.json` (versioned: see upgrade.ts).
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

  /**
   * Loads the state file, upgrading an older version (the original is kept as `cognito-state.v<N>.json`
   * and the upgraded state written back at once). A file that is not valid JSON, has an unknown shape or a
   * newer version stops start-up and is never overwritten.
   */
  static async open(
    dataDir: string,
    context: UpgradeContext = { defaultRegion: 'us-east-1' },
  ): Promise<StateStore> {
    await fsp.mkdir(dataDir, { recursive: true });
    const file = path.join(dataDir, STATE_FILE);
    const text = await readIfExists(file);
    if (text === undefined) return new StateStore(emptyState(), file);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (err) {
      // Never start empty over a file we cannot read: that would overwrite the user's data.
      throw new StateFileError(
        `cognito-emulator: ${file} is not valid JSON (${(err as Error).message}); move it away to start fresh.`,
      );
    }
    const { doc, from } = upgradeDocument(parsed, file, context);
    const store = new StateStore(fromPersisted(doc), file);
    if (from !== STATE_VERSION) {
      await writeFileAtomic(path.join(dataDir, backupFileName(from)), text);
      await store.persist();
    }
    return store;
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
    const data = JSON.stringify(toPersisted(this.state));
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

import { createReadStream, promises as fsp } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { readIfExists, writeFileAtomic } from './atomic-file';
import { type ChangeSet, TrackedMap, UserMap } from './change-tracking';
import { EmulatorState, emptyState } from './model';
import { fromPersisted, STATE_VERSION } from './persisted';
import {
  applyRecord,
  federationJson,
  poolMetaJson,
  stateRecordLines,
  STORE_VERSION,
  type StoreRecord,
} from './records';
import { StateFileError, upgradeDocument, type UpgradeContext } from './upgrade';

/** The single-document state file of versions 1–3; migrated to a snapshot + log at start (see below). */
export const STATE_FILE = 'cognito-state.json';
/** Where a file of an older version is kept, unchanged, when it is upgraded (e.g. `cognito-state.v1.json`). */
export const backupFileName = (version: number) => `cognito-state.v${version}.json`;
export const SNAPSHOT_FILE = 'cognito-snapshot.jsonl';
export const LOG_FILE = 'cognito-log.jsonl';
/** A log segment closed by a compaction, kept until the snapshot that covers it is on disk. */
const segmentName = (lastSeq: number) => `cognito-log.${String(lastSeq).padStart(12, '0')}.jsonl`;
const SEGMENT = /^cognito-log\.(\d{12})\.jsonl$/;

/**
 * `always` (default): every batch of log records is fdatasync'd before the mutations in it are answered
 * (group commit: concurrent mutations share one write and one sync). `off`: answered once the record is
 * written to the OS — it survives the emulator being killed (kill -9), not a power loss.
 */
export type FsyncPolicy = 'always' | 'off';

export interface StoreOptions {
  fsync?: FsyncPolicy;
  /** Write a new snapshot (and drop the log it covers) once the log holds this many bytes. Default 64 MiB. */
  compactAtBytes?: number;
}

interface Waiter {
  resolve: () => void;
  reject: (e: unknown) => void;
}

/**
 * Holds the state in memory and persists it as state v4: a snapshot (`cognito-snapshot.jsonl`: a header line
 * `{"version":4,"logSeq":S}`, then one record per entity, state/records.ts) and an append-only operation log
 * (`cognito-log.jsonl`: one line `{"s":seq,"r":[records…]}` per mutation, holding only the entities it
 * changed). A mutation is answered only after its line is written (see FsyncPolicy); a mutation that failed
 * or changed nothing writes nothing. At start the snapshot is loaded and the log replayed (a torn last line,
 * from a crash mid-write, was never answered and is dropped). When the log reaches `compactAtBytes` it is
 * closed as a segment, a new snapshot written while writes go on (records are whole entity values, so
 * replaying the log after S over it is exact), and covered segments deleted. A v1–v3 `cognito-state.json` is
 * upgraded, written as a snapshot and kept as `cognito-state.v<N>.json`.
 */
export class StateStore {
  private fh: fsp.FileHandle | undefined;
  private seq = 0;
  private logBytes = 0;
  private queue: string[] = [];
  private waiters: Waiter[] = [];
  private writing = false;
  private closed = false;
  private snapshotting: Promise<void> | undefined;
  private readonly poolMeta = new Map<string, string>();
  private fedJson = '';
  private readonly fsync: FsyncPolicy;
  private readonly compactAtBytes: number;

  private constructor(
    readonly state: EmulatorState,
    private readonly dir: string,
    opts: StoreOptions,
  ) {
    this.fsync = opts.fsync ?? 'always';
    this.compactAtBytes = opts.compactAtBytes ?? 64 * 1024 * 1024;
  }

  /**
   * Loads the snapshot and replays the log, or upgrades a v1–v3 state file (the original is kept as
   * `cognito-state.v<N>.json`). A file that is not valid, has an unknown shape or a newer version stops
   * start-up and is never overwritten.
   */
  static async open(
    dataDir: string,
    context: UpgradeContext = { defaultRegion: 'us-east-1' },
    opts: StoreOptions = {},
  ): Promise<StateStore> {
    await fsp.mkdir(dataDir, { recursive: true });
    const snapshot = path.join(dataDir, SNAPSHOT_FILE);
    const legacyFile = path.join(dataDir, STATE_FILE);
    let store: StateStore;
    if (await exists(snapshot)) {
      store = new StateStore(emptyState(), dataDir, opts);
      const logSeq = await store.loadSnapshot(snapshot);
      store.seq = logSeq;
      await store.replayLogs(logSeq);
    } else {
      const text = await readIfExists(legacyFile);
      if (text === undefined) {
        store = new StateStore(emptyState(), dataDir, opts);
      } else {
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch (err) {
          // Never start empty over a file we cannot read: that would overwrite the user's data.
          throw new StateFileError(
            `cognito-emulator: ${legacyFile} is not valid JSON (${(err as Error).message}); move it away to start fresh.`,
          );
        }
        const { doc, from } = upgradeDocument(parsed, legacyFile, context);
        store = new StateStore(fromPersisted(doc), dataDir, opts);
        await writeFileAtomic(path.join(dataDir, backupFileName(from)), text);
      }
      await store.writeSnapshot(0);
      await fsp.rm(legacyFile, { force: true });
    }
    store.rememberWritten();
    store.fh = await fsp.open(path.join(dataDir, LOG_FILE), 'a', 0o600);
    store.logBytes = (await store.fh.stat()).size;
    return store;
  }

  /**
   * The state as persisted in `dataDir` (snapshot + log), read without changing any file: for tests and
   * tools, also while an emulator runs.
   */
  static async read(dataDir: string): Promise<EmulatorState> {
    const store = new StateStore(emptyState(), dataDir, {});
    const logSeq = await store.loadSnapshot(path.join(dataDir, SNAPSHOT_FILE));
    await store.replayLogs(logSeq, true);
    return store.state;
  }

  /**
   * Logs what the mutation that recorded `changes` changed (compared with the values it touched and with the
   * pools' settings and federation section as last written) and resolves once that is written; at once when
   * nothing changed. Cost: the touched entities plus the pools' settings, never the users of a pool.
   */
  commit(changes: ChangeSet): Promise<void> {
    if (this.closed) return Promise.reject(new Error('cognito-emulator: state store is closed'));
    const recs = this.changedRecords(changes);
    if (recs.length === 0) return Promise.resolve();
    this.queue.push(`{"s":${++this.seq},"r":[${recs.join(',')}]}\n`);
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    if (!this.writing) void this.drain();
    return done;
  }

  /** Writes a snapshot of the current state now and drops the log it covers (e.g. after a bulk seed). */
  async snapshot(): Promise<void> {
    await this.idle();
    this.writing = true; // commits meanwhile queue up; the log is reopened before they are written
    try {
      await this.compact();
    } finally {
      this.writing = false;
      if (this.queue.length > 0) void this.drain();
    }
    await this.snapshotting;
  }

  /** Waits for all scheduled writes and any snapshot, then refuses new ones. */
  async close(): Promise<void> {
    await this.idle();
    await this.snapshotting?.catch(() => undefined);
    this.closed = true;
    await this.fh?.close();
    this.fh = undefined;
  }

  private async idle(): Promise<void> {
    while (this.writing || this.queue.length > 0) {
      await new Promise<void>((resolve) => this.waiters.push({ resolve, reject: () => resolve() }));
    }
  }

  private changedRecords(changes: ChangeSet): string[] {
    const recs: string[] = [];
    // settings of every pool (small: no users), new and deleted pools
    for (const [id, pool] of this.state.pools) {
      const json = poolMetaJson(pool);
      if (this.poolMeta.get(id) !== json) {
        recs.push(`["p",${JSON.stringify(id)},${json}]`);
        this.poolMeta.set(id, json);
      }
    }
    for (const id of this.poolMeta.keys()) {
      if (!this.state.pools.has(id)) {
        recs.push(`["p",${JSON.stringify(id)},null]`);
        this.poolMeta.delete(id);
      }
    }
    const fed = federationJson(this.state);
    if (fed !== this.fedJson) {
      recs.push(`["f",${fed}]`);
      this.fedJson = fed;
    }
    for (const [map, keys] of changes) {
      let prefix: string;
      if (map === this.state.refreshTokens) prefix = '["t",';
      else if (map instanceof UserMap && this.state.pools.get(map.poolId)?.users === map)
        prefix = `["u",${JSON.stringify(map.poolId)},`;
      else continue; // a deleted pool's users (its "p" null record covers them)
      for (const [key, before] of keys) {
        const value = map.peek(key);
        const now = value === undefined ? null : JSON.stringify(value);
        if (now !== before) recs.push(`${prefix}${JSON.stringify(key)},${now ?? 'null'}]`);
      }
    }
    return recs;
  }

  private async drain(): Promise<void> {
    this.writing = true;
    while (this.queue.length > 0) {
      const data = this.queue.join('');
      const waiters = this.waiters;
      this.queue = [];
      this.waiters = [];
      try {
        await this.fh!.write(data);
        if (this.fsync === 'always') await this.fh!.datasync();
        this.logBytes += Buffer.byteLength(data);
        for (const w of waiters) w.resolve();
      } catch (err) {
        for (const w of waiters) w.reject(err);
      }
      if (this.logBytes >= this.compactAtBytes && !this.snapshotting) await this.compact().catch(() => {});
    }
    this.writing = false;
    const idle = this.waiters.splice(0);
    if (this.queue.length === 0) for (const w of idle) w.resolve();
    else {
      this.waiters.push(...idle);
      void this.drain();
    }
  }

  /** Closes the log as a segment, opens a new one and writes a snapshot covering the segment in the background. */
  private async compact(): Promise<void> {
    const upTo = this.seq;
    await this.fh!.close();
    await fsp.rename(path.join(this.dir, LOG_FILE), path.join(this.dir, segmentName(upTo)));
    this.fh = await fsp.open(path.join(this.dir, LOG_FILE), 'a', 0o600);
    this.logBytes = 0;
    this.snapshotting = (async () => {
      await this.writeSnapshot(upTo);
      for (const name of await fsp.readdir(this.dir)) {
        const m = SEGMENT.exec(name);
        if (m && Number(m[1]) <= upTo) await fsp.rm(path.join(this.dir, name), { force: true });
      }
    })().finally(() => {
      this.snapshotting = undefined;
    });
  }

  /** Streams the state to a temp file (yielding to the event loop between chunks), fsync, rename. */
  private async writeSnapshot(logSeq: number): Promise<void> {
    const file = path.join(this.dir, SNAPSHOT_FILE);
    const tmp = `${file}.${process.pid}.tmp`;
    const handle = await fsp.open(tmp, 'w', 0o600);
    try {
      let chunk = `${JSON.stringify({ version: STORE_VERSION, logSeq })}\n`;
      for (const line of stateRecordLines(this.state)) {
        chunk += `${line}\n`;
        if (chunk.length > 1 << 20) {
          await handle.write(chunk);
          chunk = '';
        }
      }
      await handle.write(chunk);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fsp.rename(tmp, file);
    await syncDir(this.dir);
  }

  private async loadSnapshot(file: string): Promise<number> {
    let logSeq = -1;
    let n = 0;
    for await (const line of lines(file)) {
      n++;
      if (n === 1) {
        const header = parseLine(line, file, n) as { version?: unknown; logSeq?: unknown };
        if (typeof header.version !== 'number' || typeof header.logSeq !== 'number')
          throw new StateFileError(`cognito-emulator: ${file} has an unknown format (no valid header).`);
        if (header.version > STORE_VERSION)
          throw new StateFileError(
            `cognito-emulator: ${file} is state version ${header.version}, written by a newer poolkeeper; this ` +
              `one reads versions 1 to ${STORE_VERSION}. The file was left untouched.`,
          );
        logSeq = header.logSeq;
        continue;
      }
      if (line !== '') applyRecord(this.state, parseLine(line, file, n) as StoreRecord);
    }
    if (logSeq < 0) throw new StateFileError(`cognito-emulator: ${file} is empty.`);
    return logSeq;
  }

  /** Replays closed segments, then the live log, skipping records the snapshot covers. */
  private async replayLogs(after: number, readOnly = false): Promise<void> {
    const segments = (await fsp.readdir(this.dir)).filter((n) => SEGMENT.test(n)).sort();
    const files = [...segments, LOG_FILE].map((n) => path.join(this.dir, n));
    for (const [i, file] of files.entries()) {
      if (!(await exists(file))) continue;
      let good = 0;
      let torn = false;
      let n = 0;
      for await (const line of lines(file)) {
        n++;
        if (torn) throw new StateFileError(`cognito-emulator: ${file} line ${n - 1} is corrupt.`);
        let entry: { s: number; r: StoreRecord[] };
        try {
          entry = JSON.parse(line) as { s: number; r: StoreRecord[] };
        } catch {
          torn = true;
          continue;
        }
        good += Buffer.byteLength(line) + 1;
        if (entry.s <= after) continue;
        for (const rec of entry.r) applyRecord(this.state, rec);
        this.seq = Math.max(this.seq, entry.s);
      }
      if (torn) {
        // only the very end of the live log may be torn (a write cut short by a crash, never answered)
        if (i !== files.length - 1 && !readOnly)
          throw new StateFileError(`cognito-emulator: ${file} is corrupt.`);
        if (!readOnly) await fsp.truncate(file, good);
      }
    }
  }

  private rememberWritten(): void {
    for (const [id, pool] of this.state.pools) this.poolMeta.set(id, poolMetaJson(pool));
    this.fedJson = federationJson(this.state);
  }
}

function parseLine(line: string, file: string, n: number): unknown {
  try {
    return JSON.parse(line);
  } catch (err) {
    throw new StateFileError(
      `cognito-emulator: ${file} line ${n} is not valid JSON (${(err as Error).message}).`,
    );
  }
}

const lines = (file: string) =>
  createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });

async function exists(file: string): Promise<boolean> {
  return fsp.stat(file).then(
    () => true,
    () => false,
  );
}

async function syncDir(dir: string): Promise<void> {
  let handle: fsp.FileHandle | undefined;
  try {
    handle = await fsp.open(dir, 'r');
    await handle.sync();
  } catch {
    // some filesystems cannot fsync a directory; the rename is still atomic
  } finally {
    await handle?.close();
  }
}

export { STATE_VERSION, TrackedMap };

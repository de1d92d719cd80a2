/**
 * Which entities a mutation touched, so the store logs only those (state/op-log.ts) and the cost of a write
 * does not grow with the pool. A mutation runs inside `trackChanges` (AsyncLocalStorage, so concurrent
 * async handlers keep separate sets); `TrackedMap` records every key it is asked for (get/set/delete)
 * together with the JSON of the value as it was, and `touch` does so for values reached by iteration.
 * At commit the store compares each touched value with its "before" JSON and logs only what changed:
 * a mutation that failed (or changed nothing) writes nothing.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/** Touched keys of one map → the value's JSON before the mutation touched it (null = absent). */
export type ChangeSet = Map<TrackedMap<unknown>, Map<string, string | null>>;

const current = new AsyncLocalStorage<ChangeSet>();

export async function trackChanges<T>(
  fn: () => T | Promise<T>,
): Promise<{ changes: ChangeSet; result: Promise<T> }> {
  const changes: ChangeSet = new Map();
  const result = current.run(changes, async () => fn());
  await result.catch(() => undefined);
  return { changes, result };
}

/** Records `value` (reached without `get`, e.g. by iterating `values()`) as touched by the running mutation. */
export function touch<V>(map: Map<string, V>, key: string, value: V | undefined): void {
  if (map instanceof TrackedMap) map.recordTouch(key, value);
}

/** A Map that records the keys a running mutation reads or writes (see the module comment). */
export class TrackedMap<V> extends Map<string, V> {
  /** Reads without recording (the store's own reads). */
  peek(key: string): V | undefined {
    return super.get(key);
  }

  recordTouch(key: string, value: V | undefined): void {
    const changes = current.getStore();
    if (!changes) return;
    let keys = changes.get(this as TrackedMap<unknown>);
    if (!keys) changes.set(this as TrackedMap<unknown>, (keys = new Map()));
    if (!keys.has(key)) keys.set(key, value === undefined ? null : JSON.stringify(value));
  }

  override get(key: string): V | undefined {
    const value = super.get(key);
    this.recordTouch(key, value);
    return value;
  }

  override set(key: string, value: V): this {
    this.recordTouch(key, super.get(key));
    return super.set(key, value);
  }

  override delete(key: string): boolean {
    this.recordTouch(key, super.get(key));
    return super.delete(key);
  }
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** First index in the ascending `keys` whose key is > `after` (or ≥ when `inclusive`). */
export function lowerBound(keys: readonly string[], after: string, inclusive = false): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const c = compare(keys[mid]!, after);
    if (c < 0 || (c === 0 && !inclusive)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A pool's users (keyed by lowercased username) with a sorted key index kept up to date on insert and delete
 * (built on first use), so ListUsers pages by binary search instead of sorting the pool per page.
 */
export class UserMap<V> extends TrackedMap<V> {
  private sorted: string[] | undefined;

  constructor(readonly poolId: string) {
    super();
  }

  override set(key: string, value: V): this {
    if (this.sorted && !this.has(key)) this.sorted.splice(lowerBound(this.sorted, key, true), 0, key);
    return super.set(key, value);
  }

  override delete(key: string): boolean {
    if (this.sorted && this.has(key)) this.sorted.splice(lowerBound(this.sorted, key, true), 1);
    return super.delete(key);
  }

  /**
   * Inserts without keeping the sorted index per insert (it is rebuilt once, on next use): the bulk seed,
   * where a splice per user would cost O(pool size) each.
   */
  setUnindexed(key: string, value: V): void {
    this.sorted = undefined;
    super.set(key, value);
  }

  override clear(): void {
    this.sorted = undefined;
    super.clear();
  }

  /** The keys in ascending order (UTF-16 code units, as ListUsers pages them). Do not modify. */
  sortedKeys(): readonly string[] {
    this.sorted ??= [...this.keys()].sort(compare);
    return this.sorted;
  }
}

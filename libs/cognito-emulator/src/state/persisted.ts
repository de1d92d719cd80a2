/**
 * The state file's current shape (version 3) and its conversion to and from the in-memory state.
 * Collections are JSON objects keyed by id/name (JSON.parse makes even `__proto__` an own key); they
 * become `Map`s in memory. Older versions are upgraded by `state/upgrade.ts` before `fromPersisted`.
 */
import {
  type AppClient,
  attributeBag,
  type EmulatorState,
  type Group,
  type RefreshTokenRecord,
  type User,
  type UserPool,
} from './model';
import { TrackedMap, UserMap } from './change-tracking';
import { type PersistedFederation, persistFederation, restoreFederation } from './federation';

export const STATE_VERSION = 3 as const;

export type PersistedUser = Omit<User, 'attributes'> & { attributes: Record<string, string> };

export type PersistedPool = Omit<UserPool, 'clients' | 'users' | 'groups'> & {
  clients: Record<string, AppClient>;
  users: Record<string, PersistedUser>;
  groups: Record<string, Group>;
};

export interface PersistedState {
  version: typeof STATE_VERSION;
  pools: Record<string, PersistedPool>;
  refreshTokens: Record<string, RefreshTokenRecord>;
  /** Since v3. */
  federation: PersistedFederation;
}

/** Own entries of a JSON object (Object.entries: own enumerable keys only, `__proto__` included). */
const entries = <T>(obj: Record<string, T>): Array<[string, T]> => Object.entries(obj);
/** An object with exactly these own keys (Object.fromEntries defines properties, so `__proto__` stays a key). */
const record = <T>(map: Map<string, T>): Record<string, T> => Object.fromEntries(map);

export function toPersisted(state: EmulatorState): PersistedState {
  const pools: Array<[string, PersistedPool]> = [...state.pools].map(([id, pool]) => [
    id,
    {
      ...pool,
      clients: record(pool.clients),
      users: Object.fromEntries(
        [...pool.users].map(([k, u]) => [k, { ...u, attributes: { ...u.attributes } }]),
      ),
      groups: record(pool.groups),
    },
  ]);
  return {
    version: STATE_VERSION,
    pools: Object.fromEntries(pools),
    refreshTokens: record(state.refreshTokens),
    federation: persistFederation(state.federation),
  };
}

function trackedMap<T>(items: Array<[string, T]>): TrackedMap<T> {
  const map = new TrackedMap<T>();
  for (const [k, v] of items) map.set(k, v);
  return map;
}

export function fromPersisted(doc: PersistedState): EmulatorState {
  const pools = new Map<string, UserPool>();
  for (const [id, p] of entries(doc.pools)) {
    const users = new UserMap<User>(id);
    for (const [key, u] of entries(p.users)) {
      users.set(key, { ...u, attributes: attributeBag(entries(u.attributes)), groups: [...u.groups] });
    }
    pools.set(id, {
      ...p,
      clients: new Map(entries(p.clients)),
      users,
      groups: new Map(entries(p.groups)),
    });
  }
  return {
    pools,
    refreshTokens: trackedMap(entries(doc.refreshTokens)),
    federation: restoreFederation(doc.federation),
  };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks the structure `fromPersisted` relies on; returns a reason when the document does not have it. */
export function structureProblem(doc: Record<string, unknown>): string | undefined {
  if (!isObject(doc.pools)) return '"pools" is not an object';
  if (!isObject(doc.refreshTokens)) return '"refreshTokens" is not an object';
  if (!isObject(doc.federation)) return '"federation" is not an object';
  for (const [id, pool] of Object.entries(doc.pools)) {
    if (!isObject(pool) || pool.id !== id) return `pool ${JSON.stringify(id)} is malformed`;
    if (typeof pool.region !== 'string') return `pool ${id} has no region`;
    for (const key of ['clients', 'users', 'groups'] as const) {
      if (!isObject(pool[key])) return `pool ${id}: "${key}" is not an object`;
    }
    for (const [name, user] of Object.entries(pool.users as Record<string, unknown>)) {
      if (!isObject(user) || !isObject(user.attributes) || !Array.isArray(user.groups))
        return `pool ${id}: user ${JSON.stringify(name)} is malformed`;
    }
  }
  return undefined;
}

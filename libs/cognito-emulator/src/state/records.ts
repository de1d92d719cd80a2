/**
 * The records of the operation log and of snapshots (state v4, state/state-store.ts). Each record is the whole
 * new value of one entity, or null for "gone", so replaying a record twice, or over a snapshot taken while
 * writes went on, gives the same state:
 * - `["p", poolId, pool | null]`: a pool's settings, clients and groups (never its users);
 * - `["u", poolId, usernameKey, user | null]`: one user;
 * - `["t", digest, refreshToken | null]`: one refresh-token record;
 * - `["f", federation]`: the whole federation section (identity providers, identity pools, IAM, credentials).
 */
import { UserMap, TrackedMap } from './change-tracking';
import { persistFederation, restoreFederation, type PersistedFederation } from './federation';
import {
  attributeBag,
  type AppClient,
  type EmulatorState,
  type Group,
  type RefreshTokenRecord,
  type User,
  type UserPool,
} from './model';
import type { PersistedPool, PersistedUser } from './persisted';

/** The version of the snapshot's header line and of the log (v1–v3 were one JSON document). */
export const STORE_VERSION = 4 as const;

export type PoolMeta = Omit<PersistedPool, 'users'>;
export type StoreRecord =
  | ['p', string, PoolMeta | null]
  | ['u', string, string, PersistedUser | null]
  | ['t', string, RefreshTokenRecord | null]
  | ['f', PersistedFederation];

export const newUserMap = (poolId: string) => new UserMap<User>(poolId);
export const newTokenMap = () => new TrackedMap<RefreshTokenRecord>();

/** The JSON of a pool's record value (users left out). */
export function poolMetaJson(pool: UserPool): string {
  const { users: _users, clients, groups, ...rest } = pool;
  return JSON.stringify({
    ...rest,
    clients: Object.fromEntries(clients),
    groups: Object.fromEntries(groups),
  });
}

export const federationJson = (state: EmulatorState) => JSON.stringify(persistFederation(state.federation));

export function restoreUser(u: PersistedUser): User {
  return { ...u, attributes: attributeBag(Object.entries(u.attributes)), groups: [...u.groups] };
}

/** Applies one record to the state (load: snapshot lines, then the log). */
export function applyRecord(state: EmulatorState, rec: StoreRecord): void {
  switch (rec[0]) {
    case 'p': {
      const [, id, meta] = rec;
      if (meta === null) {
        state.pools.delete(id);
        return;
      }
      const existing = state.pools.get(id);
      state.pools.set(id, {
        ...meta,
        clients: new Map(Object.entries(meta.clients) as Array<[string, AppClient]>),
        groups: new Map(Object.entries(meta.groups) as Array<[string, Group]>),
        users: existing?.users ?? newUserMap(id),
      });
      return;
    }
    case 'u': {
      const [, poolId, key, user] = rec;
      const pool = state.pools.get(poolId);
      if (!pool) return; // deleted later in the log
      if (user === null) pool.users.delete(key);
      else pool.users.set(key, restoreUser(user));
      return;
    }
    case 't': {
      const [, digest, token] = rec;
      if (token === null) state.refreshTokens.delete(digest);
      else state.refreshTokens.set(digest, token);
      return;
    }
    case 'f':
      state.federation = restoreFederation(rec[1]);
      return;
    default:
      throw new Error(`unknown record ${JSON.stringify(rec)}`);
  }
}

/** The whole state as record lines (a snapshot's body), yielded one entity at a time. */
export function* stateRecordLines(state: EmulatorState): Generator<string> {
  yield `["f",${federationJson(state)}]`;
  for (const pool of state.pools.values()) {
    const id = JSON.stringify(pool.id);
    yield `["p",${id},${poolMetaJson(pool)}]`;
    for (const [key, user] of pool.users) yield `["u",${id},${JSON.stringify(key)},${JSON.stringify(user)}]`;
  }
  for (const [digest, token] of state.refreshTokens)
    yield `["t",${JSON.stringify(digest)},${JSON.stringify(token)}]`;
}

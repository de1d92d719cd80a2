import { createContext, useContext } from 'react';
import { useGetList, useMatch, useStore } from 'react-admin';
import type { PoolRecord } from '../resources/pools/pools-provider';

/** The pool last worked on (react-admin store, localStorage): where `#/users` and the menu lead. */
export const poolStoreKey = 'poolkeeper.poolId';

/** The managed pools, loaded once and kept for five minutes. */
export function usePools() {
  const { data, isPending, error } = useGetList<PoolRecord>(
    'pools',
    { pagination: { page: 1, perPage: 1000 } },
    { staleTime: 5 * 60_000 },
  );
  return { pools: data ?? [], isPending, error };
}

export interface CurrentPool {
  /**
   * The pool in the URL (`#/pools/<poolId>/…`) — undefined when that pool is not managed — and
   * elsewhere the stored pool, or the first one when none (or a vanished one) is stored.
   */
  pool: PoolRecord | undefined;
  /** The pool id the URL names, if the current page carries one. */
  urlPoolId: string | undefined;
  pools: PoolRecord[];
  isPending: boolean;
  error: unknown;
  /** Remembers the pool for the pages that carry none. */
  selectPool: (poolId: string) => void;
}

export function useCurrentPool(): CurrentPool {
  const match = useMatch({ path: '/pools/:poolId/*', end: false });
  const urlPoolId = match?.params['poolId'];
  const [storedId, setStoredId] = useStore<string | null>(poolStoreKey, null);
  const { pools, isPending, error } = usePools();
  const pool =
    urlPoolId !== undefined
      ? pools.find((candidate) => candidate.id === urlPoolId)
      : (pools.find((candidate) => candidate.id === storedId) ?? pools[0]);
  return { pool, urlPoolId, pools, isPending, error, selectPool: setStoredId };
}

/** The pool of the pool-scoped screens (users), provided by the route that read it from the URL. */
export const PoolContext = createContext<PoolRecord | null>(null);

export function usePool(): PoolRecord {
  const pool = useContext(PoolContext);
  if (!pool) throw new Error('usePool() is used outside the pool-scoped routes (#/pools/<poolId>/…).');
  return pool;
}

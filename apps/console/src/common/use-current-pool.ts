import { useGetList, useStore } from 'react-admin';
import type { PoolRecord } from '../providers/data-provider';

export const poolStoreKey = 'poolkeeper.poolId';

export interface CurrentPool {
  /** The selected pool, or the first pool when none (or a vanished one) is stored. */
  pool: PoolRecord | undefined;
  poolId: string | undefined;
  pools: PoolRecord[];
  isPending: boolean;
  error: unknown;
  selectPool: (poolId: string) => void;
}

/** The pool every user screen works on; kept in the react-admin store (localStorage). */
export function useCurrentPool(): CurrentPool {
  const [storedId, setStoredId] = useStore<string | null>(poolStoreKey, null);
  const { data, isPending, error } = useGetList<PoolRecord>(
    'pools',
    { pagination: { page: 1, perPage: 1000 } },
    { staleTime: 5 * 60_000 },
  );
  const pools = data ?? [];
  const pool = pools.find((candidate) => candidate.id === storedId) ?? pools[0];
  return { pool, poolId: pool?.id, pools, isPending, error, selectPool: setStoredId };
}

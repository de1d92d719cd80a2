import { useEffect, type ReactNode } from 'react';
import { BasenameContextProvider, useBasename, useParams, useStore } from 'react-admin';
import { poolBasePath } from '../../common/paths';
import { PoolContext, poolStoreKey, usePools } from '../../common/use-current-pool';
import { NoPools, PoolsError, PoolsLoading, UnknownPool } from './pool-states';

/**
 * The route element of `#/pools/:poolId/<resource>/*`: reads the pool from the URL, says so plainly
 * when poolkeeper does not manage it, and otherwise renders the resource's screens with
 * - the pool in `PoolContext` (`usePool()`), and remembered as the current pool (switcher, `#/users`);
 * - react-admin's basename set to `/pools/<poolId>`, so its own links and redirects (list, show, edit,
 *   create, rowClick, after save) stay in the pool with no path written by hand.
 */
export function PoolScope({ children }: { children: ReactNode }) {
  const { poolId = '' } = useParams<{ poolId: string }>();
  const basename = useBasename();
  const { pools, isPending, error } = usePools();
  const [storedId, setStoredId] = useStore<string | null>(poolStoreKey, null);
  const pool = pools.find((candidate) => candidate.id === poolId);

  useEffect(() => {
    if (pool && storedId !== pool.id) setStoredId(pool.id);
  }, [pool, storedId, setStoredId]);

  if (isPending) return <PoolsLoading />;
  if (error) return <PoolsError error={error} />;
  if (pools.length === 0) return <NoPools />;
  if (!pool) return <UnknownPool poolId={poolId} pools={pools} />;
  return (
    <PoolContext.Provider value={pool}>
      <BasenameContextProvider basename={`${basename}${poolBasePath(pool.id)}`}>
        {children}
      </BasenameContextProvider>
    </PoolContext.Provider>
  );
}

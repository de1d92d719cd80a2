import { Navigate, useLocation } from 'react-admin';
import { poolUsersPath } from '../../common/paths';
import { useCurrentPool } from '../../common/use-current-pool';
import { NoPools, PoolsError, PoolsLoading } from './pool-states';

/**
 * Addresses without a pool — `#/users…` (links from before the pool was in the URL) and `#/pools` —
 * lead to the same page in the current pool: `#/users/alice/show` → `#/pools/<current>/users/alice/show`.
 */
export function ToCurrentPool() {
  const location = useLocation();
  const { pool, isPending, error } = useCurrentPool();
  if (isPending) return <PoolsLoading />;
  if (error) return <PoolsError error={error} />;
  if (!pool) return <NoPools />;
  const rest = location.pathname.replace(/^\/users(?=\/|$)/, '').replace(/^\/pools\/?$/, '');
  return <Navigate to={`${poolUsersPath(pool.id)}${rest}${location.search}`} replace />;
}

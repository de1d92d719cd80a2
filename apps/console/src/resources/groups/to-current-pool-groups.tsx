import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-admin';
import { poolGroupsPath } from '../../common/paths';
import { useCurrentPool } from '../../common/use-current-pool';
import { NoPools, PoolsError, PoolsLoading } from '../pools/pool-states';

/**
 * `#/groups…` (the menu without a pool, links without one) leads to the same page of the current pool's
 * groups: `#/groups/admins/show` → `#/pools/<current>/groups/admins/show`.
 */
export function ToCurrentPoolGroups() {
  const location = useLocation();
  const navigate = useNavigate();
  const { pool, isPending, error } = useCurrentPool();
  const rest = location.pathname.replace(/^\/groups(?=\/|$)/, '');
  const target = pool ? `${poolGroupsPath(pool.id)}${rest}${location.search}` : null;

  useEffect(() => {
    if (target) navigate(target, { replace: true });
  }, [target, navigate]);

  if (error) return <PoolsError error={error} />;
  if (!isPending && !pool) return <NoPools />;
  return <PoolsLoading />;
}

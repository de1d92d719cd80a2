import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-admin';
import { poolBasePath, poolUsersPath } from '../../common/paths';
import { useCurrentPool } from '../../common/use-current-pool';
import { NoPools, PoolsError, PoolsLoading } from './pool-states';

/** Where the hash router is now (`#/users?x` → `/users?x`), read from the browser, not from a render. */
function addressNow(): string {
  return decoded(window.location.hash.replace(/^#/, '') || '/');
}

function decoded(address: string): string {
  try {
    return decodeURI(address);
  } catch {
    return address;
  }
}

/**
 * Addresses without a pool — `#/users…` (links from before the pool was in the URL, and where the console
 * lands after sign-in) and `#/pools` — lead to the same page in the current pool:
 * `#/users/alice/show` → `#/pools/<current>/users/alice/show`.
 *
 * The pools load first; if the operator has gone elsewhere meanwhile (pasted a link, clicked the menu), the
 * redirect is dropped instead of taking them back — a `<Navigate>` rendered from the stale page would.
 */
export function ToCurrentPool() {
  const location = useLocation();
  const navigate = useNavigate();
  const { pool, isPending, error } = useCurrentPool();
  const from = `${location.pathname}${location.search}`;
  const rest = location.pathname.replace(/^\/users(?=\/|$)/, '').replace(/^\/pools\/?$/, '');
  // Identity providers live in the pool's URL too: `#/identity-providers…` → `#/pools/<current>/identity-providers…`.
  const inPool = /^\/identity-providers(?=\/|$)/.test(location.pathname);
  const target = pool
    ? inPool
      ? `${poolBasePath(pool.id)}${location.pathname}${location.search}`
      : `${poolUsersPath(pool.id)}${rest}${location.search}`
    : null;

  useEffect(() => {
    if (target && addressNow() === decoded(from)) navigate(target, { replace: true });
  }, [target, from, navigate]);

  if (error) return <PoolsError error={error} />;
  if (!isPending && !pool) return <NoPools />;
  return <PoolsLoading />;
}

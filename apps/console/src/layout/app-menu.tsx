import { Menu } from 'react-admin';
import { poolIdpsPath, poolUsersPath } from '../common/paths';
import { useCurrentPool } from '../common/use-current-pool';

/**
 * react-admin's menu, with Users leading straight to the current pool's users (the pool is in the
 * URL); each entry is shown only to roles that may use it (`authProvider.canAccess`).
 */
export function AppMenu() {
  const { pool } = useCurrentPool();
  return (
    <Menu>
      <Menu.ResourceItem name="users" to={pool ? poolUsersPath(pool.id) : '/users'} />
      <Menu.ResourceItem
        name="identity-providers"
        to={pool ? poolIdpsPath(pool.id) : '/identity-providers'}
      />
      <Menu.ResourceItem name="identity-pools" />
      <Menu.ResourceItem name="audit-events" />
    </Menu>
  );
}

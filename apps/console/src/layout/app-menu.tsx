import { Menu } from 'react-admin';
import SecurityIcon from '@mui/icons-material/Security';
import { poolGroupsPath, poolIdpsPath, poolMfaPath, poolUsersPath } from '../common/paths';
import { useCan } from '../common/use-can';
import { useCurrentPool } from '../common/use-current-pool';

/**
 * react-admin's menu, with Users leading straight to the current pool's users (the pool is in the
 * URL); each entry is shown only to roles that may use it (`authProvider.canAccess`).
 */
export function AppMenu() {
  const { pool } = useCurrentPool();
  const allowed = useCan();
  return (
    <Menu>
      <Menu.ResourceItem name="users" to={pool ? poolUsersPath(pool.id) : '/users'} />
      <Menu.ResourceItem name="groups" to={pool ? poolGroupsPath(pool.id) : '/groups'} />
      {pool && allowed('pools.read') && (
        <Menu.Item to={poolMfaPath(pool.id)} primaryText="MFA settings" leftIcon={<SecurityIcon />} />
      )}
      <Menu.ResourceItem
        name="identity-providers"
        to={pool ? poolIdpsPath(pool.id) : '/identity-providers'}
      />
      <Menu.ResourceItem name="identity-pools" />
      <Menu.ResourceItem name="audit-events" />
    </Menu>
  );
}

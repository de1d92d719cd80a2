import { usePermissions } from 'react-admin';
import { can, type Permission } from '@poolkeeper/contract';

/** Whether the signed-in operator holds `permission` (from `GET /api/me`); false while loading. */
export function useCan(): (permission: Permission) => boolean {
  const { permissions } = usePermissions<Permission[]>();
  return (permission) => can(permissions ?? [], permission);
}

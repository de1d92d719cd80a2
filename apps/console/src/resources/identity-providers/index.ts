import { createElement, type ReactElement } from 'react';
import AccountTreeIcon from '@mui/icons-material/AccountTree';
import type { Permission } from '@poolkeeper/contract';
import { RequirePermission } from '../../common/require-permission';
import { ToCurrentPool } from '../pools/to-current-pool';
import { IdpCreate } from './idp-create';
import { IdpEdit } from './idp-edit';
import { IdpList } from './idp-list';
import { IdpShow } from './idp-show';

/**
 * Identity providers belong to a user pool: their screens live in the pool's URL,
 * `#/pools/<poolId>/identity-providers/<name>/show` (see App.tsx, like users). The top-level resource is
 * its definition (label, icon) and sends `#/identity-providers` to the current pool. Create and edit are
 * mounted only for identity-providers.write, so a read-only role never requests what it cannot do.
 */
const guard = (permission: Permission, title: string, screen: () => ReactElement | null) =>
  function Guarded() {
    return createElement(RequirePermission, { permission, title, children: createElement(screen) });
  };

export const identityProvidersResource = {
  name: 'identity-providers',
  list: ToCurrentPool,
  hasCreate: true,
  hasEdit: true,
  hasShow: true,
  icon: AccountTreeIcon,
  options: { label: 'Identity providers' },
  recordRepresentation: 'name',
} as const;

/** The screens of one pool's identity providers. */
export const identityProviderScreens = {
  list: guard('identity-providers.read', 'Identity providers', IdpList),
  show: guard('identity-providers.read', 'Identity provider', IdpShow),
  create: guard('identity-providers.write', 'Add an identity provider', IdpCreate),
  edit: guard('identity-providers.write', 'Edit identity provider', IdpEdit),
} as const;

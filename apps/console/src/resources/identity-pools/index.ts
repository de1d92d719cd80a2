import { createElement } from 'react';
import HubIcon from '@mui/icons-material/Hub';
import { RequirePermission } from '../../common/require-permission';
import { IdentityPoolList } from './identity-pool-list';
import { IdentityPoolShow } from './identity-pool-show';

/**
 * Identity pools live at the top level, `#/identity-pools/<identityPoolId>/show`, not under a user pool's
 * `#/pools/<poolId>/…`: an identity pool is its own AWS resource, it may federate several user pools (and
 * social, OIDC, SAML providers), and the API addresses it as `/identity-pools/:id`. The address still names
 * what is shown (the identity pool's id), so a pasted link opens the same pool; the user pool an identity
 * pool links to comes from its providers, never from the pool switcher.
 */
const guard = (children: ReturnType<typeof createElement>, title: string) =>
  createElement(RequirePermission, { permission: 'identity-pools.read', title, children });

function IdentityPoolsScreen() {
  return guard(createElement(IdentityPoolList), 'Identity pools');
}

function IdentityPoolScreen() {
  return guard(createElement(IdentityPoolShow), 'Identity pool');
}

export const identityPoolsResource = {
  name: 'identity-pools',
  list: IdentityPoolsScreen,
  show: IdentityPoolScreen,
  icon: HubIcon,
  options: { label: 'Identity pools' },
  recordRepresentation: 'name',
} as const;

/**
 * The console's data provider: one small provider per resource, combined with react-admin's
 * `combineDataProviders`. A new resource adds its provider file and one entry here.
 */
import { combineDataProviders, type DataProvider } from 'react-admin';
import { auditEventsProvider } from '../resources/audit-events/audit-events-provider';
import {
  iamRolesProvider,
  identityPoolRolesProvider,
  identityPoolsProvider,
} from '../resources/identity-pools/identity-pools-provider';
import {
  groupMembersProvider,
  groupsProvider,
  userGroupsProvider,
} from '../resources/groups/groups-provider';
import { poolMfaConfigProvider, userMfaProvider } from '../resources/mfa/mfa-provider';
import {
  appClientsProvider,
  identityProvidersProvider,
} from '../resources/identity-providers/identity-providers-provider';
import { poolsProvider } from '../resources/pools/pools-provider';
import { usersProvider } from '../resources/users/users-provider';
import { signInHistoryProvider } from '../resources/users/sign-in-history-provider';

const providers: Record<string, DataProvider> = {
  users: usersProvider,
  pools: poolsProvider,
  'audit-events': auditEventsProvider,
  'identity-pools': identityPoolsProvider,
  'identity-pool-roles': identityPoolRolesProvider,
  'iam-roles': iamRolesProvider,
  'identity-providers': identityProvidersProvider,
  'app-clients': appClientsProvider,
  groups: groupsProvider,
  'group-members': groupMembersProvider,
  'user-groups': userGroupsProvider,
  'sign-in-history': signInHistoryProvider,
  'pool-mfa-config': poolMfaConfigProvider,
  'user-mfa': userMfaProvider,
};

export const dataProvider = combineDataProviders((resource) => {
  const provider = Object.hasOwn(providers, resource) ? providers[resource] : undefined;
  if (!provider) throw new Error(`The console has no data provider for "${resource}".`);
  return provider;
});

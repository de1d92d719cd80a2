import { createIdpClient } from './client';
import { listGroupsForUser } from './groups';
import { describeUserPool, listUserPools } from './pools';
import type { CognitoGateway, GatewayConfig } from './types';
import {
  createUser,
  deleteUserAttributes,
  getUser,
  listUsers,
  runUserAction,
  setUserPassword,
  updateUserAttributes,
} from './users';

/** The gateway over one cognito-idp client. Every method throws only GatewayError. */
export function createCognitoGateway(config: GatewayConfig): CognitoGateway {
  const client = createIdpClient(config);
  return {
    listUserPools: () => listUserPools(client),
    describeUserPool: (poolId) => describeUserPool(client, poolId),
    listUsers: (input) => listUsers(client, input),
    getUser: (poolId, username) => getUser(client, poolId, username),
    listGroupsForUser: (poolId, username) => listGroupsForUser(client, poolId, username),
    createUser: (input) => createUser(client, input),
    updateUserAttributes: (poolId, username, attributes) =>
      updateUserAttributes(client, poolId, username, attributes),
    deleteUserAttributes: (poolId, username, names) => deleteUserAttributes(client, poolId, username, names),
    disableUser: (poolId, username) => runUserAction(client, 'disableUser', poolId, username),
    enableUser: (poolId, username) => runUserAction(client, 'enableUser', poolId, username),
    deleteUser: (poolId, username) => runUserAction(client, 'deleteUser', poolId, username),
    resetUserPassword: (poolId, username) => runUserAction(client, 'resetUserPassword', poolId, username),
    setUserPassword: (poolId, username, password, permanent) =>
      setUserPassword(client, poolId, username, password, permanent),
    globalSignOut: (poolId, username) => runUserAction(client, 'globalSignOut', poolId, username),
    destroy: () => client.destroy(),
  };
}

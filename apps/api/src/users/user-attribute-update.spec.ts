import { describe, expect, it } from '@jest/globals';
import { GatewayError } from '@poolkeeper/cognito-gateway';
import { FakeGateway } from '../test-support/fake-gateway';
import { applyAttributeChanges } from './user-attribute-update';

const pool = { id: 'us-east-1_Test1', name: 'Test', estimatedNumberOfUsers: 1, customAttributes: [] };

function gatewayWithUser() {
  const gateway = new FakeGateway([pool]);
  gateway.addUsers(pool.id, [{ username: 'ann', attributes: { given_name: 'Ann', nickname: 'annie' } }]);
  return gateway;
}

describe('applyAttributeChanges', () => {
  it('sets then removes, keeping both AWS request ids', async () => {
    const gateway = gatewayWithUser();
    const result = await applyAttributeChanges(gateway, pool.id, 'ann', { given_name: 'Anna' }, ['nickname']);
    expect(gateway.users.get(pool.id)![0]!.attributes).toEqual({ given_name: 'Anna' });
    expect(result.requestId?.split(',')).toHaveLength(2);
  });

  it('puts the set attributes back when the removal fails, so nothing is half-applied', async () => {
    const gateway = gatewayWithUser();
    let deletes = 0;
    const realDelete = gateway.deleteUserAttributes.bind(gateway);
    gateway.deleteUserAttributes = async (poolId, username, names) => {
      if (deletes++ === 0)
        throw new GatewayError('INVALID_PARAMETER', 'cannot remove a required attribute', 'X', 'r');
      return realDelete(poolId, username, names);
    };
    await expect(
      applyAttributeChanges(gateway, pool.id, 'ann', { given_name: 'Anna', locale: 'fr' }, ['nickname']),
    ).rejects.toMatchObject({ code: 'INVALID_PARAMETER' });
    expect(gateway.users.get(pool.id)![0]!.attributes).toEqual({ given_name: 'Ann', nickname: 'annie' });
  });
});

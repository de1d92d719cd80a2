import { describe, expect, it } from '@jest/globals';
import { GatewayError, readsOf, writesOf } from '@poolkeeper/cognito-gateway';
import { AppError } from '../errors/app-error';
import { FakeCognito } from '../test-support/fake-gateway';
import { applyAttributeChanges } from './user-attribute-update';

const pool = { id: 'us-east-1_Test1', name: 'Test', estimatedNumberOfUsers: 1, customAttributes: [] };

/** A fake Cognito holding ann, and the reads and writes an audit scope would hand out (request ids kept). */
function cognitoWithUser() {
  const fake = new FakeCognito([pool], 'us-east-1_Operators');
  fake.addUsers(pool.id, [{ username: 'ann', attributes: { given_name: 'Ann', nickname: 'annie' } }]);
  const requestIds: string[] = [];
  const writes = writesOf(fake.gateway, {
    before: () => undefined,
    after: (id) => {
      if (id) requestIds.push(id);
    },
  });
  return { fake, reads: readsOf(fake.gateway), writes, requestIds };
}

/** Makes the fake's deleteUserAttributes fail the first `times` calls. */
function failDeletes(fake: FakeCognito, times: number, error: () => Error) {
  let deletes = 0;
  const real = fake.gateway.users.deleteUserAttributes;
  (fake.gateway.users as { deleteUserAttributes: typeof real }).deleteUserAttributes = async (...args) => {
    if (deletes++ < times) throw error();
    return real(...args);
  };
}

function failUpdatesAfter(fake: FakeCognito, ok: number, error: () => Error) {
  let updates = 0;
  const real = fake.gateway.users.updateUserAttributes;
  (fake.gateway.users as { updateUserAttributes: typeof real }).updateUserAttributes = async (...args) => {
    if (updates++ >= ok) throw error();
    return real(...args);
  };
}

const invalid = () => new GatewayError('INVALID_PARAMETER', 'cannot remove a required attribute', 'X', 'r');

describe('applyAttributeChanges', () => {
  it('sets then removes, keeping both AWS request ids', async () => {
    const { fake, reads, writes, requestIds } = cognitoWithUser();
    await applyAttributeChanges(reads, writes, pool.id, 'ann', { given_name: 'Anna' }, ['nickname']);
    expect(fake.users.get(pool.id)![0]!.attributes).toEqual({ given_name: 'Anna' });
    expect(requestIds).toHaveLength(2);
  });

  it('puts the set attributes back when the removal fails, so nothing is half-applied', async () => {
    const { fake, reads, writes } = cognitoWithUser();
    failDeletes(fake, 1, invalid);
    await expect(
      applyAttributeChanges(reads, writes, pool.id, 'ann', { given_name: 'Anna', locale: 'fr' }, [
        'nickname',
      ]),
    ).rejects.toMatchObject({ code: 'INVALID_PARAMETER' });
    expect(fake.users.get(pool.id)![0]!.attributes).toEqual({ given_name: 'Ann', nickname: 'annie' });
  });

  it('when putting back fails too, the original error is kept and says the user may be partly updated', async () => {
    const { fake, reads, writes } = cognitoWithUser();
    failDeletes(fake, 1, invalid);
    failUpdatesAfter(
      fake,
      1,
      () => new GatewayError('COGNITO_UNAVAILABLE', 'Cognito could not be reached.', null, null),
    );
    const error = await applyAttributeChanges(reads, writes, pool.id, 'ann', { given_name: 'Anna' }, [
      'nickname',
    ]).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: 'INVALID_PARAMETER',
      details: { partiallyApplied: true, setAttributes: ['given_name'], undoError: 'COGNITO_UNAVAILABLE' },
    });
    expect((error as Error).message).toMatch(/^cannot remove a required attribute\. /);
    expect((error as Error).message).toMatch(/may be partly updated/);
    expect(fake.users.get(pool.id)![0]!.attributes.given_name).toBe('Anna');
  });
});

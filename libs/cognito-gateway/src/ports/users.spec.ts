import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from '@jest/globals';
import { listUsers, runUserAction } from './users';

/** A stand-in for the SDK client (not our code): records commands and answers with `reply`. */
function fakeClient(reply: () => unknown) {
  const sent: Array<{ name: string; input: unknown }> = [];
  const client = {
    send: async (command: { constructor: { name: string }; input: unknown }) => {
      sent.push({ name: command.constructor.name, input: command.input });
      return reply();
    },
  } as unknown as CognitoIdentityProviderClient;
  return { client, sent };
}

describe('listUsers (no AWS call for bad input)', () => {
  it('rejects a disallowed filter attribute before calling AWS', async () => {
    const { client, sent } = fakeClient(() => ({ Users: [] }));
    await expect(
      listUsers(client, {
        poolId: 'p',
        limit: 10,
        filter: { attribute: 'custom:tenant', match: 'exact', value: 'a' },
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(sent).toHaveLength(0);
  });

  it.each([0, 61, 1.5, Number.NaN])('rejects limit %p before calling AWS', async (limit) => {
    const { client, sent } = fakeClient(() => ({ Users: [] }));
    await expect(listUsers(client, { poolId: 'p', limit })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect(sent).toHaveLength(0);
  });

  it('sends the escaped filter, limit and token, and returns null at the end', async () => {
    const { client, sent } = fakeClient(() => ({ Users: [{ Username: 'a' }], PaginationToken: '' }));
    const page = await listUsers(client, {
      poolId: 'p',
      limit: 60,
      paginationToken: 'tok',
      filter: { attribute: 'email', match: 'prefix', value: 'o"b' },
    });
    expect(sent[0]).toEqual({
      name: 'ListUsersCommand',
      input: { UserPoolId: 'p', Limit: 60, Filter: 'email ^= "o\\"b"', PaginationToken: 'tok' },
    });
    expect(page.nextToken).toBeNull();
    expect(page.items.map((u) => u.username)).toEqual(['a']);
  });
});

describe('runUserAction', () => {
  it('returns the request id from $metadata, or null', async () => {
    const withId = fakeClient(() => ({ $metadata: { requestId: 'r-1' } }));
    expect(await runUserAction(withId.client, 'disableUser', 'p', 'u')).toEqual({
      value: undefined,
      requestId: 'r-1',
    });
    expect(withId.sent[0]?.name).toBe('AdminDisableUserCommand');
    const without = fakeClient(() => ({ $metadata: {} }));
    expect((await runUserAction(without.client, 'deleteUser', 'p', 'u')).requestId).toBeNull();
  });
});

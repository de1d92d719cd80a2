import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { POOL, type TestApp, startTestApp } from '../test-support/test-app';

/** Machine (client-credentials) callers: permissions come from `poolkeeper/<permission>` scopes only. */
describe('groups routes for a machine client (fake gateway)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());
  beforeEach(() => {
    t.gateway.users.set(POOL, []);
    t.gateway.addUsers(POOL, [{ username: 'alice' }]);
    t.store.events = [];
  });
  const machine = (scope: string) => t.token([], { username: undefined, 'cognito:groups': undefined, scope });
  const groups = `/api/pools/${POOL}/groups`;

  it('groups.read reads but cannot change; groups.members changes membership only', async () => {
    const reader = machine('poolkeeper/groups.read');
    expect((await t.call('GET', groups, { token: reader })).status).toBe(200);
    expect((await t.call('GET', `${groups}/staff/members`, { token: reader })).status).toBe(200);
    expect((await t.call('POST', groups, { token: reader, body: { groupName: 'x' } })).status).toBe(403);
    expect((await t.call('PUT', `${groups}/staff/members/alice`, { token: reader })).status).toBe(403);
    const members = machine('poolkeeper/groups.members');
    expect((await t.call('GET', groups, { token: members })).status).toBe(403);
    expect(
      (await t.call('PATCH', `${groups}/staff`, { token: members, body: { precedence: 1 } })).status,
    ).toBe(403);
    expect((await t.call('DELETE', `${groups}/staff/members/alice`, { token: members })).status).toBe(204);
    expect(t.store.events.map((e) => [e.action, e.outcome, e.actor.kind])).toEqual([
      ['group.remove-member', 'attempted', 'machine'],
      ['group.remove-member', 'succeeded', 'machine'],
    ]);
  });
});

import { describe, expect, it } from '@jest/globals';
import { auditFilterOfUser, userOfEvent } from './audit-subject';

describe('userOfEvent', () => {
  it('names the user of a user action in its pool', () => {
    expect(userOfEvent({ action: 'user.disable', poolId: 'eu-west-1_A1', target: 'ana' })).toEqual({
      poolId: 'eu-west-1_A1',
      username: 'ana',
    });
  });

  it('names nobody without a pool, a target, or for an action on something else', () => {
    expect(userOfEvent({ action: 'user.disable', poolId: null, target: 'ana' })).toBeNull();
    expect(userOfEvent({ action: 'user.disable', poolId: 'eu-west-1_A1', target: null })).toBeNull();
    expect(userOfEvent({ action: 'group.create', poolId: 'eu-west-1_A1', target: 'staff' })).toBeNull();
  });

  it("filters the audit log to one user's history", () => {
    expect(auditFilterOfUser({ poolId: 'eu-west-1_A1', username: 'ana' })).toEqual({
      poolId: 'eu-west-1_A1',
      target: 'ana',
    });
  });
});

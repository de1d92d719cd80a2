import { describe, expect, it } from '@jest/globals';
import { auditFilterOfUser, describeTargets, userOfEvent } from './audit-subject';

const user = (id: string) => ({ type: 'user' as const, id });
const group = (id: string) => ({ type: 'group' as const, id });

describe('userOfEvent', () => {
  it('names the user of a user action in its pool', () => {
    expect(userOfEvent({ poolId: 'eu-west-1_A1', targets: [user('ana')] })).toEqual({
      poolId: 'eu-west-1_A1',
      username: 'ana',
    });
  });

  it('finds the user among several targets (a group and a user)', () => {
    expect(userOfEvent({ poolId: 'eu-west-1_A1', targets: [group('staff'), user('ana')] })).toEqual({
      poolId: 'eu-west-1_A1',
      username: 'ana',
    });
  });

  it('names nobody without a pool, without targets, or for an action on something else', () => {
    expect(userOfEvent({ poolId: null, targets: [user('ana')] })).toBeNull();
    expect(userOfEvent({ poolId: 'eu-west-1_A1', targets: [] })).toBeNull();
    expect(userOfEvent({ poolId: 'eu-west-1_A1', targets: [group('staff')] })).toBeNull();
  });

  it('describes targets for people', () => {
    expect(describeTargets([group('staff'), user('ana')])).toBe('group staff, user ana');
    expect(describeTargets([])).toBe('—');
  });

  it("filters the audit log to one user's history", () => {
    expect(auditFilterOfUser({ poolId: 'eu-west-1_A1', username: 'ana' })).toEqual({
      poolId: 'eu-west-1_A1',
      target: 'ana',
    });
  });
});

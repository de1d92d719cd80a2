import { describe, expect, it } from '@jest/globals';
import { tokenRolesFor } from '@poolkeeper/contract';
import { explainTokenRole } from './token-role';

const A = 'arn:aws:iam::123456789012:role/Alpha';
const B = 'arn:aws:iam::123456789012:role/Beta';
const group = (groupName: string, precedence: number | null, roleArn: string | null) => ({
  groupName,
  precedence,
  roleArn,
});
const explain = (groups: ReturnType<typeof group>[]) => explainTokenRole(groups, tokenRolesFor(groups));

describe('explainTokenRole', () => {
  it('says no role when no group has one', () => {
    expect(explain([])).toEqual({ kind: 'no-role' });
    expect(explain([group('plain', 1, null)])).toEqual({ kind: 'no-role' });
  });

  it('names the lowest-precedence group as the source of the preferred role', () => {
    expect(explain([group('editors', 5, B), group('admins', 1, A), group('none', 0, null)])).toEqual({
      kind: 'preferred',
      role: A,
      groups: ['admins'],
      precedence: 1,
    });
  });

  it('ranks a group without precedence after every number', () => {
    expect(explain([group('unranked', null, A), group('ranked', 9, B)])).toMatchObject({
      kind: 'preferred',
      role: B,
      groups: ['ranked'],
    });
  });

  it('keeps the preferred role when the tied best groups carry the same role', () => {
    expect(explain([group('one', 2, A), group('two', 2, A), group('three', 3, B)])).toEqual({
      kind: 'preferred',
      role: A,
      groups: ['one', 'two'],
      precedence: 2,
    });
  });

  it('reports the tie when the best groups share a precedence but not a role (no preferred role)', () => {
    expect(explain([group('one', 2, A), group('two', 2, B), group('three', 7, B)])).toEqual({
      kind: 'tie',
      groups: ['one', 'two'],
      precedence: 2,
      roles: [A, B],
    });
  });
});

import { describe, expect, it } from '@jest/globals';
import { createUserBodySchema, updateUserBodySchema } from './users';

const issuesOf = (result: {
  success: boolean;
  error?: { issues: Array<{ path: PropertyKey[]; message: string }> };
}) => result.error?.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })) ?? [];

describe('attribute values with a format Cognito checks', () => {
  it('names the attribute whose email or phone number Cognito would refuse', () => {
    const result = createUserBodySchema.safeParse({
      username: 'ana',
      attributes: { email: 'ana at example.com', phone_number: '0044 20 7946 0000' },
    });
    expect(issuesOf(result)).toEqual([
      { path: 'attributes.email', message: 'must be an email address, such as ana@example.com' },
      { path: 'attributes.phone_number', message: 'must be in international format, such as +14155550100' },
    ]);
  });

  it('accepts well-formed values, other attributes as they are, and the same rules in an update', () => {
    const attributes = { email: 'ana@example.com', phone_number: '+14155550100', name: 'anything @ all' };
    expect(createUserBodySchema.safeParse({ username: 'ana', attributes }).success).toBe(true);
    expect(issuesOf(updateUserBodySchema.safeParse({ set: { phone_number: '+1 415' } }))).toEqual([
      { path: 'set.phone_number', message: 'must be in international format, such as +14155550100' },
    ]);
  });

  it('is not fooled by attribute names that are object members', () => {
    const result = createUserBodySchema.safeParse({
      username: 'ana',
      attributes: { constructor: 'x', toString: 'y' },
    });
    expect(result.success).toBe(true);
  });
});

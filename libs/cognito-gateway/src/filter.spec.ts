import { describe, expect, it } from '@jest/globals';
import { buildUserFilter, escapeFilterValue, filterableAttributes } from './filter';
import { GatewayError, type UserFilter } from './types';

function failure(filter: UserFilter): GatewayError {
  try {
    buildUserFilter(filter);
  } catch (err) {
    if (err instanceof GatewayError) return err;
    throw err;
  }
  throw new Error('expected buildUserFilter to throw');
}

describe('buildUserFilter', () => {
  it('builds prefix and exact filters', () => {
    expect(buildUserFilter({ attribute: 'email', match: 'prefix', value: 'jo' })).toBe('email ^= "jo"');
    expect(buildUserFilter({ attribute: 'username', match: 'exact', value: 'jo' })).toBe('username = "jo"');
  });

  it.each(filterableAttributes.map((a) => [a]))('accepts %s', (attribute) => {
    expect(buildUserFilter({ attribute, match: 'exact', value: 'x' })).toBe(`${attribute} = "x"`);
  });

  it('escapes a double quote so it cannot close the literal', () => {
    const built = buildUserFilter({ attribute: 'email', match: 'prefix', value: 'a" or email ^= "' });
    expect(built).toBe('email ^= "a\\" or email ^= \\""');
  });

  it('escapes backslashes before quotes, so a trailing backslash cannot escape the closing quote', () => {
    expect(buildUserFilter({ attribute: 'name', match: 'exact', value: 'a\\' })).toBe('name = "a\\\\"');
    expect(buildUserFilter({ attribute: 'name', match: 'exact', value: '\\"' })).toBe('name = "\\\\\\""');
  });

  it('leaves apostrophes alone', () => {
    expect(buildUserFilter({ attribute: 'family_name', match: 'exact', value: "O'Brien" })).toBe(
      'family_name = "O\'Brien"',
    );
  });

  it('passes unicode through unchanged', () => {
    for (const value of ['Zoë', 'Ærøskøbing', '山田', 'José 🙂', 'e\u0301']) {
      expect(buildUserFilter({ attribute: 'given_name', match: 'prefix', value })).toBe(
        `given_name ^= "${value}"`,
      );
    }
  });

  it('keeps the value one literal for any input (unescaped quotes only at the ends)', () => {
    const samples = ['"', '\\', '\\\\"', '"\\"', 'a"b\\c"', '""""', '\\\\\\'];
    for (const value of samples) {
      const built = buildUserFilter({ attribute: 'email', match: 'exact', value });
      const literal = built.slice('email = '.length);
      // Reading the literal back with JSON rules recovers exactly the typed value.
      expect(JSON.parse(literal)).toBe(value);
    }
  });

  it('rejects attributes Cognito cannot filter on, including custom ones', () => {
    for (const attribute of [
      'custom:tenant',
      'Email',
      'email_verified',
      'address',
      'email ^= "x" or sub',
      '',
    ]) {
      const err = failure({ attribute, match: 'prefix', value: 'x' });
      expect(err.code).toBe('VALIDATION_FAILED');
      expect(err.awsErrorName).toBeNull();
    }
  });

  it('rejects control characters instead of stripping them', () => {
    for (const value of ['a\nb', 'a\tb', 'a\u0000', '\r', 'x\u007f', 'x\u0085', 'x\u2028']) {
      expect(failure({ attribute: 'email', match: 'prefix', value }).code).toBe('VALIDATION_FAILED');
    }
  });

  it('rejects an empty value, an unknown match and an over-long filter', () => {
    expect(failure({ attribute: 'email', match: 'prefix', value: '' }).code).toBe('VALIDATION_FAILED');
    expect(failure({ attribute: 'email', match: 'contains' as 'prefix', value: 'x' }).code).toBe(
      'VALIDATION_FAILED',
    );
    expect(failure({ attribute: 'email', match: 'exact', value: 'x'.repeat(250) }).code).toBe(
      'VALIDATION_FAILED',
    );
    expect(buildUserFilter({ attribute: 'email', match: 'exact', value: 'x'.repeat(246) })).toHaveLength(256);
  });
});

describe('escapeFilterValue', () => {
  it('escapes only backslash and double quote', () => {
    expect(escapeFilterValue('plain')).toBe('plain');
    expect(escapeFilterValue('a"b')).toBe('a\\"b');
    expect(escapeFilterValue('a\\b')).toBe('a\\\\b');
  });
});

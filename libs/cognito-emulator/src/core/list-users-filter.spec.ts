import { describe, expect, it } from '@jest/globals';
import { matchesUserFilter, parseUserFilter } from './list-users-filter';

describe('parseUserFilter', () => {
  it('parses = and ^= with optional whitespace', () => {
    expect(parseUserFilter('email = "a@b.c"')).toEqual({ attribute: 'email', operator: '=', value: 'a@b.c' });
    expect(parseUserFilter('email="a@b.c"')).toEqual({ attribute: 'email', operator: '=', value: 'a@b.c' });
    expect(parseUserFilter('  given_name ^=   "Jo"  ')).toEqual({
      attribute: 'given_name',
      operator: '^=',
      value: 'Jo',
    });
    expect(parseUserFilter('cognito:user_status = "CONFIRMED"')?.attribute).toBe('cognito:user_status');
    expect(parseUserFilter('email = ""')).toEqual({ attribute: 'email', operator: '=', value: '' });
  });

  it('treats an empty or blank filter as none', () => {
    expect(parseUserFilter(undefined)).toBeUndefined();
    expect(parseUserFilter('')).toBeUndefined();
    expect(parseUserFilter('   ')).toBeUndefined();
  });

  it('honours \\" and \\\\ escapes and keeps other characters literally', () => {
    expect(parseUserFilter('name = "Sam \\"The Man\\" Lee"')?.value).toBe('Sam "The Man" Lee');
    expect(parseUserFilter('family_name = "Back\\\\Slash"')?.value).toBe('Back\\Slash');
    expect(parseUserFilter(`family_name = "O'Brien"`)?.value).toBe("O'Brien");
    expect(parseUserFilter('email ^= "a+b="')?.value).toBe('a+b=');
  });

  it.each([
    'custom:tenant = "x"',
    'locale = "en"',
    'Email = "x"',
    'email',
    'email =',
    'email = x',
    "email = 'x'",
    'email = "x',
    'email = "x" extra',
    'email != "x"',
    'email = "bad\\n"',
    'email = "trailing\\',
  ])('rejects %s with InvalidParameterException', (filter) => {
    expect(() => parseUserFilter(filter)).toThrow(
      expect.objectContaining({ type: 'InvalidParameterException' }),
    );
  });
});

describe('matchesUserFilter', () => {
  const user = {
    username: 'Olivia.Martin',
    enabled: false,
    status: 'CONFIRMED',
    sub: 'abc-123',
    attributes: { email: 'Olivia@Example.com', name: 'Olivia' },
  };
  const m = (f: string) => matchesUserFilter(user, parseUserFilter(f)!);

  it('matches usernames case-insensitively, other attributes exactly', () => {
    expect(m('username = "olivia.martin"')).toBe(true);
    expect(m('username ^= "OLIV"')).toBe(true);
    expect(m('email = "Olivia@Example.com"')).toBe(true);
    expect(m('email = "olivia@example.com"')).toBe(false);
    expect(m('email ^= "Olivia@"')).toBe(true);
    expect(m('phone_number ^= ""')).toBe(false);
  });

  it('maps status to Enabled/Disabled and cognito:user_status case-insensitively', () => {
    expect(m('status = "Disabled"')).toBe(true);
    expect(m('status = "Enabled"')).toBe(false);
    expect(m('cognito:user_status = "confirmed"')).toBe(true);
    expect(m('sub = "abc-123"')).toBe(true);
  });
});

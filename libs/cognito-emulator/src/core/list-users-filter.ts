import { invalidParameter } from './errors';

/** Attributes ListUsers can filter on (custom attributes are not searchable). */
export const FILTERABLE_ATTRIBUTES = [
  'username',
  'email',
  'phone_number',
  'name',
  'given_name',
  'family_name',
  'preferred_username',
  'cognito:user_status',
  'status',
  'sub',
] as const;

export type FilterAttribute = (typeof FILTERABLE_ATTRIBUTES)[number];

export interface UserFilter {
  attribute: FilterAttribute;
  operator: '=' | '^=';
  value: string;
}

const invalid = (detail: string) => invalidParameter(`Invalid search filter: ${detail}`);

/**
 * Parses a ListUsers filter: `attr = "value"` or `attr ^= "value"`, whitespace optional around the operator,
 * the value in double quotes with `\"` and `\\` escapes. An empty (or blank) filter means no filter.
 */
export function parseUserFilter(filter: string | undefined): UserFilter | undefined {
  if (filter === undefined || filter.trim() === '') return undefined;
  const head = /^\s*([A-Za-z_:]+)\s*(\^=|=)\s*"/.exec(filter);
  if (!head) throw invalid(`expected 'attribute = "value"' or 'attribute ^= "value"'`);
  const attribute = head[1] as string;
  const operator = head[2] as '=' | '^=';
  if (!(FILTERABLE_ATTRIBUTES as readonly string[]).includes(attribute)) {
    throw invalid(`attribute '${attribute}' is not searchable`);
  }
  let value = '';
  let i = head[0].length;
  for (;;) {
    const c = filter[i];
    if (c === undefined) throw invalid('unterminated quoted value');
    if (c === '"') break;
    if (c === '\\') {
      const next = filter[i + 1];
      if (next !== '"' && next !== '\\') throw invalid('only \\" and \\\\ escapes are allowed');
      value += next;
      i += 2;
      continue;
    }
    value += c;
    i++;
  }
  if (filter.slice(i + 1).trim() !== '') throw invalid('unexpected text after the quoted value');
  return { attribute: attribute as FilterAttribute, operator, value };
}

export interface FilterableUser {
  username: string;
  enabled: boolean;
  status: string;
  sub: string;
  attributes: Record<string, string>;
}

/** Whether a user matches; usernames and cognito:user_status compare case-insensitively. */
export function matchesUserFilter(user: FilterableUser, f: UserFilter): boolean {
  let actual: string | undefined;
  let value = f.value;
  switch (f.attribute) {
    case 'username':
      actual = user.username.toLowerCase();
      value = value.toLowerCase();
      break;
    case 'cognito:user_status':
      actual = user.status.toLowerCase();
      value = value.toLowerCase();
      break;
    case 'status':
      actual = user.enabled ? 'Enabled' : 'Disabled';
      break;
    case 'sub':
      actual = user.sub;
      break;
    default:
      actual = user.attributes[f.attribute];
  }
  if (actual === undefined) return false;
  return f.operator === '=' ? actual === value : actual.startsWith(value);
}

import { searchableAttributes } from '@poolkeeper/contract';
import { GatewayError, type UserFilter } from './types';

/**
 * The attributes ListUsers can filter on (API reference, ListUsers `Filter`): the searchable standard
 * attributes plus the two status attributes. Custom attributes cannot be filtered on.
 */
export const filterableAttributes = [...searchableAttributes, 'cognito:user_status', 'status'] as const;
export type FilterableAttribute = (typeof filterableAttributes)[number];

/** Cognito's limit on the whole `Filter` string. */
export const MAX_FILTER_LENGTH = 256;

// C0 and C1 control characters, DEL, and the Unicode line/paragraph separators.
// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

function invalid(message: string): GatewayError {
  return new GatewayError('VALIDATION_FAILED', message, null, null);
}

export function isFilterableAttribute(name: string): name is FilterableAttribute {
  return (filterableAttributes as readonly string[]).includes(name);
}

/** Escapes a value for the inside of a double-quoted filter literal: `\` → `\\`, `"` → `\"`. */
export function escapeFilterValue(value: string): string {
  return value.replace(/[\\"]/g, (ch) => `\\${ch}`);
}

/**
 * Builds a ListUsers `Filter` such as `email ^= "jo"` from a typed filter.
 *
 * The value is always one double-quoted literal: backslashes and quotes are escaped, so nothing typed into
 * a search box can close the literal or add another condition. Control characters (newline, tab, NUL, …)
 * are rejected rather than stripped: stripping would silently search for something the operator did not
 * type (edges are already trimmed by the contract schema). Empty values are rejected too (`=` "" matches
 * nothing, `^=` "" is not a search — leave the filter out instead). Nothing here calls AWS.
 *
 * @throws GatewayError VALIDATION_FAILED for an attribute Cognito cannot filter on, an empty value, a
 *   control character, or a filter longer than Cognito accepts (256 characters).
 */
export function buildUserFilter(filter: UserFilter): string {
  const { attribute, match, value } = filter;
  if (!isFilterableAttribute(attribute)) {
    throw invalid(
      `Users cannot be searched by "${attribute}". Use one of: ${filterableAttributes.join(', ')}.`,
    );
  }
  if (match !== 'exact' && match !== 'prefix') {
    throw invalid('Search match must be "exact" or "prefix".');
  }
  if (typeof value !== 'string' || value.length === 0) {
    throw invalid('Search value must not be empty.');
  }
  if (controlCharacters.test(value)) {
    throw invalid('Search value must not contain control characters such as tabs or line breaks.');
  }
  const operator = match === 'exact' ? '=' : '^=';
  const built = `${attribute} ${operator} "${escapeFilterValue(value)}"`;
  if (built.length > MAX_FILTER_LENGTH) {
    throw invalid('Search value is too long.');
  }
  return built;
}

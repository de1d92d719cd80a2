/**
 * Cognito's standard user attributes: every user pool has them (OIDC standard claims plus `sub` and
 * `identities`); anything else in a pool's schema is custom and spelled `custom:<name>` in admin calls.
 * Source: Cognito developer guide, "Working with user attributes" → standard attributes.
 */
export const standardAttributeNames = [
  'sub',
  'name',
  'given_name',
  'family_name',
  'middle_name',
  'nickname',
  'preferred_username',
  'profile',
  'picture',
  'website',
  'email',
  'email_verified',
  'gender',
  'birthdate',
  'zoneinfo',
  'locale',
  'phone_number',
  'phone_number_verified',
  'address',
  'updated_at',
  'identities',
] as const;
export type StandardAttributeName = (typeof standardAttributeNames)[number];

const standard: ReadonlySet<string> = new Set(standardAttributeNames);

export function isStandardAttribute(name: string): name is StandardAttributeName {
  return standard.has(name);
}

/**
 * Schema attribute name → the name admin calls use, or null for a standard attribute. DescribeUserPool spells
 * custom attributes `custom:tenant` (developer-only ones `dev:custom:x`); a bare non-standard name is treated as
 * custom and given the prefix.
 */
export function customAttributeName(schemaName: string): string | null {
  if (schemaName.startsWith('custom:') || schemaName.startsWith('dev:custom:')) return schemaName;
  if (isStandardAttribute(schemaName)) return null;
  return `custom:${schemaName}`;
}

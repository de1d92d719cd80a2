/**
 * The one place that turns the user form into API bodies: Create builds `createUserBodySchema`, Edit a
 * `{ set, remove }` diff against the record it started from. Create and Edit share the inputs too
 * (user-inputs.tsx); neither copies the other.
 */
import type { CreateUserBody, UpdateUserBody } from '@poolkeeper/contract';

/** Standard attributes the console edits, in display order. */
export const standardAttributes = [
  { name: 'email', label: 'Email', inputMode: 'email' },
  { name: 'phone_number', label: 'Phone number', inputMode: 'tel' },
  { name: 'name', label: 'Name', inputMode: 'text' },
  { name: 'given_name', label: 'Given name', inputMode: 'text' },
  { name: 'family_name', label: 'Family name', inputMode: 'text' },
  { name: 'preferred_username', label: 'Preferred username', inputMode: 'text' },
] as const;

/** Cognito spells custom attributes `custom:<name>`; pools may list them either way. */
export function customAttributeName(name: string): string {
  return name.startsWith('custom:') ? name : `custom:${name}`;
}

export function editableAttributeNames(customAttributes: readonly string[]): string[] {
  return [
    ...standardAttributes.map((attribute) => attribute.name),
    ...customAttributes.map(customAttributeName),
  ];
}

export interface UserFormValues {
  username?: string;
  attributes?: Record<string, string | null | undefined>;
  temporaryPassword?: string | null;
  delivery?: 'send' | 'suppress';
  deliveryMediums?: Array<'EMAIL' | 'SMS'>;
  reason?: string | null;
}

function clean(value: string | null | undefined): string {
  return typeof value === 'string' ? value.trim() : '';
}

function reasonOf(values: UserFormValues): { reason?: string } {
  const reason = clean(values.reason);
  return reason ? { reason } : {};
}

export function toCreateBody(values: UserFormValues, editable: readonly string[]): CreateUserBody {
  const attributes: Record<string, string> = {};
  for (const name of editable) {
    const value = clean(values.attributes?.[name]);
    if (value) attributes[name] = value;
  }
  const temporaryPassword = values.temporaryPassword ? values.temporaryPassword : undefined;
  const delivery = values.delivery ?? 'suppress';
  const deliveryMediums: Array<'EMAIL' | 'SMS'> = values.deliveryMediums?.length
    ? values.deliveryMediums
    : ['EMAIL'];
  return {
    username: clean(values.username),
    attributes,
    ...(temporaryPassword ? { temporaryPassword } : {}),
    delivery,
    deliveryMediums,
    ...reasonOf(values),
  };
}

/** The changes between the record's attributes and the form's, limited to what the form edits. */
export function toUpdateBody(
  values: UserFormValues,
  previous: Record<string, string> | undefined,
  editable: readonly string[],
): UpdateUserBody {
  const set: Record<string, string> = {};
  const remove: string[] = [];
  for (const name of editable) {
    const before = previous?.[name] ?? '';
    const after = clean(values.attributes?.[name]);
    if (after === before) continue;
    if (after) set[name] = after;
    else if (before) remove.push(name);
  }
  return { set, remove, ...reasonOf(values) };
}

/** The attributes the user forms edit (the forms themselves are in user-forms.ts). */

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

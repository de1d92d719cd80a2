import type { ReactNode } from 'react';
import { email, TextInput } from 'react-admin';
import { Typography } from '@mui/material';

/** Create and Edit: a readable form width instead of inputs stretched across the screen. */
export const formSx = { maxWidth: 760 };

/** A heading that groups the inputs of a user form. */
export function FormSection({ children, first }: { children: ReactNode; first?: boolean }) {
  return (
    <Typography
      variant="overline"
      component="h2"
      color="text.secondary"
      sx={{ mt: first ? 0 : 2, mb: 0.5, lineHeight: 2, fontWeight: 600 }}
    >
      {children}
    </Typography>
  );
}
import { customAttributeName, standardAttributes } from './user-attributes';

const validateEmail = [email('Enter a valid email address.')];
const validatePhone = [
  (value: unknown) =>
    typeof value === 'string' && value.trim() && !/^\+[1-9]\d{1,14}$/.test(value.trim())
      ? 'Use the international format, such as +14155550100.'
      : undefined,
];

/** The attribute inputs shared by the Create (invite) and Edit screens. */
export function UserAttributeInputs({ customAttributes }: { customAttributes: readonly string[] }) {
  return (
    <>
      {standardAttributes.map((attribute) => (
        <TextInput
          key={attribute.name}
          source={`attributes.${attribute.name}`}
          label={attribute.label}
          slotProps={{ htmlInput: { inputMode: attribute.inputMode } }}
          validate={
            attribute.name === 'email'
              ? validateEmail
              : attribute.name === 'phone_number'
                ? validatePhone
                : undefined
          }
          helperText={
            attribute.name === 'phone_number' ? 'International format, such as +14155550100' : false
          }
        />
      ))}
      {customAttributes.length > 0 && <FormSection>Custom attributes</FormSection>}
      {customAttributes.map((raw) => {
        const name = customAttributeName(raw);
        return <TextInput key={name} source={`attributes.${name}`} label={name} helperText={false} />;
      })}
    </>
  );
}

/** The optional audit reason every mutation accepts. */
export function ReasonInput() {
  return (
    <TextInput
      source="reason"
      label="Reason (optional)"
      helperText="Recorded in the audit log."
      validate={[
        (value: unknown) =>
          typeof value === 'string' && value.length > 500 ? 'At most 500 characters.' : undefined,
      ]}
    />
  );
}

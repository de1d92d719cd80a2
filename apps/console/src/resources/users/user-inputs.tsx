import type { ReactNode } from 'react';
import { TextInput } from 'react-admin';
import { Typography } from '@mui/material';
import { customAttributeName, standardAttributes } from './user-attributes';

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
/**
 * The attribute inputs shared by the Create (invite) and Edit screens. They carry no rules: the forms
 * check what they would send with the contract's schemas (user-forms.ts).
 */
export function UserAttributeInputs({ customAttributes }: { customAttributes: readonly string[] }) {
  return (
    <>
      {standardAttributes.map((attribute) => (
        <TextInput
          key={attribute.name}
          source={`attributes.${attribute.name}`}
          label={attribute.label}
          slotProps={{ htmlInput: { inputMode: attribute.inputMode } }}
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
  return <TextInput source="reason" label="Reason (optional)" helperText="Recorded in the audit log." />;
}

import { email, TextInput } from 'react-admin';
import { Typography } from '@mui/material';
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
      {customAttributes.length > 0 && (
        <Typography variant="subtitle2" component="h2" sx={{ mt: 1 }}>
          Custom attributes
        </Typography>
      )}
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

import { forwardRef } from 'react';
import { TextField } from '@mui/material';

/** Only digits, at most six: what an authenticator app shows (spaces pasted with the code are dropped). */
export const cleanCode = (value: string) => value.replace(/\D/g, '').slice(0, 6);
export const isCompleteCode = (value: string) => /^[0-9]{6}$/.test(value);

interface Props {
  value: string;
  onChange: (value: string) => void;
  label?: string;
}

/** The 6-digit code of an authenticator app; browsers and password managers may fill it (one-time-code). */
export const MfaCodeField = forwardRef<HTMLInputElement, Props>(function MfaCodeField(
  { value, onChange, label = 'Authentication code' },
  ref,
) {
  return (
    <TextField
      label={label}
      name="mfa-code"
      autoComplete="one-time-code"
      inputRef={ref}
      required
      value={value}
      onChange={(event) => onChange(cleanCode(event.target.value))}
      helperText="6 digits from your authenticator app"
      slotProps={{
        htmlInput: { inputMode: 'numeric', pattern: '[0-9]{6}', maxLength: 6 },
      }}
    />
  );
});

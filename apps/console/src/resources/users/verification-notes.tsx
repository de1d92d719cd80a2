import { Alert } from '@mui/material';
import { BooleanInput, FormDataConsumer } from 'react-admin';
import type { UserFormValues } from './user-forms';

const labels = { email: 'email address', phone_number: 'phone number' } as const;

/**
 * What an edit does to verification, said before saving: Cognito marks a changed email / phone number
 * unverified unless `<name>_verified` is sent in the same call (AdminUpdateUserAttributes). A verified one can
 * be kept verified; an unverified one stays unverified (mark it verified from the user page).
 */
export function VerificationNotes({ previous }: { previous: Record<string, string> | undefined }) {
  return (
    <FormDataConsumer<UserFormValues>>
      {({ formData }) =>
        (['email', 'phone_number'] as const).map((name) => {
          const before = previous?.[name] ?? '';
          const after = (formData.attributes?.[name] ?? '').trim();
          if (!after || after === before) return null;
          const verified = previous?.[`${name}_verified`] === 'true';
          return (
            <div key={name}>
              <Alert severity="info" sx={{ mb: 1 }} data-testid={`verification-note-${name}`}>
                {verified
                  ? `Changing the ${labels[name]} makes Cognito mark it unverified, unless you keep it verified below. Keep it verified only if you know the new one belongs to the user.`
                  : `The new ${labels[name]} will be unverified, as the current one is: the user verifies it with a code, or an admin marks it verified from the user page.`}
              </Alert>
              {verified && (
                <BooleanInput
                  source={`keepVerified.${name}`}
                  label={`Keep the ${labels[name]} verified`}
                  helperText={false}
                />
              )}
            </div>
          );
        })
      }
    </FormDataConsumer>
  );
}

import { useMemo, useState } from 'react';
import {
  CheckboxGroupInput,
  Create,
  FormDataConsumer,
  ListButton,
  PasswordInput,
  RadioButtonGroupInput,
  SaveButton,
  TextInput,
  Toolbar,
  TopToolbar,
  useNotify,
  useRedirect,
} from 'react-admin';
import PersonAddIcon from '@mui/icons-material/PersonAddAlt1';
import { createUserBodySchema } from '@poolkeeper/contract';
import { contractResolver } from '../../common/contract-form';
import { FieldErrorForm } from '../../common/field-error-form';
import type { UserRecord } from './users-provider';
import { FormSection, ReasonInput, UserAttributeInputs, formSx } from './user-inputs';
import { inviteForm, toCreateBody, type UserFormValues } from './user-forms';
import { usePoolAttributes } from './use-pool-attributes';
import { takeInvitation } from './invitation-once';
import { TemporaryPasswordDialog } from './temporary-password-dialog';
import type { InvitationResult } from '@poolkeeper/contract';

const deliveryChoices = [
  {
    id: 'suppress',
    name: 'Do not send anything: you hand the temporary password over yourself (shown once after inviting)',
  },
  { id: 'send', name: 'Send the invitation with a temporary password (by email and/or SMS, chosen below)' },
];

/** What the notification says happened to the invitation. */
function invitedMessage(username: string, invitation: InvitationResult | null): string {
  if (invitation?.delivery === 'sent') {
    const where = invitation.mediums.map(
      (m, i) => `${m === 'EMAIL' ? 'by email to' : 'by SMS to'} ${invitation.destinations[i]}`,
    );
    return `${username} was invited: the invitation was sent ${where.join(' and ')}.`;
  }
  return `${username} was invited. Nothing was sent: give them the temporary password you chose.`;
}
const mediumChoices = [
  { id: 'EMAIL', name: 'Email' },
  { id: 'SMS', name: 'SMS' },
];

function InviteToolbar() {
  return (
    <Toolbar>
      <SaveButton label="Invite user" icon={<PersonAddIcon />} />
    </Toolbar>
  );
}

/** Invite a user into the pool in the URL; the form is checked with `createUserBodySchema` before sending. */
export function UserCreate() {
  const { pool, customAttributes, editable } = usePoolAttributes();
  const notify = useNotify();
  const redirect = useRedirect();
  const resolver = useMemo(() => contractResolver(inviteForm, { editable }), [editable]);
  // the generated password lives in this screen's state only: leaving the screen forgets it
  const [shown, setShown] = useState<{ id: string; username: string; password: string } | null>(null);
  return (
    <>
      {shown && (
        <TemporaryPasswordDialog
          username={shown.username}
          password={shown.password}
          onDone={() => {
            setShown(null);
            redirect('show', 'users', shown.id);
          }}
        />
      )}
      <Create
        resource="users"
        title={`Invite a user to ${pool.name}`}
        actions={
          <TopToolbar>
            <ListButton label="Back to users" />
          </TopToolbar>
        }
        sx={formSx}
        mutationOptions={{
          meta: { poolId: pool.id },
          onSuccess: (user: UserRecord) => {
            const invitation = takeInvitation(pool.id, user.username);
            if (invitation?.delivery === 'suppressed' && invitation.temporaryPassword) {
              setShown({ id: user.id, username: user.username, password: invitation.temporaryPassword });
              return;
            }
            notify(invitedMessage(user.username, invitation), { type: 'success' });
            redirect('show', 'users', user.id);
          },
        }}
        transform={(values: UserFormValues) => toCreateBody(values, editable)}
      >
        <FieldErrorForm
          resolver={resolver}
          defaultValues={{ delivery: 'suppress', deliveryMediums: ['EMAIL'] }}
          warnWhenUnsavedChanges
          toolbar={<InviteToolbar />}
        >
          <FormSection first>Account</FormSection>
          <TextInput
            source="username"
            label="Username"
            isRequired={!createUserBodySchema.shape.username.isOptional()}
            autoFocus
            helperText="Cannot be changed later."
          />
          <UserAttributeInputs customAttributes={customAttributes} />
          <FormSection>First sign-in</FormSection>
          <PasswordInput
            source="temporaryPassword"
            label="Temporary password (optional)"
            helperText="Leave empty and a password meeting the pool's policy is generated: sent to the user, or (nothing sent) shown to you once."
            autoComplete="new-password"
          />
          <RadioButtonGroupInput
            source="delivery"
            label="Invitation"
            choices={deliveryChoices}
            row={false}
            helperText={false}
          />
          <FormDataConsumer<UserFormValues>>
            {({ formData }) =>
              formData.delivery === 'send' ? (
                <CheckboxGroupInput
                  source="deliveryMediums"
                  label="Send by"
                  choices={mediumChoices}
                  helperText={false}
                />
              ) : null
            }
          </FormDataConsumer>
          <FormSection>Audit</FormSection>
          <ReasonInput />
        </FieldErrorForm>
      </Create>
    </>
  );
}

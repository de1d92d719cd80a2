import { useMemo } from 'react';
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

const deliveryChoices = [
  { id: 'suppress', name: 'Do not send anything (hand the temporary password over yourself)' },
  { id: 'send', name: 'Send the invitation' },
];
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
  return (
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
          notify(`${user.username} was invited.`, { type: 'success' });
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
          helperText="Leave empty to let Cognito generate one."
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
  );
}

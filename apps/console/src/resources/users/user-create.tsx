import {
  CheckboxGroupInput,
  Create,
  FormDataConsumer,
  ListButton,
  Loading,
  PasswordInput,
  RadioButtonGroupInput,
  SaveButton,
  SimpleForm,
  TextInput,
  Toolbar,
  TopToolbar,
  required,
  useNotify,
  useRedirect,
} from 'react-admin';
import PersonAddIcon from '@mui/icons-material/PersonAddAlt1';
import type { UserRecord } from '../../providers/data-provider';
import { FormSection, ReasonInput, UserAttributeInputs, formSx } from './user-inputs';
import { toCreateBody, type UserFormValues } from './user-attributes';
import { usePoolAttributes } from './use-pool-attributes';

const deliveryChoices = [
  { id: 'suppress', name: 'Do not send anything (hand the temporary password over yourself)' },
  { id: 'send', name: 'Send the invitation' },
];
const mediumChoices = [
  { id: 'EMAIL', name: 'Email' },
  { id: 'SMS', name: 'SMS' },
];
const validateUsername = [
  required('A username is required.'),
  (value: unknown) =>
    typeof value === 'string' && /\s/.test(value.trim()) ? 'A username cannot contain spaces.' : undefined,
];
const validateTemporaryPassword = [
  (value: unknown) =>
    typeof value === 'string' && value.length > 0 && value.length < 6 ? 'At least 6 characters.' : undefined,
];

function InviteToolbar() {
  return (
    <Toolbar>
      <SaveButton label="Invite user" icon={<PersonAddIcon />} />
    </Toolbar>
  );
}

/** Invite a user into the selected pool. */
export function UserCreate() {
  const { pool, isPending, customAttributes, editable } = usePoolAttributes();
  const notify = useNotify();
  const redirect = useRedirect();
  if (isPending || !pool) return <Loading />;
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
      <SimpleForm
        defaultValues={{ delivery: 'suppress', deliveryMediums: ['EMAIL'] }}
        warnWhenUnsavedChanges
        toolbar={<InviteToolbar />}
      >
        <FormSection first>Account</FormSection>
        <TextInput
          source="username"
          label="Username"
          validate={validateUsername}
          autoFocus
          helperText="Cannot be changed later."
        />
        <UserAttributeInputs customAttributes={customAttributes} />
        <FormSection>First sign-in</FormSection>
        <PasswordInput
          source="temporaryPassword"
          label="Temporary password (optional)"
          helperText="Leave empty to let Cognito generate one."
          validate={validateTemporaryPassword}
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
      </SimpleForm>
    </Create>
  );
}

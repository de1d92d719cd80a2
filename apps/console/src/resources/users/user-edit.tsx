import {
  Edit,
  Labeled,
  Loading,
  SaveButton,
  ShowButton,
  SimpleForm,
  TextField,
  Toolbar,
  TopToolbar,
  useNotify,
  useRecordContext,
  useRedirect,
} from 'react-admin';
import type { UserRecord } from '../../providers/data-provider';
import { FormSection, ReasonInput, UserAttributeInputs, formSx } from './user-inputs';
import { toUpdateBody, type UserFormValues } from './user-attributes';
import { usePoolAttributes } from './use-pool-attributes';

function EditTitle() {
  const record = useRecordContext<UserRecord>();
  return <span>Edit {record?.username ?? 'user'}</span>;
}

/** Save only: deleting has its own confirmation on the user page (and needs the pool). */
function EditToolbar() {
  return (
    <Toolbar>
      <SaveButton label="Save changes" />
    </Toolbar>
  );
}

/** Edit a user's attributes; sends only what changed (`set`) and what was emptied (`remove`). */
export function UserEdit() {
  const { pool, isPending, customAttributes, editable } = usePoolAttributes();
  const notify = useNotify();
  const redirect = useRedirect();
  if (isPending || !pool) return <Loading />;
  return (
    <Edit
      resource="users"
      title={<EditTitle />}
      mutationMode="pessimistic"
      actions={
        <TopToolbar>
          <ShowButton label="Back to user" />
        </TopToolbar>
      }
      sx={formSx}
      queryOptions={{ meta: { poolId: pool.id } }}
      mutationOptions={{
        meta: { poolId: pool.id },
        onSuccess: (user: UserRecord) => {
          notify(`${user.username} was updated.`, { type: 'success' });
          redirect('show', 'users', user.id);
        },
      }}
      transform={(values: UserFormValues, options?: { previousData?: UserRecord }) =>
        toUpdateBody(values, options?.previousData?.attributes, editable)
      }
    >
      <SimpleForm warnWhenUnsavedChanges toolbar={<EditToolbar />}>
        <FormSection first>Account</FormSection>
        <Labeled label="Username">
          <TextField source="username" />
        </Labeled>
        <UserAttributeInputs customAttributes={customAttributes} />
        <FormSection>Audit</FormSection>
        <ReasonInput />
      </SimpleForm>
    </Edit>
  );
}

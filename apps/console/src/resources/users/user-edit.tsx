import { useMemo } from 'react';
import {
  Edit,
  Labeled,
  SaveButton,
  ShowButton,
  TextField,
  Toolbar,
  TopToolbar,
  useNotify,
  useRecordContext,
  useRedirect,
} from 'react-admin';
import { contractResolver } from '../../common/contract-form';
import { FieldErrorForm } from '../../common/field-error-form';
import type { UserRecord } from './users-provider';
import { FormSection, ReasonInput, UserAttributeInputs, formSx } from './user-inputs';
import { editForm, toUpdateBody, type UserFormValues } from './user-forms';
import { usePoolAttributes } from './use-pool-attributes';
import { VerificationNotes } from './verification-notes';

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

/**
 * The form, inside `<Edit>` so it knows the record it started from: the diff it would send is checked
 * with `updateUserBodySchema` before sending.
 */
function UserEditForm({
  customAttributes,
  editable,
}: {
  customAttributes: readonly string[];
  editable: readonly string[];
}) {
  const record = useRecordContext<UserRecord>();
  const previous = record?.attributes;
  const resolver = useMemo(() => contractResolver(editForm, { editable, previous }), [editable, previous]);
  return (
    <FieldErrorForm resolver={resolver} warnWhenUnsavedChanges toolbar={<EditToolbar />}>
      <FormSection first>Account</FormSection>
      <Labeled label="Username">
        <TextField source="username" />
      </Labeled>
      <UserAttributeInputs customAttributes={customAttributes} />
      <VerificationNotes previous={previous} />
      <FormSection>Audit</FormSection>
      <ReasonInput />
    </FieldErrorForm>
  );
}

/** Edit a user's attributes; sends only what changed (`set`) and what was emptied (`remove`). */
export function UserEdit() {
  const { pool, customAttributes, editable } = usePoolAttributes();
  const notify = useNotify();
  const redirect = useRedirect();
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
      <UserEditForm customAttributes={customAttributes} editable={editable} />
    </Edit>
  );
}

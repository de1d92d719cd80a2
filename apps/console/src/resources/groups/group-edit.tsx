import { useMemo } from 'react';
import {
  Edit,
  Labeled,
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
import { contractResolver } from '../../common/contract-form';
import { usePool } from '../../common/use-current-pool';
import { FormSection, ReasonInput, formSx } from '../users/user-inputs';
import { editGroupForm, toUpdateGroupBody, type GroupFormValues } from './group-forms';
import type { GroupRecord } from './groups-provider';
import { GroupSettingInputs } from './group-inputs';

function EditTitle() {
  const record = useRecordContext<GroupRecord>();
  return <span>Edit group {record?.groupName ?? ''}</span>;
}

/** Inside `<Edit>`, so it knows the record it started from: the diff is checked with `updateGroupBodySchema`. */
function GroupEditForm() {
  const record = useRecordContext<GroupRecord>();
  const resolver = useMemo(() => contractResolver(editGroupForm, { previous: record }), [record]);
  return (
    <SimpleForm
      resolver={resolver}
      warnWhenUnsavedChanges
      toolbar={
        <Toolbar>
          <SaveButton label="Save changes" />
        </Toolbar>
      }
    >
      <FormSection first>Group</FormSection>
      <Labeled label="Group name">
        <TextField source="groupName" />
      </Labeled>
      <GroupSettingInputs editing />
      <FormSection>Audit</FormSection>
      <ReasonInput />
    </SimpleForm>
  );
}

/** Edit a group's description, precedence and IAM role; sends only what changed. */
export function GroupEdit() {
  const pool = usePool();
  const notify = useNotify();
  const redirect = useRedirect();
  return (
    <Edit
      resource="groups"
      title={<EditTitle />}
      mutationMode="pessimistic"
      actions={
        <TopToolbar>
          <ShowButton label="Back to group" />
        </TopToolbar>
      }
      sx={formSx}
      queryOptions={{ meta: { poolId: pool.id } }}
      mutationOptions={{
        meta: { poolId: pool.id },
        onSuccess: (group: GroupRecord) => {
          notify(`The group ${group.groupName} was updated.`, { type: 'success' });
          redirect('show', 'groups', group.id);
        },
      }}
      transform={(values: GroupFormValues, options?: { previousData?: GroupRecord }) =>
        toUpdateGroupBody(values, options?.previousData)
      }
    >
      <GroupEditForm />
    </Edit>
  );
}

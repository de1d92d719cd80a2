import { useMemo } from 'react';
import GroupAddIcon from '@mui/icons-material/GroupAdd';
import {
  Create,
  ListButton,
  SaveButton,
  SimpleForm,
  TextInput,
  Toolbar,
  TopToolbar,
  useNotify,
  useRedirect,
} from 'react-admin';
import { contractResolver } from '../../common/contract-form';
import { usePool } from '../../common/use-current-pool';
import { FormSection, ReasonInput, formSx } from '../users/user-inputs';
import { createGroupForm, toCreateGroupBody, type GroupFormValues } from './group-forms';
import type { GroupRecord } from './groups-provider';
import { GroupSettingInputs } from './group-inputs';

/** Create a group in the pool in the URL; checked with `createGroupBodySchema` before sending. */
export function GroupCreate() {
  const pool = usePool();
  const notify = useNotify();
  const redirect = useRedirect();
  const resolver = useMemo(() => contractResolver(createGroupForm, undefined), []);
  return (
    <Create
      resource="groups"
      title={`Create a group in ${pool.name}`}
      actions={
        <TopToolbar>
          <ListButton label="Back to groups" />
        </TopToolbar>
      }
      sx={formSx}
      mutationOptions={{
        meta: { poolId: pool.id },
        onSuccess: (group: GroupRecord) => {
          notify(`The group ${group.groupName} was created.`, { type: 'success' });
          redirect('show', 'groups', group.id);
        },
      }}
      transform={(values: GroupFormValues) => toCreateGroupBody(values)}
    >
      <SimpleForm
        resolver={resolver}
        warnWhenUnsavedChanges
        toolbar={
          <Toolbar>
            <SaveButton label="Create group" icon={<GroupAddIcon />} />
          </Toolbar>
        }
      >
        <FormSection first>Group</FormSection>
        <TextInput
          source="groupName"
          label="Group name"
          isRequired
          autoFocus
          autoComplete="off"
          helperText="Cannot be changed later. No spaces."
        />
        <GroupSettingInputs />
        <FormSection>Audit</FormSection>
        <ReasonInput />
      </SimpleForm>
    </Create>
  );
}

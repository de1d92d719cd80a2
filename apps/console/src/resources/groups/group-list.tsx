import type { MouseEvent } from 'react';
import { Link as MuiLink, useMediaQuery, type Theme } from '@mui/material';
import GroupAddIcon from '@mui/icons-material/GroupAdd';
import GroupsIcon from '@mui/icons-material/GroupsOutlined';
import {
  CreateButton,
  Datagrid,
  FunctionField,
  Link,
  List,
  SimpleList,
  TextField,
  TopToolbar,
  useCreatePath,
  useRecordContext,
} from 'react-admin';
import { CursorPagination, ListErrorAlert } from '../../common/cursor-pagination';
import { DateTimeField } from '../../common/date-time-field';
import { EmptyState } from '../../common/list-states';
import { FreshRows } from '../../common/fresh-rows';
import { usePool } from '../../common/use-current-pool';
import { useCan } from '../../common/use-can';
import { GROUPS_PAGE, type GroupRecord } from './groups-provider';
import { precedenceLabel } from './token-role';

function GroupListActions() {
  const allowed = useCan();
  return (
    <TopToolbar>
      {allowed('groups.manage') && <CreateButton label="Create group" icon={<GroupAddIcon />} />}
    </TopToolbar>
  );
}

function GroupsEmpty({ poolName }: { poolName: string }) {
  const allowed = useCan();
  return (
    <EmptyState
      icon={<GroupsIcon />}
      title={`${poolName} has no groups yet.`}
      hint="Groups give users a precedence and an IAM role that their tokens carry (cognito:groups, cognito:roles)."
      action={
        allowed('groups.manage') ? (
          <CreateButton label="Create group" variant="contained" icon={<GroupAddIcon />} />
        ) : undefined
      }
    />
  );
}

/** The group name as a real link, so the list can be walked with the keyboard (Tab, Enter). */
function GroupNameField(_props: { label?: string; sortable?: boolean }) {
  const record = useRecordContext<GroupRecord>();
  const createPath = useCreatePath();
  if (!record) return null;
  return (
    <MuiLink
      component={Link}
      to={createPath({ resource: 'groups', id: record.id, type: 'show' })}
      underline="hover"
      onClick={(event: MouseEvent) => event.stopPropagation()}
      sx={{ fontWeight: 500 }}
    >
      {record.groupName}
    </MuiLink>
  );
}

/** The groups of the pool in the URL, as ListGroups pages them (no total). */
export function GroupList() {
  const pool = usePool();
  const narrow = useMediaQuery<Theme>((theme) => theme.breakpoints.down('md'));
  return (
    <List
      resource="groups"
      storeKey={`groups.${pool.id}`}
      title={`Groups · ${pool.name}`}
      queryOptions={{ meta: { poolId: pool.id }, onError: () => undefined }}
      perPage={GROUPS_PAGE}
      sort={{ field: '', order: 'ASC' }}
      pagination={<CursorPagination />}
      actions={<GroupListActions />}
      empty={<GroupsEmpty poolName={pool.name} />}
      error={<ListErrorAlert title="The groups could not be loaded" />}
      exporter={false}
    >
      <FreshRows loadingText="Loading groups…">
        {narrow ? (
          <SimpleList<GroupRecord>
            primaryText={(record) => record.groupName}
            secondaryText={(record) => record.description ?? ''}
            tertiaryText={(record) => `precedence ${precedenceLabel(record.precedence)}`}
            rowClick="show"
          />
        ) : (
          <Datagrid rowClick="show" bulkActionButtons={false} aria-label="Groups">
            <GroupNameField label="Group" sortable={false} />
            <TextField source="description" sortable={false} emptyText="—" />
            <FunctionField<GroupRecord>
              label="Precedence"
              sortable={false}
              render={(record) => precedenceLabel(record.precedence)}
            />
            <TextField source="roleArn" label="IAM role" sortable={false} emptyText="—" />
            <DateTimeField source="updatedAt" label="Updated" sortable={false} />
          </Datagrid>
        )}
      </FreshRows>
    </List>
  );
}

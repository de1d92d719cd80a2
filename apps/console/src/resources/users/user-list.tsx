import type { MouseEvent } from 'react';
import { Box, Link as MuiLink } from '@mui/material';
import PersonAddIcon from '@mui/icons-material/PersonAddAlt1';
import PeopleOutlineIcon from '@mui/icons-material/PeopleOutlined';
import {
  CreateButton,
  Datagrid,
  Link,
  List,
  SelectInput,
  SimpleList,
  TextField,
  TextInput,
  TopToolbar,
  useCreatePath,
  useRecordContext,
} from 'react-admin';
import { searchableAttributes, userStatuses } from '@poolkeeper/contract';
import { CursorPagination, ListErrorAlert } from '../../common/cursor-pagination';
import { DateTimeField } from '../../common/date-time-field';
import { EmptyState, NoMatches } from '../../common/list-states';
import { FreshRows } from '../../common/fresh-rows';
import { useNarrowScreen } from '../../common/responsive-list';
import { usePool } from '../../common/use-current-pool';
import { useCan } from '../../common/use-can';
import type { UserRecord } from './users-provider';
import { UserStatusField, statusLabel } from './user-fields';

const attributeChoices = searchableAttributes.map((name) => ({ id: name, name: name.replace(/_/g, ' ') }));
const matchChoices = [
  { id: 'prefix', name: 'starts with' },
  { id: 'exact', name: 'is exactly' },
];
const statusChoices = [
  { id: 'enabled', name: 'Enabled' },
  { id: 'disabled', name: 'Disabled' },
  ...userStatuses.map((status) => ({ id: status, name: statusLabel(status) })),
];

const filterSx = { minWidth: 180 };
const userFilters = [
  <TextInput
    key="search"
    source="search"
    label="Search users"
    alwaysOn
    resettable
    helperText={false}
    sx={{ minWidth: 240 }}
  />,
  <SelectInput
    key="attribute"
    source="attribute"
    label="Search in"
    choices={attributeChoices}
    alwaysOn
    emptyText="email (default)"
    helperText={false}
    sx={filterSx}
  />,
  <SelectInput
    key="match"
    source="match"
    label="Match"
    choices={matchChoices}
    alwaysOn
    emptyText="starts with (default)"
    helperText={false}
    sx={filterSx}
  />,
  <SelectInput
    key="status"
    source="status"
    label="Status"
    choices={statusChoices}
    alwaysOn
    emptyText="Any status"
    helperText={false}
    sx={filterSx}
  />,
];

function UserListActions() {
  const allowed = useCan();
  return (
    <TopToolbar>
      {allowed('users.create') && <CreateButton label="Invite user" icon={<PersonAddIcon />} />}
    </TopToolbar>
  );
}

function UsersEmpty({ poolName }: { poolName: string }) {
  const allowed = useCan();
  return (
    <EmptyState
      icon={<PeopleOutlineIcon />}
      title={`${poolName} has no users yet.`}
      action={
        allowed('users.create') ? (
          <CreateButton label="Invite user" variant="contained" icon={<PersonAddIcon />} />
        ) : undefined
      }
    />
  );
}

/** The username as a real link, so the list can be walked with the keyboard (Tab, Enter). */
function UsernameField(_props: { label?: string; sortable?: boolean }) {
  const record = useRecordContext<UserRecord>();
  const createPath = useCreatePath();
  if (!record) return null;
  return (
    <MuiLink
      component={Link}
      to={createPath({ resource: 'users', id: record.id, type: 'show' })}
      underline="hover"
      onClick={(event: MouseEvent) => event.stopPropagation()}
      sx={{ fontWeight: 500 }}
    >
      {record.username}
    </MuiLink>
  );
}

const noMatches = (
  <NoMatches
    title="No users match these filters."
    hint="Search looks for values that start with (or are exactly) what you typed, in the attribute chosen under “Search in”."
  />
);

/** The users of the pool in the URL. */
export function UserList() {
  const pool = usePool();
  const narrow = useNarrowScreen();
  return (
    <List
      resource="users"
      // Filters and page are remembered per pool, not carried from one pool to another.
      storeKey={`users.${pool.id}`}
      title={`Users · ${pool.name}`}
      // The error is shown in place of the list (ListErrorAlert): no toast on top of it.
      queryOptions={{ meta: { poolId: pool.id }, onError: () => undefined }}
      filters={userFilters}
      perPage={60}
      sort={{ field: '', order: 'ASC' }}
      pagination={<CursorPagination />}
      actions={<UserListActions />}
      empty={<UsersEmpty poolName={pool.name} />}
      error={<ListErrorAlert title="The users could not be loaded" />}
    >
      <FreshRows loadingText="Loading users…">
        {narrow ? (
          <SimpleList<UserRecord>
            primaryText={(record) => record.username}
            secondaryText={(record) => record.email ?? record.name ?? ''}
            tertiaryText={
              <Box component="span" sx={{ float: 'right', ml: 1 }}>
                <UserStatusField />
              </Box>
            }
            rowClick="show"
            empty={noMatches}
          />
        ) : (
          <Datagrid rowClick="show" bulkActionButtons={false} aria-label="Users" empty={noMatches}>
            <UsernameField label="Username" sortable={false} />
            <TextField source="email" sortable={false} emptyText="—" />
            <TextField source="name" sortable={false} emptyText="—" />
            <UserStatusField label="Status" sortable={false} />
            <DateTimeField source="createdAt" label="Created" sortable={false} />
          </Datagrid>
        )}
      </FreshRows>
    </List>
  );
}

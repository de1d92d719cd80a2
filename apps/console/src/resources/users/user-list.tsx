import { Alert, Box, Typography } from '@mui/material';
import {
  CreateButton,
  Datagrid,
  DateField,
  List,
  Loading,
  SearchInput,
  SelectInput,
  TextField,
  TopToolbar,
} from 'react-admin';
import { searchableAttributes, userStatuses } from '@poolkeeper/contract';
import { CursorPagination, ListErrorAlert } from '../../common/cursor-pagination';
import { useCurrentPool } from '../../common/use-current-pool';
import { useCan } from '../../common/use-can';
import { UserEnabledField, UserStatusField, statusLabel } from './user-fields';

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

const userFilters = [
  <SearchInput key="search" source="search" alwaysOn placeholder="Search users" aria-label="Search users" />,
  <SelectInput
    key="attribute"
    source="attribute"
    label="Search in"
    choices={attributeChoices}
    alwaysOn
    emptyText="email (default)"
  />,
  <SelectInput
    key="match"
    source="match"
    label="Match"
    choices={matchChoices}
    alwaysOn
    emptyText="starts with (default)"
  />,
  <SelectInput
    key="status"
    source="status"
    label="Status"
    choices={statusChoices}
    alwaysOn
    emptyText="Any status"
  />,
];

function UserListActions() {
  const allowed = useCan();
  return <TopToolbar>{allowed('users.create') && <CreateButton label="Invite user" />}</TopToolbar>;
}

function UsersEmpty({ poolName }: { poolName: string }) {
  const allowed = useCan();
  return (
    <Box sx={{ textAlign: 'center', m: 4 }}>
      <Typography variant="h6" component="p" gutterBottom>
        {poolName} has no users yet.
      </Typography>
      {allowed('users.create') && <CreateButton label="Invite user" variant="contained" />}
    </Box>
  );
}

export function UserList() {
  const { pool, isPending, error } = useCurrentPool();
  if (isPending) return <Loading loadingSecondary="Loading user pools…" />;
  if (error) {
    return (
      <Alert severity="error" role="alert" sx={{ m: 2 }}>
        {error instanceof Error ? error.message : 'The user pools could not be loaded.'}
      </Alert>
    );
  }
  if (!pool) {
    return (
      <Alert severity="info" sx={{ m: 2 }}>
        poolkeeper manages no user pools yet.
      </Alert>
    );
  }
  return (
    <List
      resource="users"
      title={`Users · ${pool.name}`}
      queryOptions={{ meta: { poolId: pool.id } }}
      filters={userFilters}
      perPage={60}
      sort={{ field: '', order: 'ASC' }}
      pagination={<CursorPagination />}
      actions={<UserListActions />}
      empty={<UsersEmpty poolName={pool.name} />}
      error={<ListErrorAlert />}
    >
      <Datagrid rowClick="show" bulkActionButtons={false} aria-label="Users">
        <TextField source="username" sortable={false} />
        <TextField source="email" sortable={false} emptyText="—" />
        <TextField source="name" sortable={false} emptyText="—" />
        <UserStatusField label="Status" sortable={false} />
        <UserEnabledField label="Enabled" sortable={false} />
        <DateField source="createdAt" label="Created" sortable={false} showTime emptyText="—" />
      </Datagrid>
    </List>
  );
}

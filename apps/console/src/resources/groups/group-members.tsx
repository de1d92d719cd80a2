import { useState } from 'react';
import { Box, Button, Link as MuiLink, Typography } from '@mui/material';
import PersonAddIcon from '@mui/icons-material/PersonAddAlt1';
import PersonRemoveIcon from '@mui/icons-material/PersonRemoveOutlined';
import PeopleOutlineIcon from '@mui/icons-material/PeopleOutlined';
import {
  Datagrid,
  Link,
  ListBase,
  TextField,
  useListContext,
  useRecordContext,
  useRefresh,
} from 'react-admin';
import { CursorPagination, ListErrorAlert } from '../../common/cursor-pagination';
import { EmptyState } from '../../common/list-states';
import { FreshRows } from '../../common/fresh-rows';
import { userShowPath } from '../../common/paths';
import { useCan } from '../../common/use-can';
import { UserStatusField } from '../users/user-fields';
import { GROUPS_PAGE, type GroupMemberRecord } from './groups-provider';
import { AddMemberDialog, RemoveMemberDialog, useMemberChange, type MemberChange } from './member-dialogs';
import { UserPicker } from './user-picker';

function MemberLink({ poolId }: { poolId: string; label?: string }) {
  const record = useRecordContext<GroupMemberRecord>();
  if (!record) return null;
  return (
    <MuiLink
      component={Link}
      to={userShowPath(poolId, record.username)}
      underline="hover"
      sx={{ fontWeight: 500 }}
    >
      {record.username}
    </MuiLink>
  );
}

function RemoveButton({ onRemove }: { onRemove: (username: string) => void; label?: string }) {
  const record = useRecordContext<GroupMemberRecord>();
  if (!record) return null;
  return (
    <Button
      size="small"
      color="warning"
      startIcon={<PersonRemoveIcon />}
      aria-label={`Remove ${record.username} from the group`}
      onClick={() => onRemove(record.username)}
    >
      Remove
    </Button>
  );
}

/** The members of one group (ListUsersInGroup pages, no total); admins add and remove them here. */
export function GroupMembers({ poolId, groupName }: { poolId: string; groupName: string }) {
  const allowed = useCan();
  const refresh = useRefresh();
  const canChange = allowed('groups.members');
  const [change, setChange] = useState<MemberChange | null>(null);
  const [picked, setPicked] = useState<string | null>(null);
  const { run, busy, errors, clearErrors } = useMemberChange(poolId, () => {
    setChange(null);
    refresh();
  });

  const open = (next: MemberChange) => {
    clearErrors();
    setPicked(null);
    setChange(next);
  };

  return (
    <Box component="section" aria-labelledby="group-members-heading" sx={{ mt: 3 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap', mb: 1 }}>
        <Typography id="group-members-heading" variant="h6" component="h2">
          Members
        </Typography>
        {canChange && (
          <Button
            size="small"
            variant="outlined"
            startIcon={<PersonAddIcon />}
            onClick={() => open({ kind: 'add', groupName, username: '' })}
          >
            Add member
          </Button>
        )}
      </Box>
      <ListBase
        resource="group-members"
        disableSyncWithLocation
        storeKey={false}
        perPage={GROUPS_PAGE}
        sort={{ field: '', order: 'ASC' }}
        queryOptions={{ meta: { poolId, groupName }, onError: () => undefined }}
      >
        <MembersTable
          poolId={poolId}
          canChange={canChange}
          onRemove={(username) => open({ kind: 'remove', groupName, username })}
        />
        <CursorPagination />
      </ListBase>
      {change?.kind === 'remove' && (
        <RemoveMemberDialog
          change={change}
          busy={busy}
          errors={errors}
          onCancel={() => setChange(null)}
          onConfirm={(reason) => void run(change, reason)}
        />
      )}
      {change?.kind === 'add' && (
        <AddMemberDialog
          title={`Add a user to ${groupName}`}
          picker={<UserPicker poolId={poolId} value={picked} onChange={setPicked} />}
          canConfirm={Boolean(picked)}
          busy={busy}
          errors={errors}
          onCancel={() => setChange(null)}
          onConfirm={(reason) => {
            if (picked) void run({ kind: 'add', groupName, username: picked }, reason);
          }}
        />
      )}
    </Box>
  );
}

function MembersTable({
  poolId,
  canChange,
  onRemove,
}: {
  poolId: string;
  canChange: boolean;
  onRemove: (username: string) => void;
}) {
  // ListBase has no `error` slot: a failed query is shown in place of the rows.
  const { error } = useListContext();
  if (error) return <ListErrorAlert title="The members could not be loaded" />;
  return (
    <FreshRows loadingText="Loading members…">
      <Datagrid
        bulkActionButtons={false}
        aria-label="Members"
        rowClick={false}
        empty={
          <EmptyState
            icon={<PeopleOutlineIcon />}
            title="This group has no members."
            hint={canChange ? 'Add users here or from their user page.' : undefined}
          />
        }
      >
        <MemberLink poolId={poolId} label="Username" />
        <TextField source="email" sortable={false} emptyText="—" />
        <UserStatusField label="Status" sortable={false} />
        {canChange && <RemoveButton label="Actions" onRemove={onRemove} />}
      </Datagrid>
    </FreshRows>
  );
}

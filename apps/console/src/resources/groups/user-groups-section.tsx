import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  CircularProgress,
  Link as MuiLink,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import GroupAddIcon from '@mui/icons-material/GroupAdd';
import PersonRemoveIcon from '@mui/icons-material/PersonRemoveOutlined';
import { Link, useGetOne, useRecordContext, useRefresh } from 'react-admin';
import type { UserGroups } from '@poolkeeper/contract';
import { groupShowPath } from '../../common/paths';
import { useCan } from '../../common/use-can';
import type { UserRecord } from '../users/users-provider';
import type { UserGroupsRecord } from './groups-provider';
import { GroupPicker } from './group-picker';
import { AddMemberDialog, RemoveMemberDialog, useMemberChange, type MemberChange } from './member-dialogs';
import { explainTokenRole, precedenceLabel } from './token-role';

/** Which role the user's tokens carry (`cognito:preferred_role`), and why, in one sentence. */
function TokenRoleNote({ answer }: { answer: UserGroups }) {
  const explained = explainTokenRole(answer.groups, answer.tokenRoles);
  const roles = answer.tokenRoles.roles;
  const others = roles.length > 1 ? ` Their cognito:roles lists ${roles.length} roles.` : '';
  if (explained.kind === 'no-role')
    return (
      <Alert severity="info" role="status" sx={{ mb: 1 }}>
        No group of this user has an IAM role: their tokens carry no cognito:roles and no
        cognito:preferred_role.
      </Alert>
    );
  if (explained.kind === 'tie')
    return (
      <Alert severity="warning" role="status" sx={{ mb: 1 }}>
        No preferred role: the best groups ({explained.groups.join(', ')}) share precedence{' '}
        {precedenceLabel(explained.precedence)} but have different roles, so Cognito sets no
        cognito:preferred_role in this user&apos;s tokens (an identity pool that takes the role from the token
        then applies its ambiguous-role setting).{others}
      </Alert>
    );
  return (
    <Alert severity="info" role="status" sx={{ mb: 1 }}>
      Tokens carry the preferred role <strong style={{ wordBreak: 'break-all' }}>{explained.role}</strong>{' '}
      (cognito:preferred_role), from {explained.groups.join(', ')}: the lowest precedence (
      {precedenceLabel(explained.precedence)}) among the groups with a role wins.{others}
    </Alert>
  );
}

/**
 * The user page's groups: each with its precedence and IAM role, which role a token would carry, and — for
 * roles with groups.members — add to a group and remove from one. Every role may read it (groups.read).
 */
export function UserGroupsSection({ poolId }: { poolId: string }) {
  const user = useRecordContext<UserRecord>();
  const allowed = useCan();
  const refresh = useRefresh();
  const canChange = allowed('groups.members');
  const username = user?.username ?? '';
  const { data, isPending, error, refetch } = useGetOne<UserGroupsRecord>(
    'user-groups',
    { id: username, meta: { poolId } },
    { enabled: Boolean(username) },
  );
  const [change, setChange] = useState<MemberChange | null>(null);
  const [picked, setPicked] = useState<string | null>(null);
  const { run, busy, errors, clearErrors } = useMemberChange(poolId, () => {
    setChange(null);
    refresh();
  });
  if (!user) return null;

  const open = (next: MemberChange) => {
    clearErrors();
    setPicked(null);
    setChange(next);
  };
  const groups = [...(data?.groups ?? [])].sort(
    (a, b) => (a.precedence ?? Number.POSITIVE_INFINITY) - (b.precedence ?? Number.POSITIVE_INFINITY),
  );

  return (
    <Box component="section" aria-labelledby="user-groups-heading" sx={{ mt: 2, maxWidth: 960 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap', mb: 1 }}>
        <Typography id="user-groups-heading" variant="h6" component="h2">
          Groups and token roles
        </Typography>
        {canChange && (
          <Button
            size="small"
            variant="outlined"
            startIcon={<GroupAddIcon />}
            onClick={() => open({ kind: 'add', groupName: '', username })}
          >
            Add to group
          </Button>
        )}
      </Box>
      {isPending && (
        <Box role="status" sx={{ display: 'flex', alignItems: 'center', gap: 1.5, py: 2 }}>
          <CircularProgress size={20} aria-hidden />
          <Typography variant="body2">Loading groups…</Typography>
        </Box>
      )}
      {error ? (
        <Alert
          severity="error"
          role="alert"
          action={
            <Button color="inherit" size="small" onClick={() => void refetch()}>
              Retry
            </Button>
          }
        >
          The groups of {username} could not be loaded:{' '}
          {error instanceof Error ? error.message : 'try again.'}
        </Alert>
      ) : null}
      {data && (
        <>
          <TokenRoleNote answer={data} />
          {groups.length === 0 ? (
            <Typography variant="body2">{username} is in no group.</Typography>
          ) : (
            <Table size="small" aria-label="Groups of this user">
              <TableHead>
                <TableRow>
                  <TableCell component="th" scope="col">
                    Group
                  </TableCell>
                  <TableCell component="th" scope="col">
                    Precedence
                  </TableCell>
                  <TableCell component="th" scope="col">
                    IAM role
                  </TableCell>
                  {canChange && (
                    <TableCell component="th" scope="col">
                      Actions
                    </TableCell>
                  )}
                </TableRow>
              </TableHead>
              <TableBody>
                {groups.map((group) => (
                  <TableRow key={group.groupName}>
                    <TableCell component="th" scope="row">
                      <MuiLink component={Link} to={groupShowPath(poolId, group.groupName)} underline="hover">
                        {group.groupName}
                      </MuiLink>
                    </TableCell>
                    <TableCell>{precedenceLabel(group.precedence)}</TableCell>
                    <TableCell sx={{ wordBreak: 'break-all' }}>
                      {group.roleArn ?? '—'}
                      {group.roleArn && group.roleArn === data.tokenRoles.preferredRole ? ' (preferred)' : ''}
                    </TableCell>
                    {canChange && (
                      <TableCell>
                        <Button
                          size="small"
                          color="warning"
                          startIcon={<PersonRemoveIcon />}
                          aria-label={`Remove ${username} from ${group.groupName}`}
                          onClick={() => open({ kind: 'remove', groupName: group.groupName, username })}
                        >
                          Remove
                        </Button>
                      </TableCell>
                    )}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </>
      )}
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
          title={`Add ${username} to a group`}
          picker={
            <GroupPicker
              poolId={poolId}
              exclude={groups.map((g) => g.groupName)}
              value={picked}
              onChange={setPicked}
            />
          }
          canConfirm={Boolean(picked)}
          busy={busy}
          errors={errors}
          onCancel={() => setChange(null)}
          onConfirm={(reason) => {
            if (picked) void run({ kind: 'add', groupName: picked, username }, reason);
          }}
        />
      )}
    </Box>
  );
}

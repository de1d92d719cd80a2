import { useState } from 'react';
import { Alert, Button, CircularProgress, TextField } from '@mui/material';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import { useDataProvider, useLogoutIfAccessDenied, useNotify, useRedirect } from 'react-admin';
import { ConfirmWithReason } from '../../common/confirm-with-reason';
import { fieldMessagesOf, validateForm, type FieldMessages } from '../../common/contract-form';
import { deleteGroupForm } from './group-forms';
import { GROUPS_PAGE, type GroupMemberRecord, type GroupRecord } from './groups-provider';

type MemberCount =
  | { state: 'loading' }
  | { state: 'known'; count: number; more: boolean }
  | { state: 'failed'; message: string };

function errorMessage(error: unknown): string {
  return error instanceof Error && error.message ? error.message : 'The request failed.';
}

/** What deleting takes away, said before the name is typed: the member count, or "at least N" past a page. */
function MemberCountNote({ count, groupName }: { count: MemberCount; groupName: string }) {
  if (count.state === 'loading')
    return (
      <Alert severity="info" icon={<CircularProgress size={18} aria-hidden />} role="status">
        Counting the members of {groupName}…
      </Alert>
    );
  if (count.state === 'failed')
    return (
      <Alert severity="warning" role="alert">
        The members of {groupName} could not be counted ({count.message}). Deleting still removes every member
        from the group.
      </Alert>
    );
  const members =
    count.count === 0
      ? 'It has no members.'
      : count.more
        ? `It has at least ${count.count} members: they all lose the group.`
        : `It has ${count.count} member${count.count === 1 ? '' : 's'}: ${count.count === 1 ? 'this user loses' : 'they all lose'} the group.`;
  return (
    <Alert severity="warning" role="status">
      {members} Their next tokens no longer carry it (cognito:groups) nor its role. This cannot be undone.
    </Alert>
  );
}

/** Delete a group: the dialog shows the member count first and needs the group name typed again. */
export function DeleteGroupButton({ record, poolId }: { record: GroupRecord; poolId: string }) {
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const redirect = useRedirect();
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [typed, setTyped] = useState('');
  const [errors, setErrors] = useState<FieldMessages>({});
  const [count, setCount] = useState<MemberCount>({ state: 'loading' });
  const groupName = record.groupName;

  const openDialog = () => {
    setTyped('');
    setErrors({});
    setCount({ state: 'loading' });
    setOpen(true);
    // One page of members is enough to say "N" or "at least N" (Cognito cannot count them).
    dataProvider
      .getList<GroupMemberRecord>('group-members', {
        pagination: { page: 1, perPage: GROUPS_PAGE },
        sort: { field: '', order: 'ASC' },
        filter: {},
        meta: { poolId, groupName },
      })
      .then(({ data, pageInfo }) =>
        setCount({ state: 'known', count: data.length, more: Boolean(pageInfo?.hasNextPage) }),
      )
      .catch((error: unknown) => setCount({ state: 'failed', message: errorMessage(error) }));
  };

  const run = async (reason: string) => {
    const problems = validateForm(deleteGroupForm, { confirm: typed, reason }, undefined);
    setErrors(problems ?? {});
    if (problems) return;
    setBusy(true);
    try {
      await dataProvider.delete('groups', {
        id: groupName,
        previousData: record,
        meta: { poolId, confirm: typed, reason },
      });
      setOpen(false);
      notify(`The group ${groupName} was deleted.`, { type: 'success' });
      redirect('list', 'groups');
    } catch (error) {
      const fields = fieldMessagesOf(error);
      if (fields) setErrors(fields);
      else if (!(await logoutIfAccessDenied(error))) notify(errorMessage(error), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        size="small"
        color="error"
        variant="outlined"
        startIcon={<DeleteIcon />}
        sx={{ ml: { sm: 2 } }}
        onClick={openDialog}
      >
        Delete group
      </Button>
      {open && (
        <ConfirmWithReason
          open
          title={`Delete the group ${groupName}?`}
          description={<MemberCountNote count={count} groupName={groupName} />}
          confirmLabel="Delete group"
          destructive
          busy={busy}
          canConfirm={typed === groupName && count.state !== 'loading'}
          errors={errors}
          onCancel={() => setOpen(false)}
          onConfirm={(reason) => void run(reason)}
        >
          <TextField
            label={`Type ${groupName} to confirm`}
            name="confirm-group-name"
            autoFocus
            required
            fullWidth
            margin="dense"
            autoComplete="off"
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            error={Boolean(errors['confirm'])}
            helperText={errors['confirm']}
          />
        </ConfirmWithReason>
      )}
    </>
  );
}

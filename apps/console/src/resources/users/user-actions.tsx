import { useState, type ReactNode } from 'react';
import { Alert, Button, Checkbox, FormControlLabel, TextField } from '@mui/material';
import BlockIcon from '@mui/icons-material/Block';
import CheckCircleOutlineIcon from '@mui/icons-material/CheckCircleOutlined';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import KeyIcon from '@mui/icons-material/Key';
import LockResetIcon from '@mui/icons-material/LockReset';
import LogoutIcon from '@mui/icons-material/Logout';
import { useDataProvider, useLogoutIfAccessDenied, useNotify, useRedirect, useRefresh } from 'react-admin';
import type { Permission, SetPasswordBody } from '@poolkeeper/contract';
import { ConfirmWithReason } from '../../common/confirm-with-reason';
import { fieldMessagesOf, validateForm, type FieldMessages } from '../../common/contract-form';
import { useCan } from '../../common/use-can';
import { actionForm, setPasswordForm } from './user-forms';
import type { UserRecord, UsersDataProvider } from './users-provider';

type ActionKind = 'disable' | 'enable' | 'reset-password' | 'sign-out' | 'set-password' | 'delete';

interface ActionSpec {
  label: string;
  icon: ReactNode;
  permission: Permission;
  /** Button colour: destructive actions stand apart from the everyday ones. */
  tone?: 'warning' | 'error' | 'success';
  destructive?: boolean;
  title: (username: string) => string;
  description: ReactNode;
  success: (username: string) => string;
}

const actions: Record<ActionKind, ActionSpec> = {
  disable: {
    label: 'Disable',
    icon: <BlockIcon />,
    permission: 'users.enable-disable',
    tone: 'warning',
    title: (username) => `Disable ${username}?`,
    description: 'The user can no longer sign in. Tokens already issued stay valid until they expire.',
    success: (username) => `${username} is disabled.`,
  },
  enable: {
    label: 'Enable',
    icon: <CheckCircleOutlineIcon />,
    permission: 'users.enable-disable',
    tone: 'success',
    title: (username) => `Enable ${username}?`,
    description: 'The user can sign in again.',
    success: (username) => `${username} is enabled.`,
  },
  'reset-password': {
    label: 'Reset password',
    icon: <LockResetIcon />,
    permission: 'users.reset-password',
    title: (username) => `Reset the password of ${username}?`,
    description:
      'The current password stops working. Cognito sends the user a code to choose a new one (by email or SMS, as the pool is set up).',
    success: (username) => `The password of ${username} was reset.`,
  },
  'sign-out': {
    label: 'Sign out everywhere',
    icon: <LogoutIcon />,
    permission: 'users.sign-out',
    title: (username) => `Sign ${username} out everywhere?`,
    description:
      'All refresh tokens of this user are revoked: every device must sign in again once its access token expires.',
    success: (username) => `${username} is signed out everywhere.`,
  },
  'set-password': {
    label: 'Set password',
    icon: <KeyIcon />,
    permission: 'users.set-password',
    title: (username) => `Set a password for ${username}`,
    description: 'A temporary password must be changed at the next sign-in; a permanent one need not.',
    success: (username) => `The password of ${username} was set.`,
  },
  delete: {
    label: 'Delete',
    icon: <DeleteIcon />,
    permission: 'users.delete',
    tone: 'error',
    destructive: true,
    title: (username) => `Delete ${username}?`,
    description: (
      <Alert severity="warning" component="span" sx={{ display: 'flex' }}>
        Deleting removes the user from the pool for good: it cannot be undone. Disable the user instead if you
        may need the account again.
      </Alert>
    ),
    success: (username) => `${username} was deleted.`,
  },
};

const order: ActionKind[] = ['reset-password', 'sign-out', 'set-password', 'disable', 'enable', 'delete'];

function errorMessage(error: unknown): string {
  return error instanceof Error && error.message ? error.message : 'The request failed.';
}

/** The action buttons of a user page; only what the signed-in role may do is offered. */
export function UserActions({ record, poolId }: { record: UserRecord; poolId: string }) {
  const allowed = useCan();
  const dataProvider = useDataProvider<UsersDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const redirect = useRedirect();
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  const [open, setOpen] = useState<ActionKind | null>(null);
  const [busy, setBusy] = useState(false);
  const [password, setPassword] = useState('');
  const [permanent, setPermanent] = useState(false);
  const [typedUsername, setTypedUsername] = useState('');
  const [errors, setErrors] = useState<FieldMessages>({});

  const username = record.username;
  const visible = order.filter((kind) => {
    if (!allowed(actions[kind].permission)) return false;
    if (kind === 'disable') return record.enabled;
    if (kind === 'enable') return !record.enabled;
    return true;
  });

  const openDialog = (kind: ActionKind) => {
    setPassword('');
    setPermanent(false);
    setTypedUsername('');
    setErrors({});
    setOpen(kind);
  };

  const send = async (kind: ActionKind, reason: string) => {
    if (kind === 'set-password') {
      const body = setPasswordForm.toBody({ password, permanent, reason }) as SetPasswordBody;
      await dataProvider.setUserPassword('users', { poolId, username, body });
    } else if (kind === 'delete') {
      await dataProvider.delete('users', { id: username, previousData: record, meta: { poolId, reason } });
    } else {
      await dataProvider.userAction('users', { poolId, username, action: kind, reason });
    }
  };

  /**
   * The request is checked with the contract's schema first (nothing is sent while it fails); the
   * API's field errors land in the dialog too, other errors in a notification.
   */
  const run = async (kind: ActionKind, reason: string) => {
    const problems =
      kind === 'set-password'
        ? validateForm(setPasswordForm, { password, permanent, reason }, undefined)
        : validateForm(actionForm, { reason }, undefined);
    setErrors(problems ?? {});
    if (problems) return;
    setBusy(true);
    try {
      await send(kind, reason);
      setOpen(null);
      notify(actions[kind].success(username), { type: 'success' });
      if (kind === 'delete') redirect('list', 'users');
      else refresh();
    } catch (error) {
      const fields = fieldMessagesOf(error);
      if (fields) setErrors(fields);
      else if (!(await logoutIfAccessDenied(error))) notify(errorMessage(error), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const spec = open ? actions[open] : null;
  let extra: ReactNode = undefined;
  let canConfirm = true;
  if (open === 'set-password') {
    // Confirm waits for a password the contract accepts; other problems show when confirming.
    canConfirm = !validateForm(setPasswordForm, { password, permanent, reason: '' }, undefined)?.['password'];
    extra = (
      <>
        <TextField
          label="New password"
          name="password"
          type="password"
          autoComplete="new-password"
          autoFocus
          required
          fullWidth
          margin="dense"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={Boolean(errors['password'])}
          helperText={errors['password']}
        />
        <FormControlLabel
          control={<Checkbox checked={permanent} onChange={(event) => setPermanent(event.target.checked)} />}
          label="Permanent (the user need not change it)"
        />
      </>
    );
  } else if (open === 'delete') {
    canConfirm = typedUsername === username;
    extra = (
      <TextField
        label={`Type ${username} to confirm`}
        name="confirm-username"
        autoFocus
        required
        fullWidth
        margin="dense"
        autoComplete="off"
        value={typedUsername}
        onChange={(event) => setTypedUsername(event.target.value)}
      />
    );
  }

  return (
    <>
      {visible.map((kind) => (
        <Button
          key={kind}
          size="small"
          startIcon={actions[kind].icon}
          color={actions[kind].tone ?? 'primary'}
          variant={actions[kind].destructive ? 'outlined' : 'text'}
          // Delete sits apart from the everyday actions.
          sx={actions[kind].destructive ? { ml: { sm: 2 } } : undefined}
          onClick={() => openDialog(kind)}
        >
          {actions[kind].label}
        </Button>
      ))}
      {spec && open && (
        <ConfirmWithReason
          open
          title={spec.title(username)}
          description={spec.description}
          confirmLabel={spec.label}
          destructive={spec.destructive ?? open === 'disable'}
          busy={busy}
          canConfirm={canConfirm}
          errors={errors}
          onCancel={() => setOpen(null)}
          onConfirm={(reason) => void run(open, reason)}
        >
          {extra}
        </ConfirmWithReason>
      )}
    </>
  );
}

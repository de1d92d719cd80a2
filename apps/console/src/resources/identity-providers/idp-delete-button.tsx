import { useState } from 'react';
import { Alert, Button, TextField } from '@mui/material';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import { useDataProvider, useLogoutIfAccessDenied, useNotify, useRedirect } from 'react-admin';
import { ConfirmWithReason } from '../../common/confirm-with-reason';
import { fieldMessagesOf, validateForm, type FieldMessages } from '../../common/contract-form';
import { actionForm } from '../users/user-forms';
import type { IdentityProvidersDataProvider, IdpRecord } from './identity-providers-provider';

/**
 * Deletes the provider after the operator typed its name (and optionally gave a reason for the audit
 * log). Only rendered for roles holding identity-providers.write.
 */
export function IdpDeleteButton({ record, poolId }: { record: IdpRecord; poolId: string }) {
  const dataProvider = useDataProvider<IdentityProvidersDataProvider>();
  const notify = useNotify();
  const redirect = useRedirect();
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [typed, setTyped] = useState('');
  const [errors, setErrors] = useState<FieldMessages>({});
  const clients = record.clients ?? [];

  const confirm = async (reason: string) => {
    const problems = validateForm(actionForm, { reason }, undefined);
    setErrors(problems ?? {});
    if (problems) return;
    setBusy(true);
    try {
      await dataProvider.delete('identity-providers', {
        id: record.id,
        previousData: record,
        meta: { poolId, reason },
      });
      setOpen(false);
      notify(`${record.name} was deleted.`, { type: 'success' });
      redirect('list', 'identity-providers');
    } catch (error) {
      const fields = fieldMessagesOf(error);
      if (fields) setErrors(fields);
      else if (!(await logoutIfAccessDenied(error)))
        notify(error instanceof Error && error.message ? error.message : 'The request failed.', {
          type: 'error',
        });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        size="small"
        color="error"
        startIcon={<DeleteIcon />}
        onClick={() => {
          setTyped('');
          setErrors({});
          setOpen(true);
        }}
      >
        Delete
      </Button>
      <ConfirmWithReason
        open={open}
        title={`Delete ${record.name}?`}
        description={
          <Alert severity="warning" component="span" sx={{ display: 'flex' }}>
            Users can no longer sign in through {record.name}
            {clients.length > 0 ? ` (offered by ${clients.map((c) => c.name || c.clientId).join(', ')})` : ''}
            . Their user-pool profiles stay. This cannot be undone.
          </Alert>
        }
        confirmLabel="Delete provider"
        destructive
        busy={busy}
        canConfirm={typed === record.name}
        errors={errors}
        onCancel={() => setOpen(false)}
        onConfirm={(reason) => void confirm(reason)}
      >
        <TextField
          label={`Type ${record.name} to confirm`}
          name="confirm-name"
          autoFocus
          required
          fullWidth
          margin="dense"
          autoComplete="off"
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
        />
      </ConfirmWithReason>
    </>
  );
}

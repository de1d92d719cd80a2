import { useState } from 'react';
import { Alert, Box, Button, Chip, CircularProgress, Stack, Typography } from '@mui/material';
import PhonelinkEraseIcon from '@mui/icons-material/PhonelinkErase';
import {
  useDataProvider,
  useGetOne,
  useLogoutIfAccessDenied,
  useNotify,
  useRecordContext,
} from 'react-admin';
import { nextSignInAfterReset, resetUserMfaBodySchema } from '@poolkeeper/contract';
import { ConfirmWithReason } from '../../common/confirm-with-reason';
import { fieldMessagesOf, validateBody, type FieldMessages } from '../../common/contract-form';
import { useCan } from '../../common/use-can';
import { usePool } from '../../common/use-current-pool';
import { factorLabels, modeLabels, type UserMfaDataProvider, type UserMfaRecord } from '../mfa/mfa-provider';
import type { UserRecord } from './users-provider';

const fieldOf = (field: string) => field;

/**
 * The user page's MFA panel: the factors the user enrolled, the preferred one and the pool's MFA mode;
 * for support and admin (`users.reset-mfa`) "Reset MFA", which removes every factor after a dialog that says
 * what the user will see at the next sign-in and asks for the reason the audit log keeps.
 */
export function UserMfaPanel(_props: { label?: string }) {
  const record = useRecordContext<UserRecord>();
  const pool = usePool();
  const allowed = useCan();
  const dataProvider = useDataProvider<UserMfaDataProvider>();
  const notify = useNotify();
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  const username = record?.username ?? '';
  const { data, isPending, error, refetch } = useGetOne<UserMfaRecord>(
    'user-mfa',
    { id: username, meta: { poolId: pool.id } },
    { enabled: Boolean(username) },
  );
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FieldMessages>({});

  if (!record) return null;

  const reset = async (reason: string) => {
    const problems = validateBody(resetUserMfaBodySchema, { reason }, fieldOf);
    setErrors(problems ?? {});
    if (problems) return;
    setBusy(true);
    try {
      await dataProvider.resetUserMfa('user-mfa', { poolId: pool.id, username, reason });
      setOpen(false);
      notify(`The MFA of ${username} was reset.`, { type: 'success' });
      await refetch();
    } catch (failure) {
      const fields = fieldMessagesOf(failure);
      if (fields) setErrors(fields);
      else if (!(await logoutIfAccessDenied(failure)))
        notify(failure instanceof Error ? failure.message : 'The request failed.', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  let body;
  if (isPending) {
    body = (
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <CircularProgress size={16} aria-label="Loading MFA" />
        <Typography variant="body2">Loading MFA…</Typography>
      </Stack>
    );
  } else if (error || !data) {
    body = (
      <Alert severity="warning" role="alert">
        The MFA settings of this user could not be loaded
        {error instanceof Error && error.message ? `: ${error.message}` : '.'}
      </Alert>
    );
  } else {
    body = (
      <Stack spacing={1}>
        <Box>
          <Typography variant="body2" component="span" sx={{ mr: 1 }}>
            Enrolled factors:
          </Typography>
          {data.enabled.length === 0 ? (
            <Typography variant="body2" component="span" data-testid="mfa-factors">
              none
            </Typography>
          ) : (
            <Stack
              direction="row"
              spacing={1}
              component="span"
              data-testid="mfa-factors"
              sx={{ display: 'inline-flex', flexWrap: 'wrap' }}
            >
              {data.enabled.map((factor) => (
                <Chip key={factor} size="small" label={factorLabels[factor] ?? factor} />
              ))}
            </Stack>
          )}
        </Box>
        <Typography variant="body2" data-testid="mfa-preferred">
          Preferred factor: {data.preferred ? (factorLabels[data.preferred] ?? data.preferred) : 'none'}
        </Typography>
        <Typography variant="body2">MFA in this pool: {modeLabels[data.poolMode]}</Typography>
        {allowed('users.reset-mfa') && (
          <Box>
            <Button
              size="small"
              variant="outlined"
              color="warning"
              startIcon={<PhonelinkEraseIcon />}
              disabled={data.enabled.length === 0}
              onClick={() => {
                setErrors({});
                setOpen(true);
              }}
            >
              Reset MFA
            </Button>
            {data.enabled.length === 0 && (
              <Typography variant="caption" component="p" sx={{ mt: 0.5 }}>
                Nothing to reset: the user has no MFA factor.
              </Typography>
            )}
          </Box>
        )}
        {open && (
          <ConfirmWithReason
            open
            title={`Reset the MFA of ${username}?`}
            description={
              <>
                <Typography variant="body2" component="span" sx={{ display: 'block', mb: 1 }}>
                  This removes the user&apos;s authenticator app and turns off every MFA factor (use it when
                  the user lost their phone).
                </Typography>
                <Alert severity="info" component="span" sx={{ display: 'flex' }}>
                  {nextSignInAfterReset(data.poolMode)}
                </Alert>
              </>
            }
            confirmLabel="Reset MFA"
            destructive
            reasonRequired
            busy={busy}
            errors={errors}
            onCancel={() => setOpen(false)}
            onConfirm={(reason) => void reset(reason)}
          />
        )}
      </Stack>
    );
  }

  return (
    <Box component="section" aria-labelledby="user-mfa-heading" sx={{ mt: 1 }}>
      <Typography id="user-mfa-heading" variant="subtitle1" component="h2" sx={{ mb: 1 }}>
        Multi-factor authentication
      </Typography>
      {body}
    </Box>
  );
}

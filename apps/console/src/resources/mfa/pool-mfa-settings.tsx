import { useEffect, useState, type ReactNode } from 'react';
import {
  Alert,
  AlertTitle,
  Box,
  Button,
  Card,
  CardContent,
  Checkbox,
  FormControl,
  FormControlLabel,
  FormHelperText,
  FormLabel,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { Loading, Title, useGetOne, useLogoutIfAccessDenied, useNotify, useUpdate } from 'react-admin';
import { poolMfaModes, type PoolMfaMode } from '@poolkeeper/contract';
import { ConfirmWithReason } from '../../common/confirm-with-reason';
import { fieldMessagesOf, formLevelError, type FieldMessages } from '../../common/contract-form';
import { useCan } from '../../common/use-can';
import { usePool } from '../../common/use-current-pool';
import { modeLabels, type PoolMfaConfigRecord } from './mfa-provider';
import { type PoolMfaDraft, draftOf, draftProblems, effectsOf, isChanged, toBody } from './pool-mfa-form';

const modeHelp: Record<PoolMfaMode, string> = {
  OFF: 'Nobody is asked for a code at sign-in.',
  OPTIONAL: 'Users who enrolled a factor are asked for a code; the others sign in with the password alone.',
  ON: 'Every user must use a factor: users without one are put into MFA setup at their next sign-in.',
};

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box component="section" sx={{ mb: 3 }}>
      <Typography variant="subtitle1" component="h2" sx={{ mb: 1 }}>
        {title}
      </Typography>
      {children}
    </Box>
  );
}

/**
 * The pool's MFA settings (`#/pools/<poolId>/mfa`): off / optional / required and the factors, with a plain
 * account of what changes for users before anything is saved. Admins (`pools.mfa-config`) edit and confirm
 * with a reason; other roles see the same settings read-only.
 */
export function PoolMfaSettings() {
  const pool = usePool();
  const allowed = useCan();
  const canEdit = allowed('pools.mfa-config');
  const notify = useNotify();
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  const { data, isPending, error, refetch } = useGetOne<PoolMfaConfigRecord>('pool-mfa-config', {
    id: pool.id,
  });
  const [update, { isPending: saving }] = useUpdate<PoolMfaConfigRecord>();
  const [draft, setDraft] = useState<PoolMfaDraft | null>(null);
  const [errors, setErrors] = useState<FieldMessages>({});
  const [confirming, setConfirming] = useState(false);

  useEffect(() => {
    if (data) setDraft(draftOf(data));
  }, [data]);

  const title = <Title title={`MFA settings — ${pool.name}`} />;
  if (isPending) return <Loading />;
  if (error || !data) {
    return (
      <Box sx={{ m: 2 }}>
        {title}
        <Alert severity="error" role="alert">
          <AlertTitle>The MFA settings of this pool could not be loaded</AlertTitle>
          {error instanceof Error ? error.message : 'Try again in a moment.'}
          <Box sx={{ mt: 1 }}>
            <Button size="small" onClick={() => void refetch()}>
              Try again
            </Button>
          </Box>
        </Alert>
      </Box>
    );
  }
  if (!draft) return <Loading />;

  const set = (change: Partial<PoolMfaDraft>) => {
    setDraft({ ...draft, ...change });
    setErrors({});
  };
  const changed = isChanged(draft, data);
  const effects = effectsOf(draft, data);
  const off = draft.mode === 'OFF';
  const disabled = !canEdit || saving;

  const review = () => {
    const problems = draftProblems(draft, data);
    setErrors(problems ?? {});
    if (!problems) setConfirming(true);
  };

  const save = (reason: string) => {
    update(
      'pool-mfa-config',
      { id: pool.id, data: toBody(draft, data, reason), previousData: data },
      {
        mutationMode: 'pessimistic',
        onSuccess: () => {
          setConfirming(false);
          notify('The MFA settings were saved.', { type: 'success' });
        },
        onError: async (failure) => {
          const fields = fieldMessagesOf(failure);
          if (fields) {
            setErrors(fields);
            if (!('reason' in fields)) setConfirming(false);
          } else if (!(await logoutIfAccessDenied(failure))) {
            setConfirming(false);
            notify(failure instanceof Error ? failure.message : 'The request failed.', { type: 'error' });
          }
        },
      },
    );
  };

  const text = (name: keyof PoolMfaDraft, label: string, helper: string, required = false) => (
    <TextField
      label={label}
      name={name}
      value={String(draft[name])}
      onChange={(event) => set({ [name]: event.target.value } as Partial<PoolMfaDraft>)}
      error={Boolean(errors[name])}
      helperText={errors[name] ?? helper}
      required={required}
      disabled={disabled}
      fullWidth
      margin="dense"
      size="small"
    />
  );

  return (
    <Box sx={{ m: { xs: 1, sm: 2 }, maxWidth: 840 }}>
      {title}
      <Card>
        <CardContent>
          {!canEdit && (
            <Alert severity="info" sx={{ mb: 2 }}>
              Only administrators can change a pool&apos;s MFA settings; you see them read-only.
            </Alert>
          )}
          <Typography variant="body2" sx={{ mb: 2 }} data-testid="mfa-current-mode">
            Now: MFA is {modeLabels[data.mode].toLowerCase()} in {pool.name}.
          </Typography>
          <Section title="Who must use MFA">
            {/* Only the radios are disabled for read-only roles: a disabled label or help text is too pale to read. */}
            <FormControl error={Boolean(errors['mode'])}>
              <FormLabel id="mfa-mode-label">MFA</FormLabel>
              <RadioGroup
                aria-labelledby="mfa-mode-label"
                name="mode"
                value={draft.mode}
                onChange={(event) => set({ mode: event.target.value as PoolMfaMode })}
              >
                {poolMfaModes.map((mode) => (
                  <Box key={mode} sx={{ mb: 1 }}>
                    <FormControlLabel
                      value={mode}
                      control={<Radio />}
                      label={modeLabels[mode]}
                      disabled={disabled}
                    />
                    <FormHelperText sx={{ mt: -0.5, ml: 4 }}>{modeHelp[mode]}</FormHelperText>
                  </Box>
                ))}
              </RadioGroup>
              {errors['mode'] && <FormHelperText role="alert">{errors['mode']}</FormHelperText>}
            </FormControl>
          </Section>
          <Section title="Factors users may enrol">
            {off && (
              <Typography variant="body2" sx={{ mb: 1 }}>
                With MFA off no factor is offered; choose Optional or Required to pick factors.
              </Typography>
            )}
            <Stack>
              <FormControlLabel
                control={
                  <Checkbox
                    checked={!off && draft.softwareTokenMfa}
                    onChange={(event) => set({ softwareTokenMfa: event.target.checked })}
                  />
                }
                label="Authenticator app (TOTP)"
                disabled={disabled || off}
              />
              <FormControlLabel
                control={
                  <Checkbox
                    checked={!off && draft.sms}
                    onChange={(event) => set({ sms: event.target.checked })}
                  />
                }
                label="SMS text message"
                disabled={disabled || off}
              />
              {!off && draft.sms && (
                <Box sx={{ ml: 4 }}>
                  {text(
                    'snsCallerArn',
                    'SNS role ARN',
                    'The IAM role Cognito assumes to send the SMS through Amazon SNS.',
                    true,
                  )}
                  {text(
                    'externalId',
                    'External ID',
                    'The external ID of that role’s trust policy (optional).',
                  )}
                  {text('smsMessage', 'SMS message', 'Optional; must contain {####}, where the code goes.')}
                </Box>
              )}
              <FormControlLabel
                control={
                  <Checkbox
                    checked={!off && draft.email}
                    onChange={(event) => set({ email: event.target.checked })}
                  />
                }
                label="Email code"
                disabled={disabled || off}
              />
              {!off && draft.email && (
                <Box sx={{ ml: 4 }}>
                  <Typography variant="caption" component="p">
                    Email MFA needs the Essentials or Plus feature plan and Amazon SES email sending.
                  </Typography>
                  {text('emailSubject', 'Email subject', 'Optional.')}
                  {text(
                    'emailMessage',
                    'Email message',
                    'Optional; must contain {####}, where the code goes.',
                  )}
                </Box>
              )}
            </Stack>
          </Section>
          {canEdit && (
            <Section title="What changes for users">
              {effects.length === 0 ? (
                <Typography variant="body2">Nothing changes: these are the settings in force.</Typography>
              ) : (
                <Alert severity={draft.mode === 'ON' && data.mode !== 'ON' ? 'warning' : 'info'}>
                  <Box component="ul" sx={{ m: 0, pl: 2 }} data-testid="mfa-effects">
                    {effects.map((effect) => (
                      <li key={effect}>{effect}</li>
                    ))}
                  </Box>
                </Alert>
              )}
              {errors[formLevelError] && (
                <Alert severity="error" role="alert" sx={{ mt: 1 }}>
                  {errors[formLevelError]}
                </Alert>
              )}
              <Stack direction="row" spacing={1} sx={{ mt: 2 }}>
                <Button variant="contained" onClick={review} disabled={!changed || saving}>
                  Save MFA settings
                </Button>
                <Button onClick={() => set(draftOf(data))} disabled={!changed || saving}>
                  Undo changes
                </Button>
              </Stack>
            </Section>
          )}
        </CardContent>
      </Card>
      {confirming && (
        <ConfirmWithReason
          open
          title={`Change the MFA settings of ${pool.name}?`}
          description={
            <Box component="ul" sx={{ m: 0, pl: 2 }}>
              {effects.map((effect) => (
                <li key={effect}>{effect}</li>
              ))}
            </Box>
          }
          confirmLabel="Save MFA settings"
          destructive={draft.mode === 'ON' && data.mode !== 'ON'}
          reasonRequired
          busy={saving}
          errors={errors}
          onCancel={() => setConfirming(false)}
          onConfirm={save}
        />
      )}
    </Box>
  );
}

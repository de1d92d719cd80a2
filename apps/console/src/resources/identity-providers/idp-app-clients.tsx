import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  CircularProgress,
  FormControlLabel,
  FormGroup,
  Typography,
} from '@mui/material';
import {
  useDataProvider,
  useGetList,
  useLogoutIfAccessDenied,
  useNotify,
  useRecordContext,
  useRefresh,
} from 'react-admin';
import { ConfirmWithReason } from '../../common/confirm-with-reason';
import { validateForm, type FieldMessages } from '../../common/contract-form';
import { useCan } from '../../common/use-can';
import { actionForm } from '../users/user-forms';
import { FormSection } from '../users/user-inputs';
import type {
  AppClientRecord,
  IdentityProvidersDataProvider,
  IdpRecord,
} from './identity-providers-provider';
import { clientChanges } from './idp-client-changes';

/** Read-only: the app clients that offer the provider (from the provider's own answer). */
function ClientsReadOnly({ record }: { record: IdpRecord }) {
  const clients = record.clients ?? [];
  if (clients.length === 0)
    return <Typography variant="body2">No app client offers this provider yet.</Typography>;
  return (
    <Box component="ul" aria-label="App clients using this provider" sx={{ m: 0, pl: 3 }}>
      {clients.map((client) => (
        <li key={client.clientId}>
          <Typography variant="body2" component="span">
            {client.name || client.clientId}{' '}
            <Typography variant="caption" component="span" color="text.secondary">
              ({client.clientId})
            </Typography>
          </Typography>
        </li>
      ))}
    </Box>
  );
}

/**
 * Admin: every app client of the pool with a checkbox "offers this provider"; saving sets the changed
 * clients' SupportedIdentityProviders (one audited change per client), after a confirmation with a reason.
 */
function ClientsEditor({ record, poolId }: { record: IdpRecord; poolId: string }) {
  const dataProvider = useDataProvider<IdentityProvidersDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  const { data, isPending, error, refetch } = useGetList<AppClientRecord>('app-clients', {
    pagination: { page: 1, perPage: 1000 },
    meta: { poolId },
  });
  const clients = useMemo(() => data ?? [], [data]);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FieldMessages>({});

  useEffect(() => {
    setChosen(new Set(clients.filter((c) => c.providers.includes(record.name)).map((c) => c.clientId)));
  }, [clients, record.name]);

  const changes = clientChanges(clients, record.name, chosen);

  if (isPending) return <CircularProgress size={20} aria-label="Loading the app clients" />;
  if (error)
    return (
      <Alert severity="error" role="alert">
        The app clients could not be loaded: {error instanceof Error ? error.message : 'request failed'}
      </Alert>
    );
  if (clients.length === 0)
    return <Typography variant="body2">The pool has no app client to offer this provider.</Typography>;

  const save = async (reason: string) => {
    const problems = validateForm(actionForm, { reason }, undefined);
    setErrors(problems ?? {});
    if (problems) return;
    setBusy(true);
    const done: string[] = [];
    try {
      for (const change of changes) {
        await dataProvider.setClientProviders('identity-providers', {
          poolId,
          clientId: change.clientId,
          providers: change.providers,
          reason,
        });
        done.push(change.name);
      }
      setOpen(false);
      notify(`The app clients offering ${record.name} were saved.`, { type: 'success' });
    } catch (err) {
      if (!(await logoutIfAccessDenied(err))) {
        const message = err instanceof Error && err.message ? err.message : 'The request failed.';
        setErrors({
          'root.serverError': done.length
            ? `${message} Saved before the failure: ${done.join(', ')}.`
            : message,
        });
      }
    } finally {
      setBusy(false);
      void refetch();
      refresh();
    }
  };

  return (
    <>
      <FormGroup aria-label={`App clients offering ${record.name}`}>
        {clients.map((client) => (
          <FormControlLabel
            key={client.clientId}
            control={
              <Checkbox
                checked={chosen.has(client.clientId)}
                onChange={(event) => {
                  const next = new Set(chosen);
                  if (event.target.checked) next.add(client.clientId);
                  else next.delete(client.clientId);
                  setChosen(next);
                }}
              />
            }
            label={`${client.name || client.clientId} (${client.clientId})`}
          />
        ))}
      </FormGroup>
      <Box sx={{ display: 'flex', gap: 1, mt: 1 }}>
        <Button
          variant="contained"
          size="small"
          disabled={changes.length === 0}
          onClick={() => {
            setErrors({});
            setOpen(true);
          }}
        >
          Save app clients
        </Button>
        {changes.length > 0 && (
          <Button
            size="small"
            onClick={() =>
              setChosen(
                new Set(clients.filter((c) => c.providers.includes(record.name)).map((c) => c.clientId)),
              )
            }
          >
            Discard
          </Button>
        )}
      </Box>
      <ConfirmWithReason
        open={open}
        title={`Change the app clients offering ${record.name}?`}
        description={
          <Box component="span" sx={{ display: 'block' }}>
            {changes.map((change) => (
              <Box component="span" key={change.clientId} sx={{ display: 'block' }}>
                {change.name}: {change.adds ? 'will offer' : 'will no longer offer'} {record.name}
              </Box>
            ))}
          </Box>
        }
        confirmLabel="Save"
        busy={busy}
        errors={errors}
        onCancel={() => setOpen(false)}
        onConfirm={(reason) => void save(reason)}
      />
    </>
  );
}

/** Which app clients offer the provider: editable for identity-providers.write, a list otherwise. */
export function IdpAppClients({ poolId }: { poolId: string }) {
  const record = useRecordContext<IdpRecord>();
  const allowed = useCan();
  if (!record) return null;
  return (
    <>
      <FormSection>App clients using this provider</FormSection>
      {allowed('identity-providers.write') ? (
        <ClientsEditor record={record} poolId={poolId} />
      ) : (
        <ClientsReadOnly record={record} />
      )}
    </>
  );
}

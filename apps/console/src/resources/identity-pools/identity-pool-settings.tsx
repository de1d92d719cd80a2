import { useState } from 'react';
import {
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  FormControlLabel,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import EditIcon from '@mui/icons-material/Edit';
import { useLogoutIfAccessDenied, useNotify, useUpdate } from 'react-admin';
import { updateIdentityPoolBodySchema, type IdentityPoolDetail } from '@poolkeeper/contract';
import { ConfirmWithReason } from '../../common/confirm-with-reason';
import { fieldMessagesOf, validateBody, type FieldMessages } from '../../common/contract-form';
import { NarrowProviders } from './narrow-providers';

function OnOff({ on }: { on: boolean }) {
  return (
    <Chip size="small" variant="outlined" color={on ? 'success' : 'default'} label={on ? 'On' : 'Off'} />
  );
}

function Providers({ pool }: { pool: IdentityPoolDetail }) {
  const other = [
    ...Object.entries(pool.supportedLoginProviders).map(([k, v]) => `${k} (app id ${v})`),
    ...pool.openIdConnectProviderArns.map((a) => `OIDC ${a}`),
    ...pool.samlProviderArns.map((a) => `SAML ${a}`),
    ...(pool.developerProviderName ? [`Developer provider ${pool.developerProviderName}`] : []),
  ];
  return (
    <>
      <Typography variant="subtitle1" component="h3" sx={{ mt: 2 }}>
        Cognito user-pool providers
      </Typography>
      <NarrowProviders pool={pool} sx={{ display: { md: 'none' } }} />
      <Table size="small" aria-label="User-pool providers" sx={{ display: { xs: 'none', md: 'table' } }}>
        <TableHead>
          <TableRow>
            <TableCell component="th" scope="col">
              User pool
            </TableCell>
            <TableCell component="th" scope="col">
              App client
            </TableCell>
            <TableCell component="th" scope="col">
              Server-side token check
            </TableCell>
            <TableCell component="th" scope="col">
              Managed by poolkeeper
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {pool.userPoolProviders.map((p) => (
            <TableRow key={p.mappingKey}>
              <TableCell component="th" scope="row" sx={{ wordBreak: 'break-all' }}>
                {p.userPoolId ?? p.providerName}
              </TableCell>
              <TableCell sx={{ fontFamily: 'monospace' }}>{p.clientId}</TableCell>
              <TableCell>{p.serverSideTokenCheck ? 'Yes' : 'No'}</TableCell>
              <TableCell>{p.managed ? 'Yes' : 'No'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Typography variant="subtitle1" component="h3" sx={{ mt: 2 }}>
        Other providers
      </Typography>
      {other.length === 0 ? (
        <Typography variant="body2">None (no social, OIDC, SAML or developer providers).</Typography>
      ) : (
        <Box component="ul" sx={{ m: 0, pl: 3 }}>
          {other.map((o) => (
            <Typography key={o} component="li" variant="body2" sx={{ wordBreak: 'break-all' }}>
              {o}
            </Typography>
          ))}
        </Box>
      )}
    </>
  );
}

/** Guest access and the classic (basic) flow, with an edit dialog (confirmation and audit reason) for admins. */
export function IdentityPoolSettings({ pool, canEdit }: { pool: IdentityPoolDetail; canEdit: boolean }) {
  const [open, setOpen] = useState(false);
  const [guests, setGuests] = useState(pool.allowUnauthenticated);
  const [classic, setClassic] = useState(pool.allowClassicFlow);
  const [errors, setErrors] = useState<FieldMessages>({});
  const [update, { isPending }] = useUpdate<IdentityPoolDetail>();
  const notify = useNotify();
  const logoutIfAccessDenied = useLogoutIfAccessDenied();

  const start = () => {
    setGuests(pool.allowUnauthenticated);
    setClassic(pool.allowClassicFlow);
    setErrors({});
    setOpen(true);
  };
  const save = (reason: string) => {
    const body = {
      ...(guests !== pool.allowUnauthenticated ? { allowUnauthenticated: guests } : {}),
      ...(classic !== pool.allowClassicFlow ? { allowClassicFlow: classic } : {}),
      ...(reason.trim() ? { reason: reason.trim() } : {}),
    };
    const problems = validateBody(updateIdentityPoolBodySchema, body, (f) => f);
    setErrors(problems ?? {});
    if (problems) return;
    update(
      'identity-pools',
      { id: pool.id, data: body, previousData: pool },
      {
        mutationMode: 'pessimistic',
        onSuccess: () => {
          setOpen(false);
          notify('The identity pool settings are saved.', { type: 'success' });
        },
        onError: async (error) => {
          const fields = fieldMessagesOf(error);
          if (fields) setErrors(fields);
          else if (!(await logoutIfAccessDenied(error)))
            notify(error instanceof Error ? error.message : 'The request failed.', { type: 'error' });
        },
      },
    );
  };
  const changed = guests !== pool.allowUnauthenticated || classic !== pool.allowClassicFlow;

  return (
    <Card component="section" aria-labelledby="settings-heading">
      <CardContent>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
          <Typography variant="h6" component="h2" id="settings-heading" sx={{ flex: 1 }}>
            Settings and providers
          </Typography>
          {canEdit && (
            <Button size="small" startIcon={<EditIcon />} onClick={start}>
              Edit settings
            </Button>
          )}
        </Box>
        <Box
          component="dl"
          sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 3, rowGap: 1, m: 0 }}
        >
          <Typography component="dt" variant="body2" sx={{ fontWeight: 600 }}>
            Identity pool id
          </Typography>
          <Typography component="dd" variant="body2" sx={{ m: 0, fontFamily: 'monospace' }}>
            {pool.id}
          </Typography>
          <Typography component="dt" variant="body2" sx={{ fontWeight: 600 }}>
            Guest access (unauthenticated identities)
          </Typography>
          <Box component="dd" sx={{ m: 0 }} data-testid="guest-access">
            <OnOff on={pool.allowUnauthenticated} />
          </Box>
          <Typography component="dt" variant="body2" sx={{ fontWeight: 600 }}>
            Classic (basic) flow
          </Typography>
          <Box component="dd" sx={{ m: 0 }} data-testid="classic-flow">
            <OnOff on={pool.allowClassicFlow} />
          </Box>
        </Box>
        <Providers pool={pool} />
        {open && (
          <ConfirmWithReason
            open
            title={`Edit the settings of ${pool.name}`}
            description="Guest access lets anyone get credentials of the unauthenticated role, without signing in. The classic flow lets apps call AssumeRoleWithWebIdentity themselves with GetOpenIdToken's token."
            confirmLabel="Save settings"
            busy={isPending}
            canConfirm={changed}
            errors={errors}
            onCancel={() => setOpen(false)}
            onConfirm={save}
          >
            <FormControlLabel
              control={<Switch checked={guests} onChange={(e) => setGuests(e.target.checked)} autoFocus />}
              label="Guest access (unauthenticated identities)"
            />
            <FormControlLabel
              control={<Switch checked={classic} onChange={(e) => setClassic(e.target.checked)} />}
              label="Classic (basic) flow"
            />
          </ConfirmWithReason>
        )}
      </CardContent>
    </Card>
  );
}

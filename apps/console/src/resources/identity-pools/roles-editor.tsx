import { useMemo, useState } from 'react';
import { Alert, AlertTitle, Box, Button, Card, CardContent, Typography } from '@mui/material';
import { Loading, useLogoutIfAccessDenied, useNotify, useUpdate } from 'react-admin';
import {
  cognitoIdentityTrustPolicy,
  roleNameOfArn,
  type IdentityPoolDetail,
  type RoleWarning,
} from '@poolkeeper/contract';
import { ConfirmWithReason } from '../../common/confirm-with-reason';
import { fieldMessagesOf, type FieldMessages } from '../../common/contract-form';
import { IamRolePicker } from './iam-role-picker';
import type { IamRoleRecord, IdentityPoolRolesRecord } from './identity-pools-provider';
import { RoleMappingEditor } from './role-mapping-editor';
import { draftOf, isDirty, toBody, validateDraft, warningsOfRole, type RolesDraft } from './roles-draft';
import { TrustWarning } from './trust-warning';

type Amr = 'authenticated' | 'unauthenticated';

function errorMessage(error: unknown): string {
  return error instanceof Error && error.message ? error.message : 'The request failed.';
}

/**
 * The identity pool's roles (authenticated / unauthenticated) and role mappings per provider, with the
 * API's warnings beside what they are about. Read-only without identity-pools.write; otherwise edited as a
 * draft, checked with the contract schema, and saved (SetIdentityPoolRoles) after a confirmation.
 */
export function RolesEditor({
  pool,
  view,
  canEdit,
}: {
  pool: IdentityPoolDetail;
  view: IdentityPoolRolesRecord;
  canEdit: boolean;
}) {
  const saved = useMemo(() => draftOf(pool, view), [pool, view]);
  const [draft, setDraft] = useState<RolesDraft>(saved);
  const [picked, setPicked] = useState(() => new Map<string, IamRoleRecord>());
  const [errors, setErrors] = useState<FieldMessages>({});
  const [confirming, setConfirming] = useState(false);
  const [update, { isPending: saving }] = useUpdate<IdentityPoolRolesRecord>();
  const notify = useNotify();
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  const readOnly = !canEdit;
  const dirty = isDirty(draft, saved);

  const remember = (role: IamRoleRecord) => setPicked((m) => new Map(m).set(role.arn, role));
  /** A role picked here (not saved yet) that the trust check (ListRoles with identityPoolId) refuses. */
  const trustOfPick = (arn: string, amr: Amr = 'authenticated') => {
    const role = picked.get(arn);
    if (!role?.trust || role.trust[amr]) return null;
    return {
      message: `${roleNameOfArn(arn) ?? arn} does not let cognito-identity.amazonaws.com assume it for this identity pool (aud) with amr "${amr}": GetCredentialsForIdentity would fail with it.`,
      fixPolicy: cognitoIdentityTrustPolicy(pool.id, amr),
    };
  };

  const startSave = () => {
    const problems = validateDraft(draft, '');
    setErrors(problems ?? {});
    if (problems) {
      notify('Some mappings need fixing before they can be saved.', { type: 'warning' });
      return;
    }
    setConfirming(true);
  };

  const save = (reason: string) => {
    const problems = validateDraft(draft, reason);
    setErrors(problems ?? {});
    if (problems) return;
    update(
      'identity-pool-roles',
      { id: pool.id, data: toBody(draft, reason), previousData: view },
      {
        mutationMode: 'pessimistic',
        onSuccess: () => {
          setConfirming(false);
          notify('The roles and role mappings are saved.', { type: 'success' });
        },
        onError: async (error) => {
          const fields = fieldMessagesOf(error);
          setConfirming(false);
          if (fields) {
            setErrors(fields);
            notify('The API refused some mappings: see the fields.', { type: 'error' });
          } else if (!(await logoutIfAccessDenied(error))) notify(errorMessage(error), { type: 'error' });
        },
      },
    );
  };

  const roleField = (which: Amr, label: string, hint: string) => {
    const arn = draft[which];
    const savedWarnings: RoleWarning[] =
      arn === saved[which] ? warningsOfRole(view.warnings, which, arn) : [];
    const pickTrust = arn && arn !== saved[which] ? trustOfPick(arn, which) : null;
    return (
      <Box sx={{ flex: '1 1 360px' }}>
        {readOnly ? (
          <>
            <Typography variant="subtitle2" component="h3">
              {label}
            </Typography>
            <Typography variant="body2" sx={{ wordBreak: 'break-all' }}>
              {arn ? `${roleNameOfArn(arn) ?? arn} (${arn})` : 'None'}
            </Typography>
          </>
        ) : (
          <IamRolePicker
            label={label}
            value={arn}
            identityPoolId={pool.id}
            amr={which}
            error={errors[`roles.${which}`]}
            onChange={(value, role) => {
              if (role) remember(role);
              setDraft((d) => ({ ...d, [which]: value }));
            }}
          />
        )}
        <Typography variant="caption" color="text.secondary">
          {hint}
        </Typography>
        {savedWarnings.map((w) =>
          w.kind === 'role_not_trusted' ? (
            <TrustWarning key={w.field} message={w.message} fixPolicy={w.fixPolicy} />
          ) : (
            <Alert key={w.field} severity="warning" sx={{ mt: 1 }}>
              {w.message}
            </Alert>
          ),
        )}
        {pickTrust && <TrustWarning message={pickTrust.message} fixPolicy={pickTrust.fixPolicy} />}
      </Box>
    );
  };

  return (
    <Card component="section" aria-labelledby="roles-heading" sx={{ mt: 2 }}>
      <CardContent>
        <Typography variant="h6" component="h2" id="roles-heading">
          Roles and role mappings
        </Typography>
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, mt: 1 }}>
          {roleField(
            'authenticated',
            'Authenticated role',
            'Signed-in identities, unless a mapping decides.',
          )}
          {roleField(
            'unauthenticated',
            'Unauthenticated (guest) role',
            pool.allowUnauthenticated
              ? 'Guest identities get this role.'
              : 'Guest access is off: this role is not used until it is turned on.',
          )}
        </Box>
        {draft.mappings.length === 0 && (
          <Typography variant="body2" sx={{ mt: 2 }}>
            This identity pool has no providers to map.
          </Typography>
        )}
        {draft.mappings.map((m, i) => (
          <RoleMappingEditor
            key={m.provider}
            mapping={m}
            identityPoolId={pool.id}
            readOnly={readOnly}
            warnings={view.warnings}
            errors={errors}
            trustOfPick={(arn) => trustOfPick(arn)}
            onPicked={remember}
            onChange={(mapping) =>
              setDraft((d) => ({ ...d, mappings: d.mappings.map((x, j) => (j === i ? mapping : x)) }))
            }
          />
        ))}
        {!readOnly && (
          <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 2, mt: 3 }}>
            <Button variant="contained" disabled={!dirty || saving} onClick={startSave}>
              Save roles and mappings
            </Button>
            <Button disabled={!dirty || saving} onClick={() => (setDraft(saved), setErrors({}))}>
              Discard changes
            </Button>
            {dirty && (
              <Typography variant="body2" role="status">
                Unsaved changes. The warnings and the “Which role would I get?” answer are about the saved
                mappings until you save.
              </Typography>
            )}
          </Box>
        )}
        {confirming && (
          <ConfirmWithReason
            open
            title="Save the roles and role mappings?"
            description={
              <Alert severity="warning" component="span" sx={{ display: 'flex' }}>
                <span>
                  <AlertTitle>This changes which AWS role people get</AlertTitle>
                  New credentials from this identity pool use the new roles at once; credentials already
                  issued keep theirs until they expire.
                </span>
              </Alert>
            }
            confirmLabel="Save"
            busy={saving}
            errors={errors}
            onCancel={() => setConfirming(false)}
            onConfirm={save}
          />
        )}
      </CardContent>
    </Card>
  );
}

/** Loading and error states around the editor; the editor restarts from what the API holds after a save. */
export function RolesSection({
  pool,
  view,
  isPending,
  error,
  refetch,
  canEdit,
}: {
  pool: IdentityPoolDetail;
  view: IdentityPoolRolesRecord | undefined;
  isPending: boolean;
  error: unknown;
  refetch: () => void;
  canEdit: boolean;
}) {
  if (isPending) return <Loading loadingSecondary="Loading the roles…" />;
  if (error || !view)
    return (
      <Alert
        severity="error"
        role="alert"
        sx={{ mt: 2 }}
        action={
          <Button color="inherit" size="small" onClick={refetch}>
            Retry
          </Button>
        }
      >
        <AlertTitle>The roles could not be loaded</AlertTitle>
        {errorMessage(error)}
      </Alert>
    );
  return (
    <RolesEditor
      key={JSON.stringify([view.roles, view.roleMappings])}
      pool={pool}
      view={view}
      canEdit={canEdit}
    />
  );
}

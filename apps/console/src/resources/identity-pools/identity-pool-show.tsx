import { Alert, AlertTitle, Box, Button } from '@mui/material';
import { ListButton, Loading, Title, TopToolbar, useGetOne, useParams } from 'react-admin';
import { errorKind } from '../../common/error-kind';
import { useCan } from '../../common/use-can';
import type { IdentityPoolRecord, IdentityPoolRolesRecord } from './identity-pools-provider';
import { IdentityPoolSettings } from './identity-pool-settings';
import { RolesSection } from './roles-editor';
import { WhichRolePanel } from './which-role-panel';

/**
 * One identity pool (`#/identity-pools/<id>/show`): settings and providers, roles and role mappings, and
 * "which role would I get?". Edit controls only with identity-pools.write; everyone here may read.
 */
export function IdentityPoolShow() {
  const { id = '' } = useParams<{ id: string }>();
  const allowed = useCan();
  const canEdit = allowed('identity-pools.write');
  const pool = useGetOne<IdentityPoolRecord>('identity-pools', { id }, { onError: () => undefined });
  // react-admin seeds a record from the list (id and name only) while the detail loads: wait for the detail.
  const complete = pool.data && Array.isArray(pool.data.userPoolProviders) ? pool.data : undefined;
  const roles = useGetOne<IdentityPoolRolesRecord>(
    'identity-pool-roles',
    { id },
    { onError: () => undefined, enabled: Boolean(complete) },
  );
  const actions = (
    <TopToolbar sx={{ justifyContent: 'flex-start' }}>
      <ListButton resource="identity-pools" label="Back to identity pools" />
    </TopToolbar>
  );
  if (pool.isPending || (!complete && !pool.error && pool.isFetching))
    return (
      <>
        <Title title="Identity pool" />
        <Loading loadingSecondary="Loading the identity pool…" />
      </>
    );
  if (pool.error || !complete) {
    const kind = errorKind(pool.error);
    return (
      <Box sx={{ m: 2 }}>
        <Title title="Identity pool" />
        {actions}
        <Alert
          severity={kind === 'not-found' ? 'warning' : 'error'}
          role="alert"
          action={
            kind === 'transient' ? (
              <Button color="inherit" size="small" onClick={() => void pool.refetch()}>
                Retry
              </Button>
            ) : undefined
          }
        >
          <AlertTitle>
            {kind === 'not-found'
              ? `No identity pool “${id}” of a managed user pool`
              : `The identity pool “${id}” could not be loaded`}
          </AlertTitle>
          {pool.error instanceof Error ? pool.error.message : 'The request failed.'}
        </Alert>
      </Box>
    );
  }
  const data = complete;
  return (
    <Box sx={{ mb: 4 }}>
      <Title title={`Identity pool ${data.name}`} />
      {actions}
      <IdentityPoolSettings pool={data} canEdit={canEdit} />
      <RolesSection
        pool={data}
        view={roles.data}
        isPending={roles.isPending}
        error={roles.error}
        refetch={() => void roles.refetch()}
        canEdit={canEdit}
      />
      {roles.data && <WhichRolePanel pool={data} view={roles.data} />}
    </Box>
  );
}

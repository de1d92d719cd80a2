import type { ReactNode } from 'react';
import { Alert, AlertTitle, Box, Button } from '@mui/material';
import { Link, Loading, Title } from 'react-admin';
import { poolUsersPath } from '../../common/paths';
import type { PoolRecord } from './pools-provider';

function Panel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box sx={{ m: 2 }}>
      <Title title={title} />
      {children}
    </Box>
  );
}

export function PoolsLoading() {
  return <Loading loadingSecondary="Loading user pools…" />;
}

export function PoolsError({ error }: { error: unknown }) {
  return (
    <Panel title="User pools">
      <Alert severity="error" role="alert">
        <AlertTitle>The user pools could not be loaded</AlertTitle>
        {error instanceof Error ? error.message : 'Try again in a moment.'}
      </Alert>
    </Panel>
  );
}

export function NoPools() {
  return (
    <Panel title="User pools">
      <Alert severity="info" role="status">
        poolkeeper manages no user pools yet.
      </Alert>
    </Panel>
  );
}

/** A pool id in the URL that poolkeeper does not manage: say so, and offer the pools it does. */
export function UnknownPool({ poolId, pools }: { poolId: string; pools: PoolRecord[] }) {
  return (
    <Panel title="Pool not found">
      <Alert severity="warning" role="alert">
        <AlertTitle>poolkeeper does not manage the user pool “{poolId}”</AlertTitle>
        The link may be mistyped, or the pool is not (or no longer) managed by poolkeeper.
        {pools.length > 0 && (
          <Box
            component="ul"
            aria-label="Managed pools"
            sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, p: 0, mt: 2, mb: 0, listStyle: 'none' }}
          >
            {pools.map((pool) => (
              <li key={pool.id}>
                <Button component={Link} to={poolUsersPath(pool.id)} variant="outlined" size="small">
                  Open {pool.name}
                </Button>
              </li>
            ))}
          </Box>
        )}
      </Alert>
    </Panel>
  );
}

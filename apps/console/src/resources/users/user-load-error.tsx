import { Alert, AlertTitle, Button } from '@mui/material';
import { ListButton, useShowContext } from 'react-admin';
import { errorKind } from '../../common/error-kind';

/**
 * A user page whose load failed, shown in place (the operator stays on the address): a 404 says the
 * user is not in the pool; a transient error (503, throttling, no answer) says so and offers Retry.
 */
export function UserLoadError({ poolName, username }: { poolName: string; username: string }) {
  const { error, refetch, isFetching } = useShowContext();
  const kind = errorKind(error);
  const message = error instanceof Error && error.message ? error.message : undefined;
  if (kind === 'not-found')
    return (
      <Alert severity="warning" role="alert" action={<ListButton label="Back to users" />}>
        <AlertTitle>
          No user “{username}” in {poolName}
        </AlertTitle>
        It may have been deleted, or the link is mistyped.
      </Alert>
    );
  return (
    <Alert
      severity="error"
      role="alert"
      action={
        kind === 'transient' ? (
          <Button color="inherit" size="small" disabled={isFetching} onClick={() => void refetch()}>
            Retry
          </Button>
        ) : undefined
      }
    >
      <AlertTitle>
        {kind === 'transient'
          ? `The user “${username}” of ${poolName} could not be loaded right now`
          : `The user “${username}” of ${poolName} could not be loaded`}
      </AlertTitle>
      {message ?? 'The request failed.'}
      {kind === 'transient' && ' This is usually temporary: try again in a moment.'}
    </Alert>
  );
}

import { Alert, AlertTitle, Button } from '@mui/material';
import { ListButton, useShowContext } from 'react-admin';
import { errorKind } from './error-kind';

export interface RecordLoadErrorProps {
  /** What the page shows, as the operator says it: "user", "group", "identity provider". */
  noun: string;
  /** The name from the address (the record could not be read). */
  name: string;
  poolName: string;
  /** The list button's label, e.g. "Back to users". */
  backLabel: string;
}

/**
 * A record page whose load failed, shown in place (the operator stays on the address): a 404 says the
 * record is not in the pool; a transient error (503, throttling, no answer) says so and offers Retry.
 */
export function RecordLoadError({ noun, name, poolName, backLabel }: RecordLoadErrorProps) {
  const { error, refetch, isFetching } = useShowContext();
  const kind = errorKind(error);
  const message = error instanceof Error && error.message ? error.message : undefined;
  if (kind === 'not-found')
    return (
      <Alert severity="warning" role="alert" action={<ListButton label={backLabel} />}>
        <AlertTitle>
          No {noun} “{name}” in {poolName}
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
          ? `The ${noun} “${name}” of ${poolName} could not be loaded right now`
          : `The ${noun} “${name}” of ${poolName} could not be loaded`}
      </AlertTitle>
      {message ?? 'The request failed.'}
      {kind === 'transient' && ' This is usually temporary: try again in a moment.'}
    </Alert>
  );
}

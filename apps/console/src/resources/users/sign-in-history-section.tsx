import { useCallback, useEffect, useRef, useState } from 'react';
import {
  Alert,
  AlertTitle,
  Box,
  Button,
  Chip,
  CircularProgress,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import CancelIcon from '@mui/icons-material/Cancel';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import HourglassEmptyIcon from '@mui/icons-material/HourglassEmpty';
import LoginIcon from '@mui/icons-material/Login';
import { useDataProvider, useRecordContext } from 'react-admin';
import type { SignInEvent, SignInHistory } from '@poolkeeper/contract';
import { EmptyState } from '../../common/list-states';
import { formatDateTime } from '../../common/date-time-field';
import { errorKind } from '../../common/error-kind';
import { useCan } from '../../common/use-can';
import { usePool } from '../../common/use-current-pool';
import type { SignInHistoryDataProvider } from './sign-in-history-provider';
import type { UserRecord } from './users-provider';
import {
  challengesLabel,
  deviceLabel,
  eventTypeLabel,
  locationOf,
  relativeTime,
  riskLabel,
} from './sign-in-history-format';

type Unavailable = Extract<SignInHistory, { available: false }>;
type Loaded = { items: SignInEvent[]; nextCursor: string | null };
type State =
  | { kind: 'loading' }
  | { kind: 'failed'; error: unknown }
  | { kind: 'unavailable'; answer: Unavailable }
  | ({ kind: 'ready'; more: 'idle' | 'loading' | { error: unknown } } & Loaded);

const HEADING_ID = 'sign-in-history-heading';
const PLAN_NAMES: Record<string, string> = { LITE: 'Lite', ESSENTIALS: 'Essentials', PLUS: 'Plus' };

function messageOf(error: unknown): string {
  return error instanceof Error && error.message ? error.message : 'The request failed.';
}

/** Pass / Fail / InProgress as an outlined chip (its text keeps AA contrast in both themes) with an icon. */
function ResultChip({ result }: { result: string | null }) {
  if (result === 'Pass')
    return <Chip size="small" variant="outlined" color="success" icon={<CheckCircleIcon />} label="Passed" />;
  if (result === 'Fail')
    return <Chip size="small" variant="outlined" color="error" icon={<CancelIcon />} label="Failed" />;
  if (result === 'InProgress')
    return <Chip size="small" variant="outlined" icon={<HourglassEmptyIcon />} label="In progress" />;
  return <>{result ?? '—'}</>;
}

function TimeCell({ iso }: { iso: string | null }) {
  if (!iso) return <>—</>;
  const absolute = formatDateTime(iso, true) ?? iso;
  return (
    <Typography
      variant="body2"
      component="time"
      dateTime={iso}
      title={`${absolute} (${new Date(iso).toISOString()})`}
      sx={{ whiteSpace: 'nowrap' }}
    >
      {relativeTime(iso)}
    </Typography>
  );
}

function EventRow({ event }: { event: SignInEvent }) {
  const challenges = challengesLabel(event.challenges);
  const location = locationOf(event);
  const risk = riskLabel(event.risk);
  const highRisk = event.risk?.level === 'High' || event.risk?.decision === 'Block';
  return (
    <TableRow>
      <TableCell>
        <TimeCell iso={event.time} />
      </TableCell>
      <TableCell>
        {eventTypeLabel(event.eventType)}
        {challenges && (
          <Typography variant="caption" component="span" color="text.secondary" sx={{ display: 'block' }}>
            {challenges}
          </Typography>
        )}
      </TableCell>
      <TableCell>
        <ResultChip result={event.result} />
      </TableCell>
      <TableCell sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>{event.ipAddress ?? '—'}</TableCell>
      <TableCell>
        {event.deviceName ? <span title={event.deviceName}>{deviceLabel(event.deviceName)}</span> : '—'}
      </TableCell>
      <TableCell>{location ?? '—'}</TableCell>
      <TableCell>
        {risk && highRisk ? (
          <Chip size="small" variant="outlined" color="error" label={risk} />
        ) : (
          (risk ?? '—')
        )}
      </TableCell>
    </TableRow>
  );
}

/** Why there is no history: what threat protection is, what it needs, and that the user is fine. */
function NoHistoryExplanation({ answer }: { answer: Unavailable }) {
  const plan = answer.tier ? (PLAN_NAMES[answer.tier] ?? answer.tier) : null;
  return (
    <Alert severity="info" role="status">
      <AlertTitle>This pool does not record sign-in history</AlertTitle>
      <Typography variant="body2" component="p" sx={{ mb: 1 }}>
        Amazon Cognito keeps a history of sign-in attempts only when <strong>threat protection</strong>{' '}
        (formerly “advanced security features”) is on for the user pool. Threat protection checks each sign-in
        for risks such as compromised credentials or an unusual device and records the attempt.
      </Typography>
      <Typography variant="body2" component="p" sx={{ mb: 1 }}>
        {answer.reason === 'tier'
          ? `Threat protection needs the Plus feature plan, and this pool is on ${
              plan ? `the ${plan} plan` : 'a plan without it'
            }. To record sign-ins, move the pool to the Plus plan and turn threat protection on (audit or full-function mode) in the AWS console.`
          : 'This pool is on the Plus plan, but threat protection is turned off. Turn it on (audit or full-function mode) in the AWS console to start recording sign-ins.'}{' '}
        Sign-ins from before that are not recorded.
      </Typography>
      <Typography variant="body2" component="p">
        Nothing is wrong with this user: their account and their sign-ins work as usual.
      </Typography>
    </Alert>
  );
}

function RetryAlert({ title, error, onRetry }: { title: string; error: unknown; onRetry: () => void }) {
  const transient = errorKind(error) === 'transient';
  return (
    <Alert
      severity="error"
      role="alert"
      action={
        transient ? (
          <Button color="inherit" size="small" onClick={onRetry}>
            Retry
          </Button>
        ) : undefined
      }
    >
      <AlertTitle>{title}</AlertTitle>
      {messageOf(error)}
      {transient && ' This is usually temporary: try again in a moment.'}
    </Alert>
  );
}

/**
 * The user page's "Sign-in history": the user's sign-in attempts as Cognito's threat protection records
 * them, newest first, 25 at a time ("Load more" follows the API's cursor). A pool without threat protection
 * gets an explanation instead of an error.
 */
export function SignInHistorySection(_props: { label?: string }) {
  const record = useRecordContext<UserRecord>();
  const pool = usePool();
  const allowed = useCan()('users.read');
  const dataProvider = useDataProvider<SignInHistoryDataProvider>();
  const username = record?.username;
  const [state, setState] = useState<State>({ kind: 'loading' });

  // The provider is read through a ref: its identity may change between renders, and a new identity must
  // not restart the load (each restart would set "loading" again and render again, in a loop).
  const provider = useRef(dataProvider);
  provider.current = dataProvider;
  const fetchPage = useCallback(
    (cursor: string | null) =>
      provider.current.signInHistory('sign-in-history', {
        poolId: pool.id,
        username: username ?? '',
        cursor,
      }),
    [pool.id, username],
  );
  /** Bumped by Retry: loads the first page again. */
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!username || !allowed) return undefined;
    let live = true;
    setState({ kind: 'loading' });
    fetchPage(null).then(
      (answer) => {
        if (!live) return;
        setState(
          answer.available
            ? { kind: 'ready', items: answer.items, nextCursor: answer.nextCursor, more: 'idle' }
            : { kind: 'unavailable', answer },
        );
      },
      (error: unknown) => live && setState({ kind: 'failed', error }),
    );
    return () => {
      live = false;
    };
  }, [username, allowed, fetchPage, attempt]);

  const loadMore = () => {
    if (state.kind !== 'ready' || !state.nextCursor) return;
    const loaded = state;
    setState({ ...loaded, more: 'loading' });
    fetchPage(loaded.nextCursor).then(
      (answer) =>
        setState(
          answer.available
            ? {
                kind: 'ready',
                items: [...loaded.items, ...answer.items],
                nextCursor: answer.nextCursor,
                more: 'idle',
              }
            : { kind: 'unavailable', answer },
        ),
      (error: unknown) => setState({ ...loaded, more: { error } }),
    );
  };

  if (!record || !allowed) return null;
  return (
    <Box component="section" aria-labelledby={HEADING_ID} sx={{ mt: 2 }}>
      <Typography id={HEADING_ID} variant="h6" component="h2" sx={{ mb: 1 }}>
        Sign-in history
      </Typography>
      {state.kind === 'loading' && (
        <Box role="status" sx={{ display: 'flex', alignItems: 'center', gap: 1, py: 2 }}>
          <CircularProgress size={20} aria-hidden="true" />
          <Typography variant="body2">Loading sign-in history…</Typography>
        </Box>
      )}
      {state.kind === 'failed' && (
        <RetryAlert
          title="The sign-in history could not be loaded"
          error={state.error}
          onRetry={() => setAttempt((n) => n + 1)}
        />
      )}
      {state.kind === 'unavailable' && <NoHistoryExplanation answer={state.answer} />}
      {state.kind === 'ready' && state.items.length === 0 && (
        <EmptyState
          icon={<LoginIcon />}
          title="No sign-in recorded"
          hint="Cognito has no sign-in attempt on record for this user (it keeps about the last three months)."
        />
      )}
      {state.kind === 'ready' && state.items.length > 0 && (
        <>
          <Box sx={{ overflowX: 'auto' }}>
            <Table size="small" aria-labelledby={HEADING_ID}>
              <TableHead>
                <TableRow>
                  {['Time', 'Event', 'Result', 'IP address', 'Device', 'Location', 'Risk'].map((name) => (
                    <TableCell key={name} component="th" scope="col">
                      {name}
                    </TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {state.items.map((event) => (
                  <EventRow key={event.eventId} event={event} />
                ))}
              </TableBody>
            </Table>
          </Box>
          {typeof state.more === 'object' && (
            <Box sx={{ mt: 1 }}>
              <RetryAlert
                title="More sign-ins could not be loaded"
                error={state.more.error}
                onRetry={loadMore}
              />
            </Box>
          )}
          {state.nextCursor && typeof state.more !== 'object' && (
            <Button sx={{ mt: 1 }} variant="outlined" disabled={state.more === 'loading'} onClick={loadMore}>
              {state.more === 'loading' ? 'Loading…' : 'Load more'}
            </Button>
          )}
        </>
      )}
    </Box>
  );
}

import type { MouseEvent } from 'react';
import { Alert, Box, Chip, Link as MuiLink, Typography } from '@mui/material';
import { Link, useRecordContext } from 'react-admin';
import { userShowPath } from '../../common/paths';
import type { AuditEventRecord } from './audit-events-provider';
import { presentOutcome } from './audit-outcome';
import { userOfEvent, describeTargets } from './audit-subject';

export function OutcomeField(_props: { label?: string; sortable?: boolean }) {
  const record = useRecordContext<AuditEventRecord>();
  if (!record) return null;
  const shown = presentOutcome(record);
  return (
    <Box component="span" sx={{ display: 'inline-flex', gap: 0.5, flexWrap: 'wrap' }}>
      <Chip
        size="small"
        variant={record.outcome === 'failed' ? 'filled' : 'outlined'}
        color={shown.color}
        label={shown.label}
        title={shown.explanation ?? undefined}
      />
      {shown.reconciled ? (
        <Chip
          size="small"
          variant="outlined"
          color="info"
          label="reconciled"
          title="Written by the reconciler: the API stopped between the attempt and its outcome. Open the event for why."
        />
      ) : null}
    </Box>
  );
}

export function ActorField(_props: { label?: string; sortable?: boolean }) {
  const record = useRecordContext<AuditEventRecord>();
  if (!record) return null;
  return (
    <span>
      {record.actor.username}
      {record.actor.roles.length ? ` (${record.actor.roles.join(', ')})` : ''}
    </span>
  );
}

/** The event's target; a user is a link to that user's page in the event's pool. */
export function TargetField(_props: { label?: string; sortable?: boolean }) {
  const record = useRecordContext<AuditEventRecord>();
  if (!record) return null;
  const user = userOfEvent(record);
  if (!user) return <span>{describeTargets(record.targets)}</span>;
  return (
    <MuiLink
      component={Link}
      to={userShowPath(user.poolId, user.username)}
      underline="hover"
      title={`Open the user ${user.username}`}
      // The row expands on click: following the link must not expand it as well.
      onClick={(event: MouseEvent) => event.stopPropagation()}
      sx={{ wordBreak: 'break-all' }}
    >
      {user.username}
    </MuiLink>
  );
}

function Row({ label, value }: { label: string; value: string | null | undefined }) {
  return (
    <>
      <Typography component="dt" variant="body2" sx={{ fontWeight: 600 }}>
        {label}
      </Typography>
      <Typography
        component="dd"
        variant="body2"
        sx={{ m: 0, fontFamily: 'monospace', wordBreak: 'break-all' }}
      >
        {value || '—'}
      </Typography>
    </>
  );
}

/** The detail of one audit event: request summary, ids to correlate with AWS and our logs, the error. */
export function AuditEventDetail() {
  const record = useRecordContext<AuditEventRecord>();
  if (!record) return null;
  const { explanation } = presentOutcome(record);
  return (
    <Box sx={{ p: 2 }} aria-label={`Audit event ${record.id}`} role="region">
      {explanation ? (
        <Alert severity={record.outcome === 'unknown' ? 'warning' : 'info'} sx={{ mb: 2 }}>
          {explanation}
        </Alert>
      ) : null}
      <Box
        component="dl"
        sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 3, rowGap: 0.5, m: 0 }}
      >
        <Row label="Event id" value={record.id} />
        <Row label="Correlation id" value={record.correlationId} />
        <Row label="AWS request id" value={record.awsRequestId} />
        <Row label="Request id" value={record.requestId} />
        <Row label="Actor sub" value={record.actor.sub} />
        <Row label="IP address" value={record.actor.ip} />
        <Row label="User agent" value={record.actor.userAgent} />
        <Row label="Reason" value={record.reason} />
        <Row label="Error code" value={record.errorCode} />
        <Row label="Error message" value={record.errorMessage} />
      </Box>
      <Typography variant="subtitle2" component="h3" sx={{ mt: 2 }}>
        Request summary
      </Typography>
      <Box
        component="pre"
        aria-label="Request summary"
        sx={{ m: 0, p: 1.5, bgcolor: 'action.hover', borderRadius: 1, overflowX: 'auto', fontSize: 13 }}
      >
        {JSON.stringify(record.request, null, 2)}
      </Box>
    </Box>
  );
}

/** The user page's copyable values (username, sub, email) and its timestamps in relative time. */
import { useEffect, useState } from 'react';
import { Box, IconButton, Tooltip, Typography } from '@mui/material';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import CheckIcon from '@mui/icons-material/Check';
import { useRecordContext } from 'react-admin';
import { formatDateTime } from '../../common/date-time-field';
import { relativeTime } from './sign-in-history-format';

/** A value with a "Copy <name>" button; "Copied" is announced for a moment after a copy. */
export function CopyableField({ source, name }: { source: string; name: string; label?: string }) {
  const record = useRecordContext<Record<string, unknown>>();
  const value = record?.[source];
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(null), 2000);
    return () => clearTimeout(timer);
  }, [copied]);
  if (typeof value !== 'string' || value === '')
    return (
      <Typography variant="body2" component="span">
        —
      </Typography>
    );
  const copy = () => {
    navigator.clipboard.writeText(value).then(
      () => setCopied('yes'),
      () => setCopied('failed'),
    );
  };
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5, minWidth: 0 }}>
      <Typography variant="body2" component="span" sx={{ wordBreak: 'break-all' }}>
        {value}
      </Typography>
      <Tooltip title={`Copy ${name}`}>
        <IconButton size="small" aria-label={`Copy ${name}`} onClick={copy}>
          {copied === 'yes' ? <CheckIcon fontSize="inherit" /> : <ContentCopyIcon fontSize="inherit" />}
        </IconButton>
      </Tooltip>
      <Typography variant="caption" role="status" aria-live="polite">
        {copied === 'yes' ? 'Copied' : copied === 'failed' ? 'Could not copy' : ''}
      </Typography>
    </Box>
  );
}

/** "3 days ago", with the exact time (local and ISO) on hover and in the `<time>` element. */
export function RelativeDateTimeField({ source }: { source: string; label?: string }) {
  const record = useRecordContext<Record<string, unknown>>();
  const raw = record?.[source];
  const absolute = formatDateTime(raw, true);
  if (!absolute)
    return (
      <Typography variant="body2" component="span">
        —
      </Typography>
    );
  const iso = new Date(String(raw)).toISOString();
  return (
    <Typography
      variant="body2"
      component="time"
      dateTime={iso}
      title={`${absolute} (${iso})`}
      sx={{ whiteSpace: 'nowrap' }}
    >
      {relativeTime(iso)}
    </Typography>
  );
}

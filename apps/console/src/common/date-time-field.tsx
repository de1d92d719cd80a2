import { Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';

const formatter = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const withSeconds = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

export function formatDateTime(value: unknown, seconds = false): string | null {
  if (value === null || value === undefined || value === '') return null;
  const date = new Date(String(value));
  if (Number.isNaN(date.getTime())) return null;
  return (seconds ? withSeconds : formatter).format(date);
}

/**
 * A date and time that reads well ("Dec 1, 2026, 11:43 AM") on one line; the exact ISO instant is in
 * the tooltip and the `<time>` element.
 */
export function DateTimeField({
  source,
  seconds = false,
}: {
  source: string;
  label?: string;
  sortable?: boolean;
  seconds?: boolean;
}) {
  const record = useRecordContext<Record<string, unknown>>();
  const raw = record?.[source];
  const text = formatDateTime(raw, seconds);
  if (!text)
    return (
      <Typography variant="body2" component="span">
        —
      </Typography>
    );
  const iso = new Date(String(raw)).toISOString();
  return (
    <Typography variant="body2" component="time" dateTime={iso} title={iso} sx={{ whiteSpace: 'nowrap' }}>
      {text}
    </Typography>
  );
}

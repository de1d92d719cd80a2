import { Chip } from '@mui/material';
import { useRecordContext } from 'react-admin';
import type { UserRecord } from '../../providers/data-provider';

const statusLabels: Record<string, string> = {
  UNCONFIRMED: 'Unconfirmed',
  CONFIRMED: 'Confirmed',
  ARCHIVED: 'Archived',
  COMPROMISED: 'Compromised',
  UNKNOWN: 'Unknown',
  RESET_REQUIRED: 'Reset required',
  FORCE_CHANGE_PASSWORD: 'Must change password',
  EXTERNAL_PROVIDER: 'External provider',
};

export function statusLabel(status: string): string {
  return statusLabels[status] ?? status;
}

/** Cognito's account status (CONFIRMED, FORCE_CHANGE_PASSWORD, …). */
export function UserStatusField(_props: { label?: string; sortable?: boolean }) {
  const record = useRecordContext<UserRecord>();
  if (!record) return null;
  return <span>{statusLabel(record.status)}</span>;
}

/** Enabled / Disabled, as a chip so it stands out. */
export function UserEnabledField(_props: { label?: string; sortable?: boolean }) {
  const record = useRecordContext<UserRecord>();
  if (!record) return null;
  return (
    <Chip
      size="small"
      label={record.enabled ? 'Enabled' : 'Disabled'}
      color={record.enabled ? 'success' : 'default'}
      variant={record.enabled ? 'outlined' : 'filled'}
      sx={{ width: 'fit-content' }}
    />
  );
}

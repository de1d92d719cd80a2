import type { ReactElement } from 'react';
import { Chip, Typography } from '@mui/material';
import BlockIcon from '@mui/icons-material/Block';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import HelpOutlineIcon from '@mui/icons-material/HelpOutlined';
import LockResetIcon from '@mui/icons-material/LockReset';
import MailOutlineIcon from '@mui/icons-material/MailOutlined';
import PasswordIcon from '@mui/icons-material/Password';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import { useRecordContext } from 'react-admin';
import type { UserRecord } from './users-provider';

const statusLabels: Record<string, string> = {
  UNCONFIRMED: 'Unconfirmed',
  CONFIRMED: 'Confirmed',
  ARCHIVED: 'Archived',
  COMPROMISED: 'Compromised',
  UNKNOWN: 'Unknown',
  RESET_REQUIRED: 'Reset required',
  FORCE_CHANGE_PASSWORD: 'Force change password',
  EXTERNAL_PROVIDER: 'External provider',
};

export function statusLabel(status: string): string {
  return statusLabels[status] ?? status;
}

type ChipColor = 'default' | 'success' | 'warning' | 'error' | 'info';

interface ChipLook {
  label: string;
  color: ChipColor;
  variant: 'filled' | 'outlined';
  icon: ReactElement;
}

/** How a user's state reads at a glance: a disabled account wins over Cognito's password status. */
export function statusLook(record: Pick<UserRecord, 'enabled' | 'status'>): ChipLook {
  if (!record.enabled) return { label: 'Disabled', color: 'default', variant: 'filled', icon: <BlockIcon /> };
  const label = statusLabel(record.status);
  switch (record.status) {
    case 'CONFIRMED':
      return { label, color: 'success', variant: 'outlined', icon: <CheckCircleIcon /> };
    case 'FORCE_CHANGE_PASSWORD':
      return { label, color: 'warning', variant: 'outlined', icon: <PasswordIcon /> };
    case 'RESET_REQUIRED':
      return { label, color: 'warning', variant: 'outlined', icon: <LockResetIcon /> };
    case 'UNCONFIRMED':
      return { label, color: 'info', variant: 'outlined', icon: <MailOutlineIcon /> };
    case 'COMPROMISED':
      return { label, color: 'error', variant: 'outlined', icon: <WarningAmberIcon /> };
    default:
      return { label, color: 'default', variant: 'outlined', icon: <HelpOutlineIcon /> };
  }
}

/**
 * One chip for the user's state: Disabled when the account is disabled, else Cognito's status
 * (Confirmed, Force change password, Reset required, …).
 */
export function UserStatusField(_props: { label?: string; sortable?: boolean }) {
  const record = useRecordContext<UserRecord>();
  if (!record) return null;
  const look = statusLook(record);
  return (
    <Chip
      size="small"
      label={look.label}
      color={look.color}
      variant={look.variant}
      icon={look.icon}
      sx={{ width: 'fit-content', fontWeight: 500 }}
    />
  );
}

/** Cognito's password status, spelled out; shown beside the chip when a disabled account hides it. */
export function CognitoStatusNote() {
  const record = useRecordContext<UserRecord>();
  if (!record || record.enabled) return null;
  return (
    <Typography variant="caption" component="div" color="text.secondary" sx={{ mt: 0.5 }}>
      Cognito status: {statusLabel(record.status)}
    </Typography>
  );
}

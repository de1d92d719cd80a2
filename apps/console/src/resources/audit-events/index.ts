import HistoryIcon from '@mui/icons-material/History';
import { AuditEventList } from './audit-event-list';

export const auditEventsResource = {
  name: 'audit-events',
  list: AuditEventList,
  icon: HistoryIcon,
  options: { label: 'Audit log' },
} as const;

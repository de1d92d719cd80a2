import { lazy } from 'react';
import HistoryIcon from '@mui/icons-material/History';

/** Loaded on first visit: support staff never open the audit log, and it keeps the first paint smaller. */
const AuditEventList = lazy(() =>
  import('./audit-event-list').then((module) => ({ default: module.AuditEventList })),
);

export const auditEventsResource = {
  name: 'audit-events',
  list: AuditEventList,
  icon: HistoryIcon,
  options: { label: 'Audit log' },
} as const;

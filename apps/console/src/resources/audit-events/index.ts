import { createElement, lazy } from 'react';
import HistoryIcon from '@mui/icons-material/History';
import { RequirePermission } from '../../common/require-permission';

/** Loaded on first visit: support staff never open the audit log, and it keeps the first paint smaller. */
const AuditEventList = lazy(() =>
  import('./audit-event-list').then((module) => ({ default: module.AuditEventList })),
);

/** Mounted only for roles that may read the audit log: it never requests it for the others. */
function AuditLog() {
  return createElement(RequirePermission, {
    permission: 'audit.read',
    title: 'Audit log',
    children: createElement(AuditEventList),
  });
}

export const auditEventsResource = {
  name: 'audit-events',
  list: AuditLog,
  icon: HistoryIcon,
  options: { label: 'Audit log' },
} as const;

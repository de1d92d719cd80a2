import type { AuditExportFormat, ChainedAuditEvent } from '@poolkeeper/contract';

/**
 * The export file formats (README "Audit log integrity"); tools/audit/verify-export.mjs reads both.
 * - ndjson: one ChainedAuditEvent per line, as JSON (the canonical form is rebuilt from it by dropping
 *   prevHash and hash).
 * - csv: RFC 4180, a header row, then one row per event. A non-null string is always quoted; null is an empty
 *   unquoted cell (so "" is an empty string, nothing is null). `targets`, `actorRoles` and `request` are JSON.
 */
export const CSV_COLUMNS = [
  'sequence',
  'id',
  'occurredAt',
  'correlationId',
  'outcome',
  'action',
  'poolId',
  'targets',
  'actorKind',
  'actorSub',
  'actorUsername',
  'actorRoles',
  'actorIp',
  'actorUserAgent',
  'reason',
  'request',
  'errorCode',
  'errorMessage',
  'awsRequestId',
  'requestId',
  'prevHash',
  'hash',
] as const;

const quote = (value: string | null) => (value === null ? '' : `"${value.replaceAll('"', '""')}"`);

function csvRow(e: ChainedAuditEvent): string {
  const cells: (string | null)[] = [
    e.sequence,
    e.id,
    e.occurredAt,
    e.correlationId,
    e.outcome,
    e.action,
    e.poolId,
    JSON.stringify(e.targets),
    e.actor.kind,
    e.actor.sub,
    e.actor.username,
    JSON.stringify(e.actor.roles),
    e.actor.ip,
    e.actor.userAgent,
    e.reason,
    JSON.stringify(e.request),
    e.errorCode,
    e.errorMessage,
    e.awsRequestId,
    e.requestId,
    e.prevHash,
    e.hash,
  ];
  return `${cells.map(quote).join(',')}\r\n`;
}

export const exportContentType: Record<AuditExportFormat, string> = {
  ndjson: 'application/x-ndjson; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
};

/** The file's first bytes (the CSV header), or ''. */
export function exportPreamble(format: AuditExportFormat): string {
  return format === 'csv' ? `${CSV_COLUMNS.join(',')}\r\n` : '';
}

/** One batch of events as the file's text. */
export function formatExportBatch(format: AuditExportFormat, events: ChainedAuditEvent[]): string {
  return format === 'csv'
    ? events.map(csvRow).join('')
    : events.map((e) => `${JSON.stringify(e)}\n`).join('');
}

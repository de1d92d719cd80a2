/** The `audit-events` data provider: the audit log, newest first, cursor-paged (`pageInfo`, no total). */
import type { GetListParams } from 'react-admin';
import type { AuditEvent } from '@poolkeeper/contract';
import type { QueryValue } from '../../providers/http-client';
import { isoFilter, listPage, stringFilter } from '../../providers/cursor-list';
import { resourceProvider } from '../../providers/resource-provider';

export type AuditEventRecord = AuditEvent;

export const auditEventsProvider = resourceProvider('audit-events', {
  async getList(resource: string, params: GetListParams) {
    const filter = params.filter ?? {};
    const query: Record<string, QueryValue> = {
      actor: stringFilter(filter.actor),
      action: stringFilter(filter.action),
      poolId: stringFilter(filter.poolId),
      target: stringFilter(filter.target),
      outcome: stringFilter(filter.outcome),
      from: isoFilter(filter.from),
      to: isoFilter(filter.to),
    };
    const { items, pageInfo, meta } = await listPage<AuditEvent>(resource, '/audit-events', params, query, {
      defaultPerPage: 50,
      maxPerPage: 200,
    });
    return { data: items, pageInfo, meta };
  },
});

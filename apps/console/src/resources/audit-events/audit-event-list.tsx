import { useMemo } from 'react';
import { DateTimeInput, FunctionField, List, SelectInput, TextField, TextInput } from 'react-admin';
import { auditActions, auditOutcomes } from '@poolkeeper/contract';
import { CursorPagination, ListErrorAlert } from '../../common/cursor-pagination';
import { DateTimeField } from '../../common/date-time-field';
import { NoMatches } from '../../common/list-states';
import { ResponsiveDatagrid } from '../../common/responsive-list';
import { usePools } from '../../common/use-current-pool';
import type { AuditEventRecord } from './audit-events-provider';
import { ActorField, AuditEventDetail, OutcomeField, TargetField } from './audit-fields';

const actionChoices = auditActions.map((action) => ({ id: action, name: action }));
const outcomeChoices = auditOutcomes.map((outcome) => ({ id: outcome, name: outcome }));

/** The audit log, newest first, as the API returns it. */
export function AuditEventList() {
  const { pools } = usePools();
  const filters = useMemo(
    () => [
      <TextInput key="actor" source="actor" label="Actor" alwaysOn helperText={false} />,
      <SelectInput
        key="action"
        source="action"
        label="Action"
        choices={actionChoices}
        alwaysOn
        emptyText="Any action"
        helperText={false}
      />,
      <SelectInput
        key="poolId"
        source="poolId"
        label="Pool"
        choices={pools.map((pool) => ({ id: pool.id, name: pool.name }))}
        alwaysOn
        emptyText="Any pool"
        helperText={false}
      />,
      <TextInput key="target" source="target" label="Target" alwaysOn helperText={false} />,
      <SelectInput
        key="outcome"
        source="outcome"
        label="Outcome"
        choices={outcomeChoices}
        alwaysOn
        emptyText="Any outcome"
        helperText={false}
      />,
      <DateTimeInput key="from" source="from" label="From" helperText={false} />,
      <DateTimeInput key="to" source="to" label="To" helperText={false} />,
    ],
    [pools],
  );
  const poolNames = useMemo(() => new Map(pools.map((pool) => [pool.id, pool.name])), [pools]);

  return (
    <List
      resource="audit-events"
      title="Audit log"
      filters={filters}
      perPage={50}
      sort={{ field: '', order: 'DESC' }}
      pagination={<CursorPagination />}
      queryOptions={{ onError: () => undefined }}
      error={<ListErrorAlert title="The audit log could not be loaded" />}
      exporter={false}
      // Keep the filters on screen even when nothing has been audited yet.
      empty={false}
    >
      <ResponsiveDatagrid
        rowClick="expand"
        expand={<AuditEventDetail />}
        bulkActionButtons={false}
        aria-label="Audit events"
        empty={
          <NoMatches
            title="No audit events match."
            hint="Every change made through poolkeeper is recorded here: the attempt and its outcome."
          />
        }
      >
        <DateTimeField source="occurredAt" label="When" sortable={false} seconds />
        <ActorField label="Actor" sortable={false} />
        <TextField source="action" sortable={false} />
        <OutcomeField label="Outcome" sortable={false} />
        <FunctionField<AuditEventRecord>
          label="Pool"
          sortable={false}
          render={(record) => (record.poolId ? (poolNames.get(record.poolId) ?? record.poolId) : '—')}
        />
        <TargetField label="Target" sortable={false} />
        <TextField source="reason" sortable={false} emptyText="—" />
      </ResponsiveDatagrid>
    </List>
  );
}

import type { AuditExportQuery, ChainedAuditEvent } from '@poolkeeper/contract';
import type pg from 'pg';
import { AUDIT_COLUMNS, type AuditSqlRow, fromSqlRow, sqlFilters } from './audit-rows';
import { timeRangeBounds } from './time-range';

const BATCH = 2000;

type Queryable = Pick<pg.Pool, 'query'>;

/**
 * The events matching the list's filters in chain order (oldest first), in keyset batches: memory stays at one
 * batch whatever the range. Each event carries prevHash and hash, so a contiguous run checks on its own.
 */
export async function* exportBatches(
  db: Queryable,
  query: Omit<AuditExportQuery, 'format'>,
  batch = BATCH,
): AsyncGenerator<ChainedAuditEvent[]> {
  const bounds = await timeRangeBounds(db, query.from, query.to);
  if (bounds === 'empty') return;
  let after = bounds.lo === null ? '-1' : (BigInt(bounds.lo) - 1n).toString();
  for (;;) {
    const values: unknown[] = [after];
    const where = ['"sequence" > $1::bigint', ...sqlFilters(query, values)];
    if (bounds.hi !== null) {
      values.push(bounds.hi);
      where.push(`"sequence" <= $${values.length}::bigint`);
    }
    const { rows }: { rows: AuditSqlRow[] } = await db.query<AuditSqlRow>(
      `SELECT ${AUDIT_COLUMNS} FROM "audit_events" WHERE ${where.join(' AND ')}
        ORDER BY "sequence" LIMIT ${batch}`,
      values,
    );
    if (!rows.length) return;
    yield rows.map(fromSqlRow);
    if (rows.length < batch) return;
    after = String(rows[rows.length - 1]!.sequence);
  }
}

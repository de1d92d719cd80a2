import type { AuditEvent, AuditQuery, Page } from '@poolkeeper/contract';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from './generated/prisma/client';
import { toAuditEvent, toWhere } from './audit-mapping';
import { appendAuditEvent, appendOutcomeIfUnresolved } from './audit-append';
import { AUDIT_RECONCILER_LOCK_ID, exclusively, lastSequenceBefore, pendingAttempts } from './audit-pending';
import { exportBatches } from './audit-export';
import { chainBatches, readChainHead, verifyChain } from './audit-verify';
import { timeRangeBounds } from './time-range';
import { inspectAuditGuard } from './audit-guard';
import { encodeCursor } from './cursor';
import type { AuditRecordInput, AuditStore } from './types';

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 200;

/** The API's connections show under this name in `pg_stat_activity`. */
export const AUDIT_STORE_APPLICATION_NAME = 'poolkeeper-api';

/**
 * The Prisma-backed audit log (Postgres `audit_events`, append-only). `databaseUrl` is the serving role's
 * (DATABASE_URL): it needs SELECT and INSERT on `audit_events` and nothing else.
 */
export function createAuditStore(databaseUrl: string): AuditStore {
  // One pool for both: Prisma's queries and the chain's raw transactions (append, verify, export).
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 5,
    application_name: AUDIT_STORE_APPLICATION_NAME,
  });
  pool.on('error', () => undefined); // an idle client's error; the next query reports it
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });

  return {
    async record(input: AuditRecordInput): Promise<AuditEvent> {
      const { sequence: _s, prevHash: _p, hash: _h, ...event } = await appendAuditEvent(pool, input);
      return event;
    },

    async recordOutcomeIfUnresolved(input: AuditRecordInput): Promise<AuditEvent | null> {
      const chained = await appendOutcomeIfUnresolved(pool, input);
      if (!chained) return null;
      const { sequence: _s, prevHash: _p, hash: _h, ...event } = chained;
      return event;
    },

    pendingAttempts: (query) => pendingAttempts(pool, query),
    lastSequenceBefore: (instant) => lastSequenceBefore(pool, instant),
    whileReconcilerLocked: (work) => exclusively(pool, AUDIT_RECONCILER_LOCK_ID, work),

    async list(query: AuditQuery): Promise<Page<AuditEvent>> {
      const limit = Math.min(Math.max(Math.trunc(query.limit ?? DEFAULT_LIMIT), 1), MAX_LIMIT);
      const bounds = await timeRangeBounds(pool, query.from, query.to);
      if (bounds === 'empty') return { items: [], nextCursor: null };
      const where = toWhere(query);
      const inRange = {
        ...(bounds.lo !== null ? { gte: BigInt(bounds.lo) } : {}),
        ...(bounds.hi !== null ? { lte: BigInt(bounds.hi) } : {}),
      };
      const rows = await prisma.auditEvent.findMany({
        where: Object.keys(inRange).length ? { AND: [where, { sequence: inRange }] } : where,
        orderBy: { sequence: 'desc' },
        take: limit + 1,
      });
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return {
        items: page.map(toAuditEvent),
        nextCursor: rows.length > limit && last ? encodeCursor(last.sequence) : null,
      };
    },

    head: () => readChainHead(pool),
    verify: () => verifyChain(pool),
    exportBatches: (query) => exportBatches(pool, query),
    chainBatches: () => chainBatches(pool),

    async ping(): Promise<boolean> {
      try {
        // Reads the table itself (a missing table or a revoked SELECT fails here, not only a lost connection)
        // and asks whether an insert would be allowed, without inserting.
        const rows = await prisma.$queryRaw<{ can_insert: boolean }[]>`
          SELECT EXISTS (SELECT FROM "public"."audit_events") AS readable,
                 has_table_privilege('public.audit_events', 'INSERT') AS can_insert`;
        return rows[0]?.can_insert === true;
      } catch {
        return false;
      }
    },

    auditGuard() {
      return inspectAuditGuard((sql) => prisma.$queryRawUnsafe<Record<string, unknown>[]>(sql));
    },

    async close(): Promise<void> {
      await prisma.$disconnect();
      await pool.end().catch(() => undefined);
    },
  };
}

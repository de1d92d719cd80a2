import type { AuditEvent, AuditQuery, Page } from '@poolkeeper/contract';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client';
import { toAuditEvent, toCreateInput, toWhere } from './audit-mapping';
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
  const prisma = new PrismaClient({
    adapter: new PrismaPg({
      connectionString: databaseUrl,
      max: 5,
      application_name: AUDIT_STORE_APPLICATION_NAME,
    }),
  });

  return {
    async record(input: AuditRecordInput): Promise<AuditEvent> {
      const row = await prisma.auditEvent.create({ data: toCreateInput(input) });
      return toAuditEvent(row);
    },

    async list(query: AuditQuery): Promise<Page<AuditEvent>> {
      const limit = Math.min(Math.max(Math.trunc(query.limit ?? DEFAULT_LIMIT), 1), MAX_LIMIT);
      const rows = await prisma.auditEvent.findMany({
        where: toWhere(query),
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
    },
  };
}

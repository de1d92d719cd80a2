import type { AuditEvent, AuditQuery, Page } from '@poolkeeper/contract';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client';
import { toAuditEvent, toCreateInput, toWhere } from './audit-mapping';
import { encodeCursor } from './cursor';
import type { AuditRecordInput, AuditStore } from './types';

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 200;

/** The Prisma-backed audit log (Postgres `audit_events`, append-only). */
export function createAuditStore(databaseUrl: string): AuditStore {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 5 }) });

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
        await prisma.$queryRaw`SELECT 1`;
        return true;
      } catch {
        return false;
      }
    },

    async close(): Promise<void> {
      await prisma.$disconnect();
    },
  };
}

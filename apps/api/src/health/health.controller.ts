import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AuditStore } from '@poolkeeper/persistence';
import { z } from 'zod';
import { AUDIT_STORE } from '../app/tokens';
import { Public } from '../auth/access.decorators';
import { ApiZodResponse } from '../openapi/zod-openapi';
import { AuditGuardMonitor } from './audit-guard-monitor';

export const healthSchema = z
  .object({
    status: z.enum(['ok', 'degraded']),
    /** `down` when the audit store cannot read `audit_events` or may not insert into it, not only when offline. */
    database: z.enum(['up', 'down']),
    /** `weak` when the API's database role could switch off or get round the audit log's append-only triggers. */
    auditGuard: z.enum(['enforced', 'weak']),
  })
  .meta({ id: 'Health' });
export type Health = z.infer<typeof healthSchema>;

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(AUDIT_STORE) private readonly store: AuditStore,
    @Inject(AuditGuardMonitor) private readonly guard: AuditGuardMonitor,
  ) {}

  /** Liveness plus the audit store (mutations need it) and its guard. Always 200; read `status`. */
  @Get()
  @Public()
  @ApiZodResponse(200, healthSchema, 'ok, or degraded when the audit store cannot be used')
  async check(): Promise<Health> {
    const [up, auditGuard] = await Promise.all([this.store.ping().catch(() => false), this.guard.current()]);
    return { status: up ? 'ok' : 'degraded', database: up ? 'up' : 'down', auditGuard };
  }
}

import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AuditStore } from '@poolkeeper/persistence';
import { z } from 'zod';
import { AUDIT_STORE } from '../app/tokens';
import { Public } from '../auth/access.decorators';
import { ApiZodResponse } from '../openapi/zod-openapi';

export const healthSchema = z
  .object({
    status: z.enum(['ok', 'degraded']),
    database: z.enum(['up', 'down']),
  })
  .meta({ id: 'Health' });
export type Health = z.infer<typeof healthSchema>;

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@Inject(AUDIT_STORE) private readonly store: AuditStore) {}

  /** Liveness plus database reachability (mutations need the audit log). Always 200; read `status`. */
  @Get()
  @Public()
  @ApiZodResponse(200, healthSchema, 'ok, or degraded when the database is unreachable')
  async check(): Promise<Health> {
    const up = await this.store.ping().catch(() => false);
    return { status: up ? 'ok' : 'degraded', database: up ? 'up' : 'down' };
  }
}

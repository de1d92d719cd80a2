import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  type AuditEvent,
  type AuditQuery,
  type Page,
  auditPageSchema,
  auditQuerySchema,
} from '@poolkeeper/contract';
import { RequirePermission } from '../auth/access.decorators';
import { ApiErrors, ApiZodQuery, ApiZodResponse } from '../openapi/zod-openapi';
import { ZodValidationPipe } from '../validation/zod-validation.pipe';
import { AuditService } from './audit.service';

@ApiTags('audit')
@ApiBearerAuth()
@ApiErrors(400, 401, 403, 503)
@Controller('audit-events')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @RequirePermission('audit.read')
  @ApiZodQuery(auditQuerySchema)
  @ApiZodResponse(200, auditPageSchema, 'Audit events, newest first')
  list(@Query(new ZodValidationPipe(auditQuerySchema)) query: AuditQuery): Promise<Page<AuditEvent>> {
    return this.audit.list(query);
  }
}

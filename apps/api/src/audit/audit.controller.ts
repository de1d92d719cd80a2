import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  type AuditEvent,
  type AuditExportQuery,
  type AuditHeadResponse,
  type AuditQuery,
  type AuditVerifyResult,
  type Page,
  auditExportQuerySchema,
  auditHeadResponseSchema,
  auditPageSchema,
  auditQuerySchema,
  auditVerifyResultSchema,
} from '@poolkeeper/contract';
import type { Response } from 'express';
import { RequirePermission } from '../auth/access.decorators';
import { ApiErrors, ApiZodQuery, ApiZodResponse } from '../openapi/zod-openapi';
import { ZodValidationPipe } from '../validation/zod-validation.pipe';
import { type AuditCaller, Caller } from './audit-caller';
import { exportContentType } from './audit-export-format';
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

  @Get('head')
  @RequirePermission('audit.read')
  @ApiZodResponse(200, auditHeadResponseSchema, 'The newest event of the hash chain, to anchor outside')
  async head(): Promise<AuditHeadResponse> {
    return { head: await this.audit.head() };
  }

  @Get('verify')
  @RequirePermission('audit.read')
  @ApiZodResponse(
    200,
    auditVerifyResultSchema,
    'The whole chain checks, or the first event at which it breaks',
  )
  verify(): Promise<AuditVerifyResult> {
    return this.audit.verify();
  }

  /** Streamed in chain order (constant memory); the export itself is recorded as an `audit.export` event. */
  @Get('export')
  @RequirePermission('audit.read')
  @ApiZodQuery(auditExportQuerySchema)
  @ApiProduces(exportContentType.ndjson, exportContentType.csv)
  @ApiOkResponse({ description: 'The filtered range with prevHash and hash (README "Audit log integrity")' })
  async export(
    @Query(new ZodValidationPipe(auditExportQuerySchema)) query: AuditExportQuery,
    @Caller() caller: AuditCaller,
    @Res() res: Response,
  ): Promise<void> {
    let started = false;
    const sink = {
      write: (text: string) =>
        new Promise<void>((resolve, reject) => {
          if (res.destroyed) return reject(new Error('the client went away during the export'));
          if (!started) {
            started = true;
            res.status(200);
            res.setHeader('Content-Type', exportContentType[query.format]);
            res.setHeader(
              'Content-Disposition',
              `attachment; filename="audit-events.${query.format === 'csv' ? 'csv' : 'ndjson'}"`,
            );
          }
          if (!text || res.write(text)) return resolve();
          const onDrain = () => {
            res.off('close', onClose);
            resolve();
          };
          const onClose = () => {
            res.off('drain', onDrain);
            reject(new Error('the client went away during the export'));
          };
          res.once('drain', onDrain);
          res.once('close', onClose);
        }),
    };
    try {
      await this.audit.export(caller, query, sink);
    } catch (error) {
      if (!started) throw error; // nothing sent yet: the usual error response
      res.destroy(error as Error); // mid-stream: cut the body so the file is visibly incomplete
      return;
    }
    res.end();
  }
}

import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import type { Logger } from 'pino';
import { toErrorBody } from './to-error-body';

/** The one global exception filter: every error leaves as `{ code, message, details?, errorId? }`. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const { status, body, retryAfterSeconds, unexpected } = toErrorBody(exception);
    if (unexpected !== undefined) {
      const req = host.switchToHttp().getRequest<{ id?: unknown }>();
      this.logger.error({ err: unexpected, errorId: body.errorId, requestId: req?.id }, 'unexpected error');
    }
    if (res.headersSent) return;
    if (retryAfterSeconds !== null) res.setHeader('Retry-After', String(retryAfterSeconds));
    res.status(status).json(body);
  }
}

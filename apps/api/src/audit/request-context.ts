import { type ExecutionContext, createParamDecorator } from '@nestjs/common';
import type { Request } from 'express';
import { AppError } from '../errors/app-error';
import type { Principal } from '../auth/principal';

/** Who asked, from where, under which HTTP request id: what the audit log records about the caller. */
export interface RequestContext {
  principal: Principal;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

export const CallerContext = createParamDecorator((_data: unknown, ctx: ExecutionContext): RequestContext => {
  const req = ctx.switchToHttp().getRequest<Request & { user?: Principal; id?: unknown }>();
  if (!req.user) throw new AppError('UNAUTHENTICATED', 'Sign in first');
  const ua = req.headers['user-agent'];
  return {
    principal: req.user,
    ip: req.ip ?? req.socket?.remoteAddress ?? null,
    userAgent: typeof ua === 'string' ? ua.slice(0, 512) : null,
    requestId: req.id === undefined || req.id === null ? null : String(req.id),
  };
});

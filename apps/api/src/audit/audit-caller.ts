import { type ExecutionContext, createParamDecorator } from '@nestjs/common';
import type { AuditActor } from '@poolkeeper/contract';
import type { Request } from 'express';
import type { Principal } from '../auth/principal';
import { AppError } from '../errors/app-error';

/**
 * Who asks for a change, as the audit log records it. An HTTP request gives an operator or machine client with
 * its IP, user agent and request id; a job, the reconciler or a command-line tool is a `system` caller.
 */
export interface AuditCaller {
  actor: AuditActor;
  /** The HTTP request id (x-request-id), or the job's run id; null when there is none. */
  requestId: string | null;
}

/** A caller that is poolkeeper itself, e.g. `systemCaller('reconciler', runId)`. */
export function systemCaller(name: string, requestId: string | null = null): AuditCaller {
  return {
    actor: { kind: 'system', sub: `system:${name}`, username: name, roles: [], ip: null, userAgent: null },
    requestId,
  };
}

export function callerOfPrincipal(
  principal: Principal,
  request: { ip: string | null; userAgent: string | null; requestId: string | null },
): AuditCaller {
  return {
    actor: {
      kind: principal.kind,
      sub: principal.sub,
      username: principal.username,
      roles: [...principal.roles],
      ip: request.ip,
      userAgent: request.userAgent,
    },
    requestId: request.requestId,
  };
}

/** The verified caller of this HTTP request (set by AccessGuard), for `AuditService.run`. */
export const Caller = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuditCaller => {
  const req = ctx.switchToHttp().getRequest<Request & { user?: Principal; id?: unknown }>();
  if (!req.user) throw new AppError('UNAUTHENTICATED', 'Sign in first');
  const ua = req.headers['user-agent'];
  return callerOfPrincipal(req.user, {
    ip: req.ip ?? req.socket?.remoteAddress ?? null,
    userAgent: typeof ua === 'string' ? ua.slice(0, 512) : null,
    requestId: req.id === undefined || req.id === null ? null : String(req.id),
  });
});

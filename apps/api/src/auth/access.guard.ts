import { type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { GatewayError } from '@poolkeeper/cognito-gateway';
import { AppError } from '../errors/app-error';
import { ROUTE_ACCESS, type RouteAccess } from './access.decorators';
import { OPERATOR_JWT } from './operator-jwt.strategy';
import type { Principal } from './principal';

/** Global guard: public routes pass; others need a valid token (401) and the declared permission (403). */
@Injectable()
export class AccessGuard extends AuthGuard(OPERATOR_JWT) {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = this.reflector.getAllAndOverride<RouteAccess | undefined>(ROUTE_ACCESS, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!access) throw new AppError('FORBIDDEN', 'This route declares no permission');
    if (access.kind === 'public') return true;
    await super.canActivate(context);
    if (access.kind === 'authenticated') return true;
    const principal = context.switchToHttp().getRequest<{ user?: Principal }>().user;
    if (!principal?.permissions.includes(access.permission)) {
      throw new AppError('FORBIDDEN', `Missing permission ${access.permission}`, {
        permission: access.permission,
      });
    }
    return true;
  }

  override handleRequest<TUser = Principal>(err: unknown, user: unknown, info: unknown): TUser {
    // Cognito could not be asked about the operator (throttled, unreachable): say so (429/503), never 401,
    // which would sign the console out over an outage.
    if (err instanceof GatewayError && err.code !== 'NOT_AUTHORIZED') throw err;
    if (err || !user) {
      const reason =
        err instanceof Error ? err.message : info instanceof Error ? info.message : 'missing bearer token';
      throw new AppError('UNAUTHENTICATED', `Sign in first (${reason})`);
    }
    return user as TUser;
  }
}

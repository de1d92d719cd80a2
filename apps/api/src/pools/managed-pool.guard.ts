import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { poolIdSchema } from '@poolkeeper/contract';
import type { Request } from 'express';
import { API_CONFIG } from '../app/tokens';
import type { ApiConfig } from '../config/api-config';
import { AppError } from '../errors/app-error';
import { parseOrThrow } from '../validation/zod-validation.pipe';

/** The route parameter every pool-scoped route names its user pool by (`pools/:poolId/**`). */
export const POOL_PARAM = 'poolId';

/**
 * Global guard, after AccessGuard: on any route with a `:poolId` parameter the pool id must be well formed
 * (400) and one of MANAGED_USER_POOL_IDS (404 POOL_NOT_FOUND) before the handler runs, so no service can touch
 * a pool poolkeeper does not manage. Routes without the parameter pass. The route-inventory test fails when a
 * pool-scoped route names its pool any other way.
 */
@Injectable()
export class ManagedPoolGuard implements CanActivate {
  private readonly managed: ReadonlySet<string>;

  constructor(@Inject(API_CONFIG) config: ApiConfig) {
    this.managed = new Set(config.cognito.managedPoolIds);
  }

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const params = context.switchToHttp().getRequest<Request>().params ?? {};
    if (!Object.hasOwn(params, POOL_PARAM)) return true;
    const poolId = parseOrThrow(poolIdSchema, params[POOL_PARAM], POOL_PARAM);
    if (!this.managed.has(poolId)) {
      throw new AppError('POOL_NOT_FOUND', `No managed user pool ${JSON.stringify(poolId)}`, { poolId });
    }
    return true;
  }
}

import { type ExecutionContext, createParamDecorator } from '@nestjs/common';
import { AppError } from '../errors/app-error';
import type { Principal } from './principal';

/** The verified caller set by AccessGuard. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, ctx: ExecutionContext): Principal => {
  const user = ctx.switchToHttp().getRequest<{ user?: Principal }>().user;
  if (!user) throw new AppError('UNAUTHENTICATED', 'Sign in first');
  return user;
});

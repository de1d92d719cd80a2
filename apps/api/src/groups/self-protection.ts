import type { AuditCaller } from '../audit/audit-caller';
import type { ApiConfig } from '../config/api-config';
import { AppError } from '../errors/app-error';

/**
 * Self-protection applies to the operator pool only, and only when it is also managed (MANAGED_USER_POOL_IDS
 * lists it; the local stack manages the demo pools, not the operator pool). Any other pool's users are not
 * poolkeeper's operators, whatever their names.
 */
export function isOperatorPool(config: ApiConfig, poolId: string): boolean {
  return config.cognito.operatorPoolId === poolId;
}

export type SelfAction = 'disable' | 'delete' | 'sign-out';

/** An operator cannot disable, delete or sign out their own operator account (`targetSub`: the user's sub). */
export function assertNotSelf(caller: AuditCaller, targetSub: string | undefined, action: SelfAction): void {
  if (caller.actor.kind !== 'operator' || !targetSub || targetSub !== caller.actor.sub) return;
  const verb = { disable: 'disable', delete: 'delete', 'sign-out': 'sign out' }[action];
  throw new AppError(
    'SELF_PROTECTED',
    `You cannot ${verb} your own operator account; ask another admin to do it`,
  );
}

export function lastAdminError(group: string): AppError {
  return new AppError(
    'LAST_ADMIN',
    `${group} would be left without members, and nobody could administer poolkeeper; add another admin first`,
  );
}

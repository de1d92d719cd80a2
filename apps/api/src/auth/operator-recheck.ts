import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { permissionsForRoles } from '@poolkeeper/contract';
import { type CognitoReads, GatewayError } from '@poolkeeper/cognito-gateway';
import { API_CONFIG, COGNITO_READS } from '../app/tokens';
import type { ApiConfig } from '../config/api-config';
import { type Principal, TokenRejected, rolesFromGroups } from './principal';

/** Answers Cognito gives about a token that mean "this operator no longer has access". */
const REVOKED = new Set(['NOT_AUTHORIZED', 'USER_NOT_FOUND']);
const MAX_ENTRIES = 10_000;

interface Entry {
  until: number;
  principal: Promise<Principal>;
}

/**
 * Access tokens are verified statelessly (fast), but an operator's access must end soon after they are signed
 * out, disabled, deleted or removed from their groups. So every `operatorRecheckSeconds` (≤ 60) per token the
 * operator pool is asked again: GetUser with the token (refused after global sign-out or RevokeToken, or when
 * the user is disabled or deleted) and AdminListGroupsForUser (the roles come from the groups the operator is
 * in now, not those the token was issued with). The bound on a revoked operator's access is that interval
 * plus one request. Machine clients have no user to ask: their bound is their token's lifetime.
 */
@Injectable()
export class OperatorRecheck {
  private readonly entries = new Map<string, Entry>();
  private readonly ttlMs: number;

  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(COGNITO_READS) private readonly cognito: CognitoReads,
  ) {
    this.ttlMs = config.cognito.operatorRecheckSeconds * 1000;
  }

  async confirm(principal: Principal, token: string): Promise<Principal> {
    if (principal.kind !== 'operator') return principal;
    const key = createHash('sha256').update(token).digest('base64url');
    const now = Date.now();
    const cached = this.entries.get(key);
    if (cached && cached.until > now) return cached.principal;
    const checked = this.ask(principal, token);
    if (this.ttlMs > 0) {
      this.prune(now);
      this.entries.set(key, { until: now + this.ttlMs, principal: checked });
      // A failed check is not remembered: the next request asks again.
      checked.catch(() => this.entries.delete(key));
    }
    return checked;
  }

  private async ask(principal: Principal, token: string): Promise<Principal> {
    const poolId = this.config.cognito.operatorPoolId ?? '';
    try {
      const owner = await this.cognito.sessions.getTokenOwner(poolId, token);
      if (owner.username !== principal.username) throw new TokenRejected('token belongs to another user');
      const groups = await this.cognito.groups.listGroupsForUser(poolId, principal.username);
      const roles = rolesFromGroups(groups, this.config.cognito.roleGroups);
      return { ...principal, roles, permissions: permissionsForRoles(roles) };
    } catch (error) {
      if (error instanceof GatewayError && REVOKED.has(error.code)) {
        throw new TokenRejected(`the operator pool no longer accepts this token (${error.message})`);
      }
      throw error;
    }
  }

  private prune(now: number): void {
    if (this.entries.size < MAX_ENTRIES) return;
    for (const [key, entry] of this.entries) if (entry.until <= now) this.entries.delete(key);
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
  }
}

import { Inject, Injectable } from '@nestjs/common';
import {
  type AuditTarget,
  type CreateUserBody,
  type CreatedUser,
  type FieldIssue,
  type ListUsersQuery,
  type Page,
  type SetPasswordBody,
  type UpdateUserBody,
  type UserAction,
  type UserDetail,
  type UserSummary,
  isStandardAttribute,
} from '@poolkeeper/contract';
import type { CognitoReads } from '@poolkeeper/cognito-gateway';
import { API_CONFIG, COGNITO_READS } from '../app/tokens';
import type { AuditCaller } from '../audit/audit-caller';
import { AuditService } from '../audit/audit.service';
import type { ApiConfig } from '../config/api-config';
import { AppError } from '../errors/app-error';
import { type SelfAction, assertNotSelf, isOperatorPool } from '../groups/self-protection';
import { PoolsService } from '../pools/pools.service';
import { searchFilter, statusFilter, statusPredicate } from './user-filters';
import { applyAttributeChanges, previousValues, withVerification } from './user-attribute-update';
import { planInvite } from './user-invite';
import { listUserPage } from './user-listing';
import { toUserDetail, toUserSummary } from './user-mapper';

const userTarget = (username: string): AuditTarget[] => [{ type: 'user', id: username }];

/** Who chose the temporary password, for the audit (never the password itself). */
function passwordSource(body: CreateUserBody): 'operator' | 'poolkeeper' | 'cognito' {
  if (body.temporaryPassword !== undefined) return 'operator';
  return body.delivery === 'suppress' ? 'poolkeeper' : 'cognito';
}

/** Every `poolId` here is managed: ManagedPoolGuard checked it before the controller ran. */
@Injectable()
export class UsersService {
  constructor(
    @Inject(COGNITO_READS) private readonly cognito: CognitoReads,
    private readonly pools: PoolsService,
    private readonly audit: AuditService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /** In the operator pool, refuses an operator's change to their own account (matched by sub, not by name). */
  private async assertNotSelf(caller: AuditCaller, poolId: string, username: string, action: SelfAction) {
    if (caller.actor.kind !== 'operator' || !isOperatorPool(this.config, poolId)) return;
    const target = await this.cognito.users.getUser(poolId, username);
    assertNotSelf(caller, target.attributes.sub, action);
  }

  /** Cognito takes one filter: the search when given (status then filtered here), else the status. */
  async list(poolId: string, query: ListUsersQuery): Promise<Page<UserSummary>> {
    const search = searchFilter(query);
    const status = statusFilter(query.status);
    const page = await listUserPage(this.cognito, {
      poolId,
      filter: search ?? status,
      keep: search && query.status ? statusPredicate(query.status) : null,
      limit: query.limit,
      cursor: query.cursor,
    });
    return { items: page.users.map(toUserSummary), nextCursor: page.nextCursor };
  }

  async get(poolId: string, username: string): Promise<UserDetail> {
    const [user, groups] = await Promise.all([
      this.cognito.users.getUser(poolId, username),
      this.cognito.groups.listGroupsForUser(poolId, username),
    ]);
    return toUserDetail(user, groups);
  }

  /** The invite; the response says where the invitation went, or carries a generated password once. */
  async create(caller: AuditCaller, poolId: string, body: CreateUserBody): Promise<CreatedUser> {
    const { input, invitation } = await planInvite(this.cognito, poolId, body);
    const created = await this.audit.run(
      caller,
      {
        action: 'user.create',
        poolId,
        targets: userTarget(body.username),
        // body.temporaryPassword is stripped by the audit; the generated one is never put here
        request: { ...body, passwordFrom: passwordSource(body) },
        reason: body.reason ?? null,
      },
      (cognito) => cognito.users.createUser(input),
    );
    return { ...toUserDetail({ ...created, mfaEnabled: [], mfaPreferred: null }, []), invitation };
  }

  async update(
    caller: AuditCaller,
    poolId: string,
    username: string,
    body: UpdateUserBody,
  ): Promise<UserDetail> {
    // Set and remove are two Cognito calls: refuse unknown names before the first, so none is half-applied.
    if (Object.keys(body.set).length > 0 && body.remove.length > 0) await this.assertAttributes(poolId, body);
    const before = (await this.cognito.users.getUser(poolId, username)).attributes;
    const { set, verification } = withVerification(body, before);
    await this.audit.run(
      caller,
      {
        action: 'user.update',
        poolId,
        targets: userTarget(username),
        request: {
          set: body.set,
          remove: body.remove,
          keepVerified: body.keepVerified,
          before: previousValues(before, [...Object.keys(body.set), ...body.remove]),
          verification,
        },
        reason: body.reason ?? null,
      },
      (cognito) => applyAttributeChanges(this.cognito, cognito, poolId, username, set, body.remove),
    );
    return this.get(poolId, username);
  }

  private async assertAttributes(poolId: string, body: UpdateUserBody): Promise<void> {
    const named = [
      ...Object.keys(body.set).map((name) => ({ name, field: `set.${name}` })),
      ...body.remove.map((name, i) => ({ name, field: `remove.${i}` })),
    ];
    const unknown: FieldIssue[] = [];
    for (const { name, field } of named) {
      if (isStandardAttribute(name) || (await this.pools.hasCustomAttribute(poolId, name))) continue;
      unknown.push({ field, message: `${name} is not an attribute of this user pool` });
    }
    if (unknown.length > 0) {
      const first = unknown[0]!;
      throw new AppError('VALIDATION_FAILED', `${first.field}: ${first.message}`, unknown);
    }
  }

  async delete(
    caller: AuditCaller,
    poolId: string,
    username: string,
    reason: string | undefined,
  ): Promise<void> {
    await this.assertNotSelf(caller, poolId, username, 'delete');
    await this.audit.run(
      caller,
      { action: 'user.delete', poolId, targets: userTarget(username), request: {}, reason: reason ?? null },
      (cognito) => cognito.users.deleteUser(poolId, username),
    );
  }

  /** disable, enable, reset-password, sign-out: no body beyond the reason. */
  async act(
    caller: AuditCaller,
    poolId: string,
    username: string,
    action: UserAction,
    reason: string | undefined,
  ): Promise<void> {
    if (action === 'disable' || action === 'sign-out')
      await this.assertNotSelf(caller, poolId, username, action);
    await this.audit.run(
      caller,
      {
        action: `user.${action}`,
        poolId,
        targets: userTarget(username),
        request: {},
        reason: reason ?? null,
      },
      (cognito) =>
        ({
          disable: () => cognito.users.disableUser(poolId, username),
          enable: () => cognito.users.enableUser(poolId, username),
          'reset-password': () => cognito.users.resetUserPassword(poolId, username),
          'sign-out': () => cognito.users.globalSignOut(poolId, username),
        })[action](),
    );
  }

  async setPassword(
    caller: AuditCaller,
    poolId: string,
    username: string,
    body: SetPasswordBody,
  ): Promise<void> {
    await this.audit.run(
      caller,
      {
        action: 'user.set-password',
        poolId,
        targets: userTarget(username),
        request: { permanent: body.permanent },
        reason: body.reason ?? null,
      },
      (cognito) => cognito.users.setUserPassword(poolId, username, body.password, body.permanent),
    );
  }
}

import { Inject, Injectable } from '@nestjs/common';
import type {
  CreateUserBody,
  FieldIssue,
  ListUsersQuery,
  Page,
  SetPasswordBody,
  UpdateUserBody,
  UserAction,
  UserDetail,
  UserSummary,
} from '@poolkeeper/contract';
import type { CognitoGateway } from '@poolkeeper/cognito-gateway';
import { COGNITO_GATEWAY } from '../app/tokens';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../errors/app-error';
import type { RequestContext } from '../audit/request-context';
import { PoolsService } from '../pools/pools.service';
import { searchFilter, statusFilter, statusPredicate } from './user-filters';
import { applyAttributeChanges } from './user-attribute-update';
import { listUserPage } from './user-listing';
import { toUserDetail, toUserSummary } from './user-mapper';
import { standardAttributes } from './standard-attributes';

@Injectable()
export class UsersService {
  constructor(
    @Inject(COGNITO_GATEWAY) private readonly gateway: CognitoGateway,
    private readonly pools: PoolsService,
    private readonly audit: AuditService,
  ) {}

  /** Cognito takes one filter: the search when given (status then filtered here), else the status. */
  async list(poolId: string, query: ListUsersQuery): Promise<Page<UserSummary>> {
    this.pools.assertManaged(poolId);
    const search = searchFilter(query);
    const status = statusFilter(query.status);
    const page = await listUserPage(this.gateway, {
      poolId,
      filter: search ?? status,
      keep: search && query.status ? statusPredicate(query.status) : null,
      limit: query.limit,
      cursor: query.cursor,
    });
    return { items: page.users.map(toUserSummary), nextCursor: page.nextCursor };
  }

  async get(poolId: string, username: string): Promise<UserDetail> {
    this.pools.assertManaged(poolId);
    const [user, groups] = await Promise.all([
      this.gateway.getUser(poolId, username),
      this.gateway.listGroupsForUser(poolId, username),
    ]);
    return toUserDetail(user, groups);
  }

  async create(ctx: RequestContext, poolId: string, body: CreateUserBody): Promise<UserDetail> {
    this.pools.assertManaged(poolId);
    const created = await this.audit.run(
      ctx,
      {
        action: 'user.create',
        poolId,
        target: body.username,
        request: { ...body },
        reason: body.reason ?? null,
      },
      () =>
        this.gateway.createUser({
          poolId,
          username: body.username,
          attributes: body.attributes,
          ...(body.temporaryPassword !== undefined ? { temporaryPassword: body.temporaryPassword } : {}),
          ...(body.delivery === 'suppress' ? { messageAction: 'SUPPRESS' as const } : {}),
          deliveryMediums: body.deliveryMediums,
        }),
    );
    return toUserDetail({ ...created, mfaEnabled: [], mfaPreferred: null }, []);
  }

  async update(
    ctx: RequestContext,
    poolId: string,
    username: string,
    body: UpdateUserBody,
  ): Promise<UserDetail> {
    this.pools.assertManaged(poolId);
    // Set and remove are two Cognito calls: refuse unknown names before the first, so none is half-applied.
    if (Object.keys(body.set).length > 0 && body.remove.length > 0) await this.assertAttributes(poolId, body);
    await this.audit.run(
      ctx,
      {
        action: 'user.update',
        poolId,
        target: username,
        request: { set: body.set, remove: body.remove },
        reason: body.reason ?? null,
      },
      () => applyAttributeChanges(this.gateway, poolId, username, body.set, body.remove),
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
      if (standardAttributes.has(name) || (await this.pools.hasCustomAttribute(poolId, name))) continue;
      unknown.push({ field, message: `${name} is not an attribute of this user pool` });
    }
    if (unknown.length > 0) {
      const first = unknown[0]!;
      throw new AppError('VALIDATION_FAILED', `${first.field}: ${first.message}`, unknown);
    }
  }

  async delete(
    ctx: RequestContext,
    poolId: string,
    username: string,
    reason: string | undefined,
  ): Promise<void> {
    this.pools.assertManaged(poolId);
    await this.audit.run(
      ctx,
      { action: 'user.delete', poolId, target: username, request: {}, reason: reason ?? null },
      () => this.gateway.deleteUser(poolId, username),
    );
  }

  /** disable, enable, reset-password, sign-out: no body beyond the reason. */
  async act(
    ctx: RequestContext,
    poolId: string,
    username: string,
    action: UserAction,
    reason: string | undefined,
  ): Promise<void> {
    this.pools.assertManaged(poolId);
    const call = {
      disable: () => this.gateway.disableUser(poolId, username),
      enable: () => this.gateway.enableUser(poolId, username),
      'reset-password': () => this.gateway.resetUserPassword(poolId, username),
      'sign-out': () => this.gateway.globalSignOut(poolId, username),
    }[action];
    await this.audit.run(
      ctx,
      { action: `user.${action}`, poolId, target: username, request: {}, reason: reason ?? null },
      call,
    );
  }

  async setPassword(
    ctx: RequestContext,
    poolId: string,
    username: string,
    body: SetPasswordBody,
  ): Promise<void> {
    this.pools.assertManaged(poolId);
    await this.audit.run(
      ctx,
      {
        action: 'user.set-password',
        poolId,
        target: username,
        request: { permanent: body.permanent },
        reason: body.reason ?? null,
      },
      () => this.gateway.setUserPassword(poolId, username, body.password, body.permanent),
    );
  }
}

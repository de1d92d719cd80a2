import { Inject, Injectable } from '@nestjs/common';
import {
  type AuditTarget,
  type CreateGroupBody,
  type DeleteGroupBody,
  type Group,
  type GroupMember,
  type ListGroupsQuery,
  type Page,
  type UpdateGroupBody,
  type UserGroups,
  tokenRolesFor,
} from '@poolkeeper/contract';
import { type CognitoReads, LIST_GROUPS_PAGE_SIZE } from '@poolkeeper/cognito-gateway';
import { API_CONFIG, COGNITO_READS } from '../app/tokens';
import type { AuditCaller } from '../audit/audit-caller';
import { AuditService } from '../audit/audit.service';
import type { ApiConfig } from '../config/api-config';
import { AppError } from '../errors/app-error';
import { groupChanges, toGroup, toGroupMember } from './group-mapper';
import { isOperatorPool, lastAdminError } from './self-protection';

const groupTarget = (name: string): AuditTarget[] => [{ type: 'group', id: name }];
const sameUser = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Every `poolId` here is managed: ManagedPoolGuard checked it before the controller ran. */
@Injectable()
export class GroupsService {
  constructor(
    @Inject(COGNITO_READS) private readonly cognito: CognitoReads,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly audit: AuditService,
  ) {}

  /** One ListGroups page; the cursor is Cognito's NextToken as it gave it. */
  async list(poolId: string, query: ListGroupsQuery): Promise<Page<Group>> {
    const page = await this.cognito.groups.listGroups(poolId, query.limit, query.cursor);
    return { items: page.items.map(toGroup), nextCursor: page.nextToken || null };
  }

  async get(poolId: string, name: string): Promise<Group> {
    return toGroup(await this.cognito.groups.getGroup(poolId, name));
  }

  async create(caller: AuditCaller, poolId: string, body: CreateGroupBody): Promise<Group> {
    const { groupName, reason, ...fields } = body;
    const created = await this.audit.run(
      caller,
      {
        action: 'group.create',
        poolId,
        targets: groupTarget(groupName),
        request: { groupName, ...fields },
        reason: reason ?? null,
      },
      (cognito) => cognito.groups.createGroup(poolId, groupName, fields),
    );
    return toGroup(created);
  }

  async update(caller: AuditCaller, poolId: string, name: string, body: UpdateGroupBody): Promise<Group> {
    const { reason, ...fields } = body;
    const before = await this.get(poolId, name);
    const updated = await this.audit.run(
      caller,
      {
        action: 'group.update',
        poolId,
        targets: groupTarget(name),
        request: { ...fields, changes: groupChanges(before, fields) },
        reason: reason ?? null,
      },
      (cognito) => cognito.groups.updateGroup(poolId, name, fields),
    );
    return toGroup(updated);
  }

  async delete(caller: AuditCaller, poolId: string, name: string, body: DeleteGroupBody): Promise<void> {
    if (body.confirm !== name) {
      throw new AppError('VALIDATION_FAILED', 'confirm: type the group name exactly to delete it', [
        { field: 'confirm', message: 'type the group name exactly to delete it' },
      ]);
    }
    const before = await this.get(poolId, name);
    if (this.isAdminGroup(poolId, name)) throw lastAdminError(name);
    await this.audit.run(
      caller,
      {
        action: 'group.delete',
        poolId,
        targets: groupTarget(name),
        request: { changes: { group: { before, after: null } } },
        reason: body.reason ?? null,
      },
      (cognito) => cognito.groups.deleteGroup(poolId, name),
    );
  }

  /** One ListUsersInGroup page; the cursor is Cognito's NextToken. */
  async members(poolId: string, name: string, query: ListGroupsQuery): Promise<Page<GroupMember>> {
    const page = await this.cognito.groups.listUsersInGroup(poolId, name, query.limit, query.cursor);
    return { items: page.items.map(toGroupMember), nextCursor: page.nextToken || null };
  }

  async userGroups(poolId: string, username: string): Promise<UserGroups> {
    const groups = (await this.cognito.groups.listGroupDetailsForUser(poolId, username)).map(toGroup);
    return { groups, tokenRoles: tokenRolesFor(groups) };
  }

  async changeMember(
    caller: AuditCaller,
    poolId: string,
    name: string,
    username: string,
    change: 'add' | 'remove',
    reason: string | undefined,
  ): Promise<void> {
    // Both must exist before anything is recorded as attempted: 404 for the missing one.
    const [, groupsBefore] = await Promise.all([
      this.cognito.groups.getGroup(poolId, name),
      this.cognito.groups.listGroupsForUser(poolId, username),
    ]);
    if (change === 'remove' && this.isAdminGroup(poolId, name))
      await this.assertNotLastAdmin(poolId, name, username);
    const groupsAfter =
      change === 'add' ? [...new Set([...groupsBefore, name])] : groupsBefore.filter((g) => g !== name);
    await this.audit.run(
      caller,
      {
        action: change === 'add' ? 'group.add-member' : 'group.remove-member',
        poolId,
        targets: [...groupTarget(name), { type: 'user', id: username }],
        request: { username, changes: { groups: { before: groupsBefore, after: groupsAfter } } },
        reason: reason ?? null,
      },
      (cognito) =>
        change === 'add'
          ? cognito.groups.addUserToGroup(poolId, name, username)
          : cognito.groups.removeUserFromGroup(poolId, name, username),
    );
  }

  /** The admin role group (ROLE_GROUP_ADMIN) of the operator pool, when that pool is managed here. */
  private isAdminGroup(poolId: string, name: string): boolean {
    return isOperatorPool(this.config, poolId) && name === this.config.cognito.roleGroups.admin;
  }

  /** Refuses to remove `username` when no other member would be left (stops at the first other member). */
  private async assertNotLastAdmin(poolId: string, name: string, username: string): Promise<void> {
    let token: string | undefined;
    let isMember = false;
    do {
      const page = await this.cognito.groups.listUsersInGroup(poolId, name, LIST_GROUPS_PAGE_SIZE, token);
      for (const user of page.items) {
        if (!sameUser(user.username, username)) return;
        isMember = true;
      }
      token = page.nextToken || undefined;
    } while (token);
    if (isMember) throw lastAdminError(name);
  }
}

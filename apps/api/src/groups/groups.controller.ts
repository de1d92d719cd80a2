import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  type CreateGroupBody,
  type DeleteGroupBody,
  type Group,
  type GroupMember,
  type ListGroupsQuery,
  type MutationBody,
  type Page,
  type UpdateGroupBody,
  type UserGroups,
  createGroupBodySchema,
  deleteGroupBodySchema,
  groupMemberPageSchema,
  groupNameSchema,
  groupPageSchema,
  groupSchema,
  listGroupsQuerySchema,
  mutationBodySchema,
  updateGroupBodySchema,
  userGroupsSchema,
  usernameSchema,
} from '@poolkeeper/contract';
import { z } from 'zod';
import { type AuditCaller, Caller } from '../audit/audit-caller';
import { RequirePermission } from '../auth/access.decorators';
import { ApiErrors, ApiNoContent, ApiZodBody, ApiZodQuery, ApiZodResponse } from '../openapi/zod-openapi';
import { ZodValidationPipe } from '../validation/zod-validation.pipe';
import { GroupsService } from './groups.service';

/** `{ reason? }`, or no body at all. */
const optionalMutationBody = z.preprocess((v) => v ?? {}, mutationBodySchema);
/** `{ confirm, reason? }`; no body at all reads as a missing confirm. */
const deleteBody = z.preprocess((v) => v ?? {}, deleteGroupBodySchema);
const groupName = new ZodValidationPipe(groupNameSchema, 'groupName');
const username = new ZodValidationPipe(usernameSchema, 'username');

@ApiTags('groups')
@ApiBearerAuth()
@ApiErrors(400, 401, 403, 404, 429, 503)
@Controller('pools/:poolId/groups')
export class GroupsController {
  constructor(private readonly groups: GroupsService) {}

  @Get()
  @RequirePermission('groups.read')
  @ApiZodQuery(listGroupsQuerySchema)
  @ApiZodResponse(200, groupPageSchema, 'One page of groups; pass nextCursor back as cursor for the next')
  list(
    @Param('poolId') poolId: string,
    @Query(new ZodValidationPipe(listGroupsQuerySchema)) query: ListGroupsQuery,
  ): Promise<Page<Group>> {
    return this.groups.list(poolId, query);
  }

  @Post()
  @RequirePermission('groups.manage')
  @ApiZodBody(createGroupBodySchema)
  @ApiZodResponse(201, groupSchema, 'The created group')
  @ApiErrors(409)
  create(
    @Caller() caller: AuditCaller,
    @Param('poolId') poolId: string,
    @Body(new ZodValidationPipe(createGroupBodySchema)) body: CreateGroupBody,
  ): Promise<Group> {
    return this.groups.create(caller, poolId, body);
  }

  @Get(':groupName')
  @RequirePermission('groups.read')
  @ApiZodResponse(200, groupSchema, 'The group')
  get(@Param('poolId') poolId: string, @Param('groupName', groupName) name: string): Promise<Group> {
    return this.groups.get(poolId, name);
  }

  @Patch(':groupName')
  @RequirePermission('groups.manage')
  @ApiZodBody(updateGroupBodySchema)
  @ApiZodResponse(200, groupSchema, 'The updated group (fields not given are kept)')
  update(
    @Caller() caller: AuditCaller,
    @Param('poolId') poolId: string,
    @Param('groupName', groupName) name: string,
    @Body(new ZodValidationPipe(updateGroupBodySchema)) body: UpdateGroupBody,
  ): Promise<Group> {
    return this.groups.update(caller, poolId, name, body);
  }

  @Delete(':groupName')
  @HttpCode(204)
  @RequirePermission('groups.manage')
  @ApiZodBody(deleteGroupBodySchema, '`confirm` must equal the group name')
  @ApiNoContent('Deleted; its members lose the group')
  @ApiErrors(409)
  async delete(
    @Caller() caller: AuditCaller,
    @Param('poolId') poolId: string,
    @Param('groupName', groupName) name: string,
    @Body(new ZodValidationPipe(deleteBody)) body: DeleteGroupBody,
  ): Promise<void> {
    await this.groups.delete(caller, poolId, name, body);
  }

  @Get(':groupName/members')
  @RequirePermission('groups.read')
  @ApiZodQuery(listGroupsQuerySchema)
  @ApiZodResponse(200, groupMemberPageSchema, 'One page of members; pass nextCursor back as cursor')
  members(
    @Param('poolId') poolId: string,
    @Param('groupName', groupName) name: string,
    @Query(new ZodValidationPipe(listGroupsQuerySchema)) query: ListGroupsQuery,
  ): Promise<Page<GroupMember>> {
    return this.groups.members(poolId, name, query);
  }

  @Put(':groupName/members/:username')
  @HttpCode(204)
  @RequirePermission('groups.members')
  @ApiZodBody(mutationBodySchema, 'Optional reason for the audit log')
  @ApiNoContent('The user is a member (adding a member twice changes nothing)')
  async addMember(
    @Caller() caller: AuditCaller,
    @Param('poolId') poolId: string,
    @Param('groupName', groupName) name: string,
    @Param('username', username) user: string,
    @Body(new ZodValidationPipe(optionalMutationBody)) body: MutationBody,
  ): Promise<void> {
    await this.groups.changeMember(caller, poolId, name, user, 'add', body.reason);
  }

  @Delete(':groupName/members/:username')
  @HttpCode(204)
  @RequirePermission('groups.members')
  @ApiZodBody(mutationBodySchema, 'Optional reason for the audit log')
  @ApiNoContent('The user is no longer a member')
  @ApiErrors(409)
  async removeMember(
    @Caller() caller: AuditCaller,
    @Param('poolId') poolId: string,
    @Param('groupName', groupName) name: string,
    @Param('username', username) user: string,
    @Body(new ZodValidationPipe(optionalMutationBody)) body: MutationBody,
  ): Promise<void> {
    await this.groups.changeMember(caller, poolId, name, user, 'remove', body.reason);
  }
}

@ApiTags('groups')
@ApiBearerAuth()
@ApiErrors(400, 401, 403, 404, 429, 503)
@Controller('pools/:poolId/users/:username/groups')
export class UserGroupsController {
  constructor(private readonly groups: GroupsService) {}

  @Get()
  @RequirePermission('groups.read')
  @ApiZodResponse(200, userGroupsSchema, "The user's groups and the roles their tokens carry")
  list(@Param('poolId') poolId: string, @Param('username', username) user: string): Promise<UserGroups> {
    return this.groups.userGroups(poolId, user);
  }
}

import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  type CreateUserBody,
  type CreatedUser,
  type ListUsersQuery,
  type MutationBody,
  type Page,
  type SetPasswordBody,
  type UpdateUserBody,
  type UserDetail,
  type UserSummary,
  createUserBodySchema,
  createdUserSchema,
  listUsersQuerySchema,
  mutationBodySchema,
  setPasswordBodySchema,
  updateUserBodySchema,
  userDetailSchema,
  userPageSchema,
  usernameSchema,
} from '@poolkeeper/contract';
import { z } from 'zod';
import { type AuditCaller, Caller } from '../audit/audit-caller';
import { RequirePermission } from '../auth/access.decorators';
import { ApiErrors, ApiNoContent, ApiZodBody, ApiZodQuery, ApiZodResponse } from '../openapi/zod-openapi';
import { ZodValidationPipe } from '../validation/zod-validation.pipe';
import { UsersService } from './users.service';

/** `{ reason? }`, or no body at all. */
const optionalMutationBody = z.preprocess((v) => v ?? {}, mutationBodySchema);
const username = new ZodValidationPipe(usernameSchema, 'username');
@ApiTags('users')
@ApiBearerAuth()
@ApiErrors(400, 401, 403, 404, 429, 503)
@Controller('pools/:poolId/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @RequirePermission('users.read')
  @ApiZodQuery(listUsersQuerySchema)
  @ApiZodResponse(200, userPageSchema, 'One page of users; pass nextCursor back as cursor for the next')
  list(
    @Param('poolId') poolId: string,
    @Query(new ZodValidationPipe(listUsersQuerySchema)) query: ListUsersQuery,
  ): Promise<Page<UserSummary>> {
    return this.users.list(poolId, query);
  }

  @Post()
  @RequirePermission('users.create')
  @ApiZodBody(createUserBodySchema)
  @ApiZodResponse(
    201,
    createdUserSchema,
    'The invited user, and where the invitation went or (suppressed) the generated temporary password, shown once',
  )
  @ApiErrors(409)
  create(
    @Caller() caller: AuditCaller,
    @Param('poolId') poolId: string,
    @Body(new ZodValidationPipe(createUserBodySchema)) body: CreateUserBody,
  ): Promise<CreatedUser> {
    return this.users.create(caller, poolId, body);
  }

  @Get(':username')
  @RequirePermission('users.read')
  @ApiZodResponse(200, userDetailSchema, 'The user with groups and MFA settings')
  get(@Param('poolId') poolId: string, @Param('username', username) name: string): Promise<UserDetail> {
    return this.users.get(poolId, name);
  }

  @Patch(':username')
  @RequirePermission('users.update')
  @ApiZodBody(updateUserBodySchema)
  @ApiZodResponse(200, userDetailSchema, 'The updated user')
  update(
    @Caller() caller: AuditCaller,
    @Param('poolId') poolId: string,
    @Param('username', username) name: string,
    @Body(new ZodValidationPipe(updateUserBodySchema)) body: UpdateUserBody,
  ): Promise<UserDetail> {
    return this.users.update(caller, poolId, name, body);
  }

  @Delete(':username')
  @HttpCode(204)
  @RequirePermission('users.delete')
  @ApiZodBody(mutationBodySchema, 'Optional reason for the audit log')
  @ApiNoContent('Deleted')
  async delete(
    @Caller() caller: AuditCaller,
    @Param('poolId') poolId: string,
    @Param('username', username) name: string,
    @Body(new ZodValidationPipe(optionalMutationBody)) body: MutationBody,
  ): Promise<void> {
    await this.users.delete(caller, poolId, name, body.reason);
  }

  @Post(':username/disable')
  @HttpCode(204)
  @RequirePermission('users.enable-disable')
  @ApiZodBody(mutationBodySchema, 'Optional reason for the audit log')
  @ApiNoContent('Disabled: the user cannot sign in')
  async disable(
    @Caller() caller: AuditCaller,
    @Param('poolId') poolId: string,
    @Param('username', username) name: string,
    @Body(new ZodValidationPipe(optionalMutationBody)) body: MutationBody,
  ): Promise<void> {
    await this.users.act(caller, poolId, name, 'disable', body.reason);
  }

  @Post(':username/enable')
  @HttpCode(204)
  @RequirePermission('users.enable-disable')
  @ApiZodBody(mutationBodySchema, 'Optional reason for the audit log')
  @ApiNoContent('Enabled')
  async enable(
    @Caller() caller: AuditCaller,
    @Param('poolId') poolId: string,
    @Param('username', username) name: string,
    @Body(new ZodValidationPipe(optionalMutationBody)) body: MutationBody,
  ): Promise<void> {
    await this.users.act(caller, poolId, name, 'enable', body.reason);
  }

  @Post(':username/reset-password')
  @HttpCode(204)
  @RequirePermission('users.reset-password')
  @ApiZodBody(mutationBodySchema, 'Optional reason for the audit log')
  @ApiNoContent('Password reset: the user must choose a new one with a code sent to them')
  async resetPassword(
    @Caller() caller: AuditCaller,
    @Param('poolId') poolId: string,
    @Param('username', username) name: string,
    @Body(new ZodValidationPipe(optionalMutationBody)) body: MutationBody,
  ): Promise<void> {
    await this.users.act(caller, poolId, name, 'reset-password', body.reason);
  }

  @Post(':username/sign-out')
  @HttpCode(204)
  @RequirePermission('users.sign-out')
  @ApiZodBody(mutationBodySchema, 'Optional reason for the audit log')
  @ApiNoContent('Refresh tokens revoked on every device')
  async signOut(
    @Caller() caller: AuditCaller,
    @Param('poolId') poolId: string,
    @Param('username', username) name: string,
    @Body(new ZodValidationPipe(optionalMutationBody)) body: MutationBody,
  ): Promise<void> {
    await this.users.act(caller, poolId, name, 'sign-out', body.reason);
  }

  @Post(':username/password')
  @HttpCode(204)
  @RequirePermission('users.set-password')
  @ApiZodBody(setPasswordBodySchema)
  @ApiNoContent('Password set')
  async setPassword(
    @Caller() caller: AuditCaller,
    @Param('poolId') poolId: string,
    @Param('username', username) name: string,
    @Body(new ZodValidationPipe(setPasswordBodySchema)) body: SetPasswordBody,
  ): Promise<void> {
    await this.users.setPassword(caller, poolId, name, body);
  }
}

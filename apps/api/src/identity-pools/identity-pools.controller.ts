import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  type IdentityPoolDetail,
  type IdentityPoolRolesView,
  type IdentityPoolSummaryView,
  type ListIdentityPoolsQuery,
  type Page,
  type SetIdentityPoolRolesBody,
  type UpdateIdentityPoolBody,
  type WhichRoleAnswer,
  type WhichRolePreviewBody,
  type WhichRoleQuery,
  identityPoolDetailSchema,
  identityPoolIdSchema,
  identityPoolPageSchema,
  identityPoolRolesSchema,
  listIdentityPoolsQuerySchema,
  setIdentityPoolRolesBodySchema,
  updateIdentityPoolBodySchema,
  whichRoleAnswerSchema,
  whichRolePreviewBodySchema,
  whichRoleQuerySchema,
} from '@poolkeeper/contract';
import { type AuditCaller, Caller } from '../audit/audit-caller';
import { RequirePermission } from '../auth/access.decorators';
import { ApiErrors, ApiZodBody, ApiZodQuery, ApiZodResponse } from '../openapi/zod-openapi';
import { ZodValidationPipe } from '../validation/zod-validation.pipe';
import { IdentityPoolsService } from './identity-pools.service';

const poolId = new ZodValidationPipe(identityPoolIdSchema, 'identityPoolId');

@ApiTags('identity-pools')
@ApiBearerAuth()
@ApiErrors(400, 401, 403, 404, 429, 503)
@Controller('identity-pools')
export class IdentityPoolsController {
  constructor(private readonly pools: IdentityPoolsService) {}

  @Get()
  @RequirePermission('identity-pools.read')
  @ApiZodQuery(listIdentityPoolsQuerySchema)
  @ApiZodResponse(200, identityPoolPageSchema, 'Identity pools federating a managed user pool, one page')
  list(
    @Query(new ZodValidationPipe(listIdentityPoolsQuerySchema)) query: ListIdentityPoolsQuery,
  ): Promise<Page<IdentityPoolSummaryView>> {
    return this.pools.list(query);
  }

  @Get(':identityPoolId')
  @RequirePermission('identity-pools.read')
  @ApiZodResponse(200, identityPoolDetailSchema, 'The identity pool: providers, guest access, classic flow')
  get(@Param('identityPoolId', poolId) id: string): Promise<IdentityPoolDetail> {
    return this.pools.get(id);
  }

  @Patch(':identityPoolId')
  @RequirePermission('identity-pools.write')
  @ApiZodBody(updateIdentityPoolBodySchema)
  @ApiZodResponse(200, identityPoolDetailSchema, 'The updated identity pool')
  update(
    @Caller() caller: AuditCaller,
    @Param('identityPoolId', poolId) id: string,
    @Body(new ZodValidationPipe(updateIdentityPoolBodySchema)) body: UpdateIdentityPoolBody,
  ): Promise<IdentityPoolDetail> {
    return this.pools.update(caller, id, body);
  }

  @Get(':identityPoolId/roles')
  @RequirePermission('identity-pools.read')
  @ApiZodResponse(200, identityPoolRolesSchema, 'Roles and role mappings, with warnings')
  roles(@Param('identityPoolId', poolId) id: string): Promise<IdentityPoolRolesView> {
    return this.pools.roles(id);
  }

  @Put(':identityPoolId/roles')
  @RequirePermission('identity-pools.write')
  @ApiZodBody(setIdentityPoolRolesBodySchema)
  @ApiZodResponse(200, identityPoolRolesSchema, 'The roles and role mappings now set, with warnings')
  setRoles(
    @Caller() caller: AuditCaller,
    @Param('identityPoolId', poolId) id: string,
    @Body(new ZodValidationPipe(setIdentityPoolRolesBodySchema)) body: SetIdentityPoolRolesBody,
  ): Promise<IdentityPoolRolesView> {
    return this.pools.setRoles(caller, id, body);
  }

  @Get(':identityPoolId/which-role')
  @RequirePermission('identity-pools.read')
  @ApiZodQuery(whichRoleQuerySchema)
  @ApiZodResponse(200, whichRoleAnswerSchema, 'The role these claims (or this user) would get, and why')
  whichRole(
    @Param('identityPoolId', poolId) id: string,
    @Query(new ZodValidationPipe(whichRoleQuerySchema)) query: WhichRoleQuery,
  ): Promise<WhichRoleAnswer> {
    return this.pools.whichRole(id, query);
  }

  /** A read with a body (the draft): declares a `.read` permission, so it is not a mutation and not audited. */
  @Post(':identityPoolId/which-role/preview')
  @HttpCode(200)
  @RequirePermission('identity-pools.read')
  @ApiZodBody(whichRolePreviewBodySchema)
  @ApiZodResponse(
    200,
    whichRoleAnswerSchema,
    'The role these claims (or this user) would get under the draft mappings, and why',
  )
  whichRolePreview(
    @Param('identityPoolId', poolId) id: string,
    @Body(new ZodValidationPipe(whichRolePreviewBodySchema)) body: WhichRolePreviewBody,
  ): Promise<WhichRoleAnswer> {
    return this.pools.whichRolePreview(id, body);
  }
}

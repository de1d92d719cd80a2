import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  type AppClientIdps,
  type ClientIdps,
  type CreateIdpBody,
  type IdpDetail,
  type IdpSummary,
  type MutationBody,
  type Page,
  type SetClientIdpsBody,
  type UpdateIdpBody,
  appClientIdpsPageSchema,
  clientIdSchema,
  clientIdpsSchema,
  createIdpBodySchema,
  idpDetailSchema,
  idpNameSchema,
  idpPageSchema,
  mutationBodySchema,
  setClientIdpsBodySchema,
  updateIdpBodySchema,
} from '@poolkeeper/contract';
import { z } from 'zod';
import { type AuditCaller, Caller } from '../audit/audit-caller';
import { RequirePermission } from '../auth/access.decorators';
import { ApiErrors, ApiNoContent, ApiZodBody, ApiZodResponse } from '../openapi/zod-openapi';
import { ZodValidationPipe } from '../validation/zod-validation.pipe';
import { IdentityProvidersService } from './identity-providers.service';

const optionalMutationBody = z.preprocess((v) => v ?? {}, mutationBodySchema);
const providerName = new ZodValidationPipe(idpNameSchema, 'name');
const clientId = new ZodValidationPipe(clientIdSchema, 'clientId');

@ApiTags('identity-providers')
@ApiBearerAuth()
@ApiErrors(400, 401, 403, 404, 429, 503)
@Controller('pools/:poolId')
export class IdentityProvidersController {
  constructor(private readonly idps: IdentityProvidersService) {}

  @Get('identity-providers')
  @RequirePermission('identity-providers.read')
  @ApiZodResponse(200, idpPageSchema, 'Every identity provider of the pool, in one page')
  async list(@Param('poolId') poolId: string): Promise<Page<IdpSummary>> {
    return { items: await this.idps.list(poolId), nextCursor: null };
  }

  @Post('identity-providers')
  @RequirePermission('identity-providers.write')
  @ApiZodBody(createIdpBodySchema)
  @ApiZodResponse(201, idpDetailSchema, 'The provider created (secrets are never returned)')
  @ApiErrors(409)
  create(
    @Caller() caller: AuditCaller,
    @Param('poolId') poolId: string,
    @Body(new ZodValidationPipe(createIdpBodySchema)) body: CreateIdpBody,
  ): Promise<IdpDetail> {
    return this.idps.create(caller, poolId, body);
  }

  @Get('identity-providers/:name')
  @RequirePermission('identity-providers.read')
  @ApiZodResponse(200, idpDetailSchema, 'The provider, SAML metadata parsed, the app clients offering it')
  get(@Param('poolId') poolId: string, @Param('name', providerName) name: string): Promise<IdpDetail> {
    return this.idps.get(poolId, name);
  }

  @Patch('identity-providers/:name')
  @RequirePermission('identity-providers.write')
  @ApiZodBody(updateIdpBodySchema)
  @ApiZodResponse(200, idpDetailSchema, 'The updated provider')
  update(
    @Caller() caller: AuditCaller,
    @Param('poolId') poolId: string,
    @Param('name', providerName) name: string,
    @Body(new ZodValidationPipe(updateIdpBodySchema)) body: UpdateIdpBody,
  ): Promise<IdpDetail> {
    return this.idps.update(caller, poolId, name, body);
  }

  @Delete('identity-providers/:name')
  @HttpCode(204)
  @RequirePermission('identity-providers.write')
  @ApiZodBody(mutationBodySchema, 'Optional reason for the audit log')
  @ApiNoContent('Deleted')
  async delete(
    @Caller() caller: AuditCaller,
    @Param('poolId') poolId: string,
    @Param('name', providerName) name: string,
    @Body(new ZodValidationPipe(optionalMutationBody)) body: MutationBody,
  ): Promise<void> {
    await this.idps.delete(caller, poolId, name, body.reason);
  }

  @Get('clients')
  @RequirePermission('identity-providers.read')
  @ApiZodResponse(200, appClientIdpsPageSchema, 'The app clients of the pool and the providers each offers')
  async appClients(@Param('poolId') poolId: string): Promise<Page<AppClientIdps>> {
    return { items: await this.idps.appClients(poolId), nextCursor: null };
  }

  @Get('clients/:clientId/identity-providers')
  @RequirePermission('identity-providers.read')
  @ApiZodResponse(200, clientIdpsSchema, 'The providers the app client offers (COGNITO and provider names)')
  clientProviders(
    @Param('poolId') poolId: string,
    @Param('clientId', clientId) id: string,
  ): Promise<ClientIdps> {
    return this.idps.clientProviders(poolId, id);
  }

  @Put('clients/:clientId/identity-providers')
  @RequirePermission('identity-providers.write')
  @ApiZodBody(setClientIdpsBodySchema)
  @ApiZodResponse(200, clientIdpsSchema, 'The providers the app client now offers')
  setClientProviders(
    @Caller() caller: AuditCaller,
    @Param('poolId') poolId: string,
    @Param('clientId', clientId) id: string,
    @Body(new ZodValidationPipe(setClientIdpsBodySchema)) body: SetClientIdpsBody,
  ): Promise<ClientIdps> {
    return this.idps.setClientProviders(caller, poolId, id, body);
  }
}

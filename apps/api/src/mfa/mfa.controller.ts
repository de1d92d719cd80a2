import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  type PoolMfaConfig,
  type ResetUserMfaBody,
  type SetPoolMfaConfigBody,
  type UserMfa,
  poolMfaConfigSchema,
  resetUserMfaBodySchema,
  setPoolMfaConfigBodySchema,
  userMfaSchema,
  usernameSchema,
} from '@poolkeeper/contract';
import { type AuditCaller, Caller } from '../audit/audit-caller';
import { RequirePermission } from '../auth/access.decorators';
import { ApiErrors, ApiZodBody, ApiZodResponse } from '../openapi/zod-openapi';
import { ZodValidationPipe } from '../validation/zod-validation.pipe';
import { MfaService } from './mfa.service';

const username = new ZodValidationPipe(usernameSchema, 'username');

@ApiTags('mfa')
@ApiBearerAuth()
@ApiErrors(400, 401, 403, 404, 429, 503)
@Controller('pools/:poolId')
export class MfaController {
  constructor(private readonly mfa: MfaService) {}

  @Get('mfa-config')
  @RequirePermission('pools.read')
  @ApiZodResponse(
    200,
    poolMfaConfigSchema,
    "The pool's MFA setting (OFF, ON = required, OPTIONAL) and factors",
  )
  poolConfig(@Param('poolId') poolId: string): Promise<PoolMfaConfig> {
    return this.mfa.poolConfig(poolId);
  }

  @Put('mfa-config')
  @RequirePermission('pools.mfa-config')
  @ApiZodBody(setPoolMfaConfigBodySchema)
  @ApiZodResponse(200, poolMfaConfigSchema, 'The MFA configuration now in force')
  setPoolConfig(
    @Caller() caller: AuditCaller,
    @Param('poolId') poolId: string,
    @Body(new ZodValidationPipe(setPoolMfaConfigBodySchema)) body: SetPoolMfaConfigBody,
  ): Promise<PoolMfaConfig> {
    return this.mfa.setPoolConfig(caller, poolId, body);
  }

  @Get('users/:username/mfa')
  @RequirePermission('users.read')
  @ApiZodResponse(
    200,
    userMfaSchema,
    "The user's enrolled and preferred MFA factors, and the pool's MFA mode",
  )
  userMfa(@Param('poolId') poolId: string, @Param('username', username) name: string): Promise<UserMfa> {
    return this.mfa.userMfa(poolId, name);
  }

  @Post('users/:username/reset-mfa')
  @HttpCode(200)
  @RequirePermission('users.reset-mfa')
  @ApiZodBody(resetUserMfaBodySchema)
  @ApiZodResponse(200, userMfaSchema, "The user's MFA after the reset: no factor left")
  resetUser(
    @Caller() caller: AuditCaller,
    @Param('poolId') poolId: string,
    @Param('username', username) name: string,
    @Body(new ZodValidationPipe(resetUserMfaBodySchema)) body: ResetUserMfaBody,
  ): Promise<UserMfa> {
    return this.mfa.resetUser(caller, poolId, name, body.reason);
  }
}

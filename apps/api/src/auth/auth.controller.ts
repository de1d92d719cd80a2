import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type AuthConfig, authConfigSchema, regionOfUserPool } from '@poolkeeper/contract';
import type { ApiConfig } from '../config/api-config';
import { API_CONFIG } from '../app/tokens';
import { ApiZodResponse } from '../openapi/zod-openapi';
import { Public } from './access.decorators';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(@Inject(API_CONFIG) private readonly config: ApiConfig) {}

  /** What the console needs to sign operators in. */
  @Get('config')
  @Public()
  @ApiZodResponse(200, authConfigSchema, 'Operator pool and client the console signs in with')
  getConfig(): AuthConfig {
    const { cognito } = this.config;
    const body: AuthConfig = {
      region: cognito.operatorPoolId ? regionOfUserPool(cognito.operatorPoolId) : cognito.region,
      userPoolId: cognito.operatorPoolId ?? '',
      clientId: cognito.operatorClientIds[0] ?? '',
    };
    if (cognito.endpoint) body.endpoint = cognito.endpoint;
    return body;
  }
}

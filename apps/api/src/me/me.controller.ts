import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type Me, meSchema } from '@poolkeeper/contract';
import { Authenticated } from '../auth/access.decorators';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { ApiErrors, ApiZodResponse } from '../openapi/zod-openapi';

@ApiTags('me')
@ApiBearerAuth()
@ApiErrors(401)
@Controller('me')
export class MeController {
  /** Any signed-in caller, even one without a poolkeeper role, may see who they are. */
  @Get()
  @Authenticated()
  @ApiZodResponse(200, meSchema, 'The caller, with roles and permissions')
  me(@CurrentPrincipal() principal: Principal): Me {
    return {
      sub: principal.sub,
      username: principal.username,
      kind: principal.kind,
      roles: principal.roles,
      permissions: principal.permissions,
    };
  }
}

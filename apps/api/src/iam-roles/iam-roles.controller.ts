import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  type IamRoleView,
  type ListIamRolesQuery,
  type Page,
  iamRolePageSchema,
  listIamRolesQuerySchema,
} from '@poolkeeper/contract';
import { RequirePermission } from '../auth/access.decorators';
import { ApiErrors, ApiZodQuery, ApiZodResponse } from '../openapi/zod-openapi';
import { ZodValidationPipe } from '../validation/zod-validation.pipe';
import { IamRolesService } from './iam-roles.service';

@ApiTags('iam')
@ApiBearerAuth()
@ApiErrors(400, 401, 403, 404, 429, 503)
@Controller('iam/roles')
export class IamRolesController {
  constructor(private readonly roles: IamRolesService) {}

  @Get()
  @RequirePermission('iam-roles.read')
  @ApiZodQuery(listIamRolesQuerySchema)
  @ApiZodResponse(200, iamRolePageSchema, 'IAM roles (ListRoles), with the trust check for an identity pool')
  list(
    @Query(new ZodValidationPipe(listIamRolesQuerySchema)) query: ListIamRolesQuery,
  ): Promise<Page<IamRoleView>> {
    return this.roles.list(query);
  }
}

import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  type SignInHistory,
  type SignInHistoryQuery,
  signInHistoryQuerySchema,
  signInHistorySchema,
  usernameSchema,
} from '@poolkeeper/contract';
import { RequirePermission } from '../auth/access.decorators';
import { ApiErrors, ApiZodQuery, ApiZodResponse } from '../openapi/zod-openapi';
import { ZodValidationPipe } from '../validation/zod-validation.pipe';
import { SignInHistoryService } from './sign-in-history.service';

const username = new ZodValidationPipe(usernameSchema, 'username');

@ApiTags('users')
@ApiBearerAuth()
@ApiErrors(400, 401, 403, 404, 429, 503)
@Controller('pools/:poolId/users/:username/sign-in-history')
export class SignInHistoryController {
  constructor(private readonly history: SignInHistoryService) {}

  /** users.read: support diagnoses locked-out users with it; the auditor reads it too. */
  @Get()
  @RequirePermission('users.read')
  @ApiZodQuery(signInHistoryQuerySchema)
  @ApiZodResponse(
    200,
    signInHistorySchema,
    'Sign-in attempts, newest first (pass nextCursor back as cursor); or available:false with the reason when the pool has no threat protection',
  )
  list(
    @Param('poolId') poolId: string,
    @Param('username', username) name: string,
    @Query(new ZodValidationPipe(signInHistoryQuerySchema)) query: SignInHistoryQuery,
  ): Promise<SignInHistory> {
    return this.history.list(poolId, name, query);
  }
}

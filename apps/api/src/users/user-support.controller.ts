import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  type InvitationSent,
  type SupportActionBody,
  type VerifyAttributesBody,
  invitationSentSchema,
  supportActionBodySchema,
  usernameSchema,
  verifyAttributesBodySchema,
} from '@poolkeeper/contract';
import { type AuditCaller, Caller } from '../audit/audit-caller';
import { RequirePermission } from '../auth/access.decorators';
import { ApiErrors, ApiNoContent, ApiZodBody, ApiZodResponse } from '../openapi/zod-openapi';
import { ZodValidationPipe } from '../validation/zod-validation.pipe';
import { UserSupportService } from './user-support.service';

const username = new ZodValidationPipe(usernameSchema, 'username');
const supportBody = new ZodValidationPipe(supportActionBodySchema);

/** The support desk: "I never got the invite", "I signed up but never confirmed", "my email is mine". */
@ApiTags('users')
@ApiBearerAuth()
@ApiErrors(400, 401, 403, 404, 409, 429, 503)
@Controller('pools/:poolId/users/:username')
export class UserSupportController {
  constructor(private readonly support: UserSupportService) {}

  @Post('resend-invitation')
  @HttpCode(200)
  @RequirePermission('users.resend-invitation')
  @ApiZodBody(supportActionBodySchema, 'The reason, for the audit log (required)')
  @ApiZodResponse(
    200,
    invitationSentSchema,
    'A new temporary password was sent (the old one no longer works); says where',
  )
  resendInvitation(
    @Caller() caller: AuditCaller,
    @Param('poolId') poolId: string,
    @Param('username', username) name: string,
    @Body(supportBody) body: SupportActionBody,
  ): Promise<InvitationSent> {
    return this.support.resendInvitation(caller, poolId, name, body.reason);
  }

  @Post('confirm-sign-up')
  @HttpCode(204)
  @RequirePermission('users.confirm-sign-up')
  @ApiZodBody(supportActionBodySchema, 'The reason, for the audit log (required)')
  @ApiNoContent('Confirmed: the UNCONFIRMED user is now CONFIRMED and can sign in')
  async confirmSignUp(
    @Caller() caller: AuditCaller,
    @Param('poolId') poolId: string,
    @Param('username', username) name: string,
    @Body(supportBody) body: SupportActionBody,
  ): Promise<void> {
    await this.support.confirmSignUp(caller, poolId, name, body.reason);
  }

  @Post('verify-attributes')
  @HttpCode(204)
  @RequirePermission('users.update')
  @ApiZodBody(verifyAttributesBodySchema)
  @ApiNoContent('email_verified / phone_number_verified set to true')
  async verifyAttributes(
    @Caller() caller: AuditCaller,
    @Param('poolId') poolId: string,
    @Param('username', username) name: string,
    @Body(new ZodValidationPipe(verifyAttributesBodySchema)) body: VerifyAttributesBody,
  ): Promise<void> {
    await this.support.verifyAttributes(caller, poolId, name, body);
  }
}

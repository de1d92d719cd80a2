import { Inject, Injectable } from '@nestjs/common';
import {
  type AuditTarget,
  type FieldIssue,
  type InvitationSent,
  type VerifyAttributesBody,
  verifiedFlagOf,
} from '@poolkeeper/contract';
import type { CognitoReads, CognitoUserDetail } from '@poolkeeper/cognito-gateway';
import { COGNITO_READS } from '../app/tokens';
import type { AuditCaller } from '../audit/audit-caller';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../errors/app-error';
import { invitationDestinations } from './invitation';

const userTarget = (username: string): AuditTarget[] => [{ type: 'user', id: username }];

/**
 * The support desk's user actions: resend an invitation, confirm a sign-up, mark email / phone verified.
 * Each reads the user first and refuses (USER_STATUS_CONFLICT, 409) when the user's state does not allow it,
 * before anything is audited or changed; Cognito refuses the same states too (a race ends in its error).
 */
@Injectable()
export class UserSupportService {
  constructor(
    @Inject(COGNITO_READS) private readonly cognito: CognitoReads,
    private readonly audit: AuditService,
  ) {}

  /**
   * AdminCreateUser MessageAction RESEND: Cognito makes a new temporary password (the old one stops working)
   * and sends it to the user's email address and/or phone number. Only FORCE_CHANGE_PASSWORD users.
   */
  async resendInvitation(
    caller: AuditCaller,
    poolId: string,
    username: string,
    reason: string,
  ): Promise<InvitationSent> {
    const user = await this.cognito.users.getUser(poolId, username);
    if (user.status !== 'FORCE_CHANGE_PASSWORD')
      throw statusConflict(
        `Only a user who has not signed in yet (FORCE_CHANGE_PASSWORD) can be sent the invitation again; ${username} is ${user.status}.`,
        user,
      );
    const { mediums, destinations } = invitationDestinations(user.attributes);
    if (mediums.length === 0)
      throw statusConflict(
        `${username} has no email address or phone number to send the invitation to: add one first.`,
        user,
      );
    await this.audit.run(
      caller,
      {
        action: 'user.resend-invitation',
        poolId,
        targets: userTarget(username),
        request: { status: user.status, deliveryMediums: mediums },
        reason,
      },
      (cognito) => cognito.users.resendInvitation({ poolId, username, deliveryMediums: mediums }),
    );
    return { delivery: 'sent', mediums, destinations };
  }

  /** AdminConfirmSignUp: an UNCONFIRMED user (signed up, never confirmed the code) becomes CONFIRMED. */
  async confirmSignUp(caller: AuditCaller, poolId: string, username: string, reason: string): Promise<void> {
    const user = await this.cognito.users.getUser(poolId, username);
    if (user.status !== 'UNCONFIRMED')
      throw statusConflict(
        `Only an UNCONFIRMED user's sign-up can be confirmed; ${username} is ${user.status}.`,
        user,
      );
    await this.audit.run(
      caller,
      {
        action: 'user.confirm-sign-up',
        poolId,
        targets: userTarget(username),
        request: { before: { status: user.status }, after: { status: 'CONFIRMED' } },
        reason,
      },
      (cognito) => cognito.users.confirmSignUp(poolId, username),
    );
  }

  /** Sets `email_verified` / `phone_number_verified` to true for attributes the user has and are unverified. */
  async verifyAttributes(
    caller: AuditCaller,
    poolId: string,
    username: string,
    body: VerifyAttributesBody,
  ): Promise<void> {
    const user = await this.cognito.users.getUser(poolId, username);
    const missing: FieldIssue[] = body.attributes.flatMap((name, i) =>
      user.attributes[name]
        ? []
        : [{ field: `attributes.${i}`, message: `${username} has no ${name} to mark verified` }],
    );
    if (missing.length > 0)
      throw new AppError('VALIDATION_FAILED', `${missing[0]!.field}: ${missing[0]!.message}`, missing);
    const already = body.attributes.filter((name) => user.attributes[verifiedFlagOf(name)] === 'true');
    if (already.length > 0)
      throw statusConflict(`${username}'s ${already.join(' and ')} is already verified.`, user);
    const flags = body.attributes.map(verifiedFlagOf);
    await this.audit.run(
      caller,
      {
        action: 'user.verify-attributes',
        poolId,
        targets: userTarget(username),
        request: {
          attributes: body.attributes,
          before: Object.fromEntries(flags.map((f) => [f, user.attributes[f] ?? null])),
          after: Object.fromEntries(flags.map((f) => [f, 'true'])),
        },
        reason: body.reason,
      },
      (cognito) => cognito.users.markAttributesVerified(poolId, username, body.attributes),
    );
  }
}

function statusConflict(message: string, user: CognitoUserDetail): AppError {
  return new AppError('USER_STATUS_CONFLICT', message, { status: user.status });
}

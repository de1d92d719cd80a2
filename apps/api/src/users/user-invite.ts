import type { CreateUserBody, FieldIssue, InvitationResult } from '@poolkeeper/contract';
import type { CognitoReads, CreateUserInput } from '@poolkeeper/cognito-gateway';
import { AppError } from '../errors/app-error';
import { mediumAttribute } from './invitation';
import { generateTemporaryPassword } from './temporary-password';

/**
 * An invite that someone can sign in with. With `delivery: send` Cognito sends the temporary password to each
 * medium (so each needs its attribute: EMAIL an email address, SMS a phone number). With `suppress` nothing is
 * sent, so unless the operator chose the temporary password poolkeeper generates one that meets the pool's
 * policy (DescribeUserPool) and the create response carries it once. `secret` is that password: it goes to
 * Cognito and back to the caller only (never into the audit request, a log line or storage).
 */
export async function planInvite(
  reads: CognitoReads,
  poolId: string,
  body: CreateUserBody,
): Promise<{ input: CreateUserInput; invitation: InvitationResult }> {
  const base: CreateUserInput = { poolId, username: body.username, attributes: body.attributes };
  if (body.delivery === 'send') {
    const mediums = [...new Set(body.deliveryMediums)];
    const missing: FieldIssue[] = mediums
      .filter((m) => !body.attributes[mediumAttribute[m]])
      .map((m) => ({
        field: `attributes.${mediumAttribute[m]}`,
        message: `is required to send the invitation by ${m === 'EMAIL' ? 'email' : 'SMS'}`,
      }));
    if (missing.length > 0)
      throw new AppError('VALIDATION_FAILED', `${missing[0]!.field}: ${missing[0]!.message}`, missing);
    return {
      input: {
        ...base,
        ...(body.temporaryPassword !== undefined ? { temporaryPassword: body.temporaryPassword } : {}),
        deliveryMediums: mediums,
      },
      invitation: {
        delivery: 'sent',
        mediums,
        destinations: mediums.map((m) => body.attributes[mediumAttribute[m]]!),
      },
    };
  }
  if (body.temporaryPassword !== undefined)
    return {
      input: { ...base, temporaryPassword: body.temporaryPassword, messageAction: 'SUPPRESS' },
      invitation: { delivery: 'suppressed', temporaryPassword: null },
    };
  const { passwordPolicy } = await reads.userPools.describeUserPool(poolId);
  const secret = generateTemporaryPassword(passwordPolicy);
  return {
    input: { ...base, temporaryPassword: secret, messageAction: 'SUPPRESS' },
    invitation: { delivery: 'suppressed', temporaryPassword: secret },
  };
}

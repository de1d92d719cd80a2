/**
 * STS GetCallerIdentity: who the request's credentials are. The access key id is read from the SigV4
 * credential scope (the signature itself is not checked locally).
 * - Temporary credentials issued by the local identity pools answer as AWS does for Cognito identity
 *   credentials: `Arn: arn:aws:sts::<account>:assumed-role/<role name>/CognitoIdentityCredentials`,
 *   `UserId: <role id>:CognitoIdentityCredentials` (the role session name Cognito uses). Expired ones are
 *   `ExpiredToken`; an `ASIA…` key the emulator never issued is `InvalidClientTokenId` (403).
 * - Any other key (the local default credentials, e.g. `local`) is the account's root user.
 * Shapes: STS API reference, GetCallerIdentity ("Example 2 - Called by a user created with AssumeRole":
 * `Arn: arn:aws:sts::123456789012:assumed-role/my-role-name/my-role-session-name`, `UserId:
 * AROA…:my-role-session-name`); the session name of identity-pool credentials is
 * `CognitoIdentityCredentials`, as AWS's own messages for them show ("User:
 * arn:aws:sts::xxx:assumed-role/xxx/CognitoIdentityCredentials is not authorized…", aws/aws-sdk-java#1912).
 */
import { roleNameOfArn } from '@poolkeeper/contract';
import { AwsError } from '../../core/errors';
import { ACCOUNT_ID } from '../../core/ids';
import { type Operations, query } from '../registry';

export const COGNITO_SESSION_NAME = 'CognitoIdentityCredentials';

export const callerIdentityOperations: Operations = {
  GetCallerIdentity: query((_input, ctx) => {
    const key = ctx.accessKeyId;
    if (key === undefined)
      throw new AwsError('MissingAuthenticationToken', 'Request is missing Authentication Token', 403);
    const issued = ctx.state.federation.credentials.get(key);
    if (issued) {
      if (issued.expiresAt <= ctx.now())
        throw new AwsError('ExpiredToken', 'The security token included in the request is expired');
      return {
        UserId: `${issued.roleId}:${COGNITO_SESSION_NAME}`,
        Account: ACCOUNT_ID,
        Arn: `arn:aws:sts::${ACCOUNT_ID}:assumed-role/${roleNameOfArn(issued.roleArn) ?? 'unknown'}/${COGNITO_SESSION_NAME}`,
      };
    }
    if (key.startsWith('ASIA'))
      throw new AwsError(
        'InvalidClientTokenId',
        'The security token included in the request is invalid.',
        403,
      );
    return { UserId: ACCOUNT_ID, Account: ACCOUNT_ID, Arn: `arn:aws:iam::${ACCOUNT_ID}:root` };
  }),
};

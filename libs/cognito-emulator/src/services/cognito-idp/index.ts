import { operationTable } from '../registry';
import { authOperations } from './auth';
import { authEventOperations } from './auth-events';
import { clientOperations } from './clients';
import { groupOperations } from './groups';
import { identityProviderOperations } from './identity-providers';
import { mfaOperations } from './mfa';
import { signUpOperations } from './sign-up';
import { tokenOperations } from './token-operations';
import { userPoolOperations } from './user-pools';
import { userSecurityOperations } from './user-security';
import { userOperations } from './users';

/** awsJson1_1 target prefix of cognito-idp. */
export const COGNITO_IDP_TARGET_PREFIX = 'AWSCognitoIdentityProviderService';

export const cognitoIdpOperations = operationTable({
  ...userPoolOperations,
  ...clientOperations,
  ...userOperations,
  ...userSecurityOperations,
  ...groupOperations,
  ...identityProviderOperations,
  ...authOperations,
  ...tokenOperations,
  ...mfaOperations,
  ...authEventOperations,
  ...signUpOperations,
});

import { operationTable } from '../registry';
import { credentialOperations } from './credentials';
import { identityPoolOperations } from './identity-pools';

/** awsJson1_1 target prefix of cognito-identity (identity pools). */
export const COGNITO_IDENTITY_TARGET_PREFIX = 'AWSCognitoIdentityService';

/** Identity pools (identity-pools.ts) and the credentials flow (credentials.ts); others answer 400. */
export const cognitoIdentityOperations = operationTable({
  ...identityPoolOperations,
  ...credentialOperations,
});

import { operationTable } from '../registry';

/** awsJson1_1 target prefix of cognito-identity (identity pools). */
export const COGNITO_IDENTITY_TARGET_PREFIX = 'AWSCognitoIdentityService';

/** Identity pools: none implemented yet (the federation issue adds them); unknown ones answer 400. */
export const cognitoIdentityOperations = operationTable({});

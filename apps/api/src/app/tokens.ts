/** DI tokens for the values the API is built from (interfaces have no runtime identity). */
export const API_CONFIG = Symbol('API_CONFIG');
export const AUDIT_STORE = Symbol('AUDIT_STORE');
/** The gateway's reads only (`CognitoReads`); its writes are reachable only through AuditService.run. */
export const COGNITO_READS = Symbol('COGNITO_READS');
export const APP_LOGGER = Symbol('APP_LOGGER');

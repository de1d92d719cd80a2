/** DI tokens for the values the API is built from (interfaces have no runtime identity). */
export const API_CONFIG = Symbol('API_CONFIG');
export const AUDIT_STORE = Symbol('AUDIT_STORE');
export const COGNITO_GATEWAY = Symbol('COGNITO_GATEWAY');
export const APP_LOGGER = Symbol('APP_LOGGER');

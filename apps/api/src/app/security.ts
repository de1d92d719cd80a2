import { cognitoIdpEndpoint, regionOfUserPool } from '@poolkeeper/contract';
import helmet from 'helmet';
import type { ApiConfig } from '../config/api-config';

/** Where the console's browser code talks to Cognito: the endpoint override (local Cognito) or the operator pool's region. */
export function cognitoOrigin(cognito: ApiConfig['cognito']): string {
  if (cognito.endpoint) return new URL(cognito.endpoint).origin;
  const region = cognito.operatorPoolId ? regionOfUserPool(cognito.operatorPoolId) : cognito.region;
  return cognitoIdpEndpoint(region);
}

/** helmet with a CSP the console (React + MUI) and Swagger UI work under. */
export function securityHeaders(config: ApiConfig) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'default-src': ["'self'"],
        'connect-src': ["'self'", cognitoOrigin(config.cognito)],
        'img-src': ["'self'", 'data:'],
        'style-src': ["'self'", "'unsafe-inline'"],
        'script-src': ["'self'"],
        'upgrade-insecure-requests': null,
      },
    },
  });
}

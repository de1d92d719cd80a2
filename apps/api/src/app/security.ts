import helmet from 'helmet';
import type { ApiConfig } from '../config/api-config';

/** Where the console's browser code talks to Cognito: the endpoint override (emulator) or AWS's regional one. */
export function cognitoOrigin(cognito: ApiConfig['cognito']): string {
  return cognito.endpoint
    ? new URL(cognito.endpoint).origin
    : `https://cognito-idp.${cognito.region}.amazonaws.com`;
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

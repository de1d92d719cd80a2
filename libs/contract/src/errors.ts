import { z } from 'zod';

/** The one error vocabulary. HTTP status mapping lives in the API's error filter (one exhaustive switch). */
export const errorCodes = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'ROUTE_NOT_FOUND',
  'POOL_NOT_FOUND',
  'USER_NOT_FOUND',
  'GROUP_NOT_FOUND',
  'CLIENT_NOT_FOUND',
  'IDP_NOT_FOUND',
  'IDENTITY_POOL_NOT_FOUND',
  'ROLE_NOT_FOUND',
  'USERNAME_EXISTS',
  'GROUP_EXISTS',
  'IDP_EXISTS',
  'ROLE_EXISTS',
  'CONFLICT',
  /** An operator acting on their own operator account (disable, delete, sign out). */
  'SELF_PROTECTED',
  /** Removing the last member of the admin role group, or deleting that group. */
  'LAST_ADMIN',
  /** The user's status or verification does not allow the action (resend invitation, confirm sign-up, verify). */
  'USER_STATUS_CONFLICT',
  'INVALID_PASSWORD',
  'INVALID_PARAMETER',
  'NOT_AUTHORIZED',
  'COGNITO_THROTTLED',
  'COGNITO_LIMIT_EXCEEDED',
  'COGNITO_FEATURE_UNAVAILABLE',
  'COGNITO_UNAVAILABLE',
  'AUDIT_UNAVAILABLE',
  'REQUEST_HEADERS_TOO_LARGE',
  'INTERNAL_ERROR',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export const errorBodySchema = z
  .object({
    code: z.enum(errorCodes),
    message: z.string(),
    details: z.unknown().optional(),
    errorId: z.string().optional(),
  })
  .meta({ id: 'ErrorBody' });
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** A field-level validation problem, as found in `details` of VALIDATION_FAILED. */
export interface FieldIssue {
  field: string;
  message: string;
}

import { z } from 'zod';
import { permissions, roles } from './permissions';

export const authConfigSchema = z
  .object({
    region: z.string(),
    userPoolId: z.string(),
    clientId: z.string(),
    /** Present only when the API talks to a local Cognito rather than AWS. */
    endpoint: z.string().optional(),
  })
  .meta({ id: 'AuthConfig' });
export type AuthConfig = z.infer<typeof authConfigSchema>;

export const meSchema = z
  .object({
    sub: z.string(),
    username: z.string(),
    kind: z.enum(['operator', 'machine']),
    roles: z.array(z.enum(roles)),
    permissions: z.array(z.enum(permissions)),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof meSchema>;

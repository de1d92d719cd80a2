import { z } from 'zod';
import { requiredReasonSchema } from './common';
import { roleArnSchema } from './groups';
import { mfaOptionSchema } from './users';

/**
 * A pool's MFA setting as SetUserPoolMfaConfig names it: OFF, ON (required: users without a factor get
 * MFA_SETUP at their next sign-in) or OPTIONAL (each user chooses).
 */
export const poolMfaModes = ['OFF', 'ON', 'OPTIONAL'] as const;
export const poolMfaModeSchema = z.enum(poolMfaModes);
export type PoolMfaMode = z.infer<typeof poolMfaModeSchema>;

/** The one-time-code placeholder Cognito replaces in SMS and email MFA messages. */
export const MFA_CODE_PLACEHOLDER = '{####}';
const withPlaceholder = (text: string) => text.includes(MFA_CODE_PLACEHOLDER);

/**
 * SmsMfaConfiguration (API reference, SetUserPoolMfaConfig / SmsConfigurationType): the message (6..140,
 * with {####}) and the IAM role Cognito publishes to SNS with (SnsCallerArn), its ExternalId and SnsRegion.
 */
export const smsMfaSettingsSchema = z
  .object({
    message: z
      .string()
      .min(6)
      .max(140)
      .refine(withPlaceholder, `must contain ${MFA_CODE_PLACEHOLDER}, where Cognito puts the code`)
      .nullable()
      .default(null),
    snsCallerArn: roleArnSchema,
    externalId: z.string().max(2048).nullable().default(null),
    snsRegion: z
      .string()
      .min(5)
      .max(32)
      .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be an AWS Region such as us-east-1')
      .nullable()
      .default(null),
  })
  .strict();
export type SmsMfaSettings = z.infer<typeof smsMfaSettingsSchema>;

/**
 * EmailMfaConfiguration (API reference, EmailMfaConfigType): message (6..20000, with {####}) and subject
 * (1..140). Cognito offers email MFA on the Essentials and Plus feature plans only.
 */
export const emailMfaSettingsSchema = z
  .object({
    message: z
      .string()
      .min(6)
      .max(20000)
      .refine(withPlaceholder, `must contain ${MFA_CODE_PLACEHOLDER}, where Cognito puts the code`)
      .nullable()
      .default(null),
    subject: z.string().min(1).max(140).nullable().default(null),
  })
  .strict();
export type EmailMfaSettings = z.infer<typeof emailMfaSettingsSchema>;

/** GET /api/pools/:poolId/mfa-config: the pool's MFA setting and its factors (null: the factor is off). */
export const poolMfaConfigSchema = z
  .object({
    mode: poolMfaModeSchema,
    softwareTokenMfa: z.boolean(),
    sms: smsMfaSettingsSchema.nullable(),
    email: emailMfaSettingsSchema.nullable(),
  })
  .meta({ id: 'PoolMfaConfig' });
export type PoolMfaConfig = z.infer<typeof poolMfaConfigSchema>;

/**
 * PUT /api/pools/:poolId/mfa-config: the whole MFA configuration (a factor given as null is turned off).
 * As SetUserPoolMfaConfig: OFF with a factor on, or ON / OPTIONAL with none, is refused (field `mode`).
 */
export const setPoolMfaConfigBodySchema = z
  .object({
    mode: poolMfaModeSchema,
    softwareTokenMfa: z.boolean(),
    sms: smsMfaSettingsSchema.nullable(),
    email: emailMfaSettingsSchema.nullable(),
    reason: requiredReasonSchema,
  })
  .strict()
  .superRefine((body, ctx) => {
    const anyFactor = body.softwareTokenMfa || body.sms !== null || body.email !== null;
    if (body.mode === 'OFF' && anyFactor)
      ctx.addIssue({
        code: 'custom',
        path: ['mode'],
        message: 'OFF cannot be combined with a factor: turn the factors off, or choose OPTIONAL or ON',
      });
    if (body.mode !== 'OFF' && !anyFactor)
      ctx.addIssue({
        code: 'custom',
        path: ['mode'],
        message: `${body.mode} needs at least one factor (authenticator app, SMS or email)`,
      });
  })
  .meta({ id: 'SetPoolMfaConfigBody' });
export type SetPoolMfaConfigBody = z.infer<typeof setPoolMfaConfigBodySchema>;

export type MfaFactor = z.infer<typeof mfaOptionSchema>;

/** GET /api/pools/:poolId/users/:username/mfa: the user's factors and, for context, the pool's MFA mode. */
export const userMfaSchema = z
  .object({
    username: z.string(),
    /** AdminGetUser UserMFASettingList: the factors the user has turned on. */
    enabled: z.array(mfaOptionSchema),
    /** AdminGetUser PreferredMfaSetting. */
    preferred: mfaOptionSchema.nullable(),
    poolMode: poolMfaModeSchema,
  })
  .meta({ id: 'UserMfa' });
export type UserMfa = z.infer<typeof userMfaSchema>;

/** POST /api/pools/:poolId/users/:username/reset-mfa. */
export const resetUserMfaBodySchema = z
  .object({ reason: requiredReasonSchema })
  .strict()
  .meta({ id: 'ResetUserMfaBody' });
export type ResetUserMfaBody = z.infer<typeof resetUserMfaBodySchema>;

/** What a user whose factors were all removed sees at the next sign-in, by the pool's MFA mode. */
export function nextSignInAfterReset(mode: PoolMfaMode): string {
  switch (mode) {
    case 'ON':
      return 'MFA is required in this pool: at the next sign-in the user is asked to set up a new authenticator app (MFA setup) before getting in.';
    case 'OPTIONAL':
      return 'MFA is optional in this pool: at the next sign-in the user signs in with the password alone, without a code, and may enrol a new factor later.';
    case 'OFF':
      return 'MFA is off in this pool: the user signs in with the password alone, as before.';
  }
}

/** What changes for users when a pool's MFA mode changes from `before` to `after`. */
export function mfaModeChangeEffect(before: PoolMfaMode, after: PoolMfaMode): string | null {
  if (before === after) return null;
  if (after === 'ON')
    return 'Required: every user without a factor is put into MFA setup at the next sign-in and cannot get in until they enrol one; enrolled users are asked for a code every time.';
  if (after === 'OPTIONAL')
    return 'Optional: users who enrolled a factor are asked for a code; users without one sign in with the password alone and may enrol later.';
  return 'Off: nobody is asked for a code at sign-in any more; enrolled factors are kept but not used.';
}

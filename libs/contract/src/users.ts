import { z } from 'zod';
import { pageOf, pageQuerySchema, reasonSchema, usernameSchema } from './common';

export const userStatuses = [
  'UNCONFIRMED',
  'CONFIRMED',
  'ARCHIVED',
  'COMPROMISED',
  'UNKNOWN',
  'RESET_REQUIRED',
  'FORCE_CHANGE_PASSWORD',
  'EXTERNAL_PROVIDER',
] as const;
export type UserStatus = (typeof userStatuses)[number];

/** Attributes ListUsers can filter on (Cognito allows only these, with `=` or `^=`). */
export const searchableAttributes = [
  'username',
  'email',
  'phone_number',
  'name',
  'given_name',
  'family_name',
  'preferred_username',
  'sub',
] as const;
export type SearchableAttribute = (typeof searchableAttributes)[number];

export const listUsersQuerySchema = pageQuerySchema.extend({
  search: z.string().trim().max(256).optional(),
  attribute: z.enum(searchableAttributes).default('email'),
  /** `prefix` (^=) or `exact` (=). */
  match: z.enum(['prefix', 'exact']).default('prefix'),
  status: z.enum([...userStatuses, 'enabled', 'disabled']).optional(),
});
export type ListUsersQuery = z.infer<typeof listUsersQuerySchema>;

export const mfaOptionSchema = z.enum(['SMS_MFA', 'SOFTWARE_TOKEN_MFA', 'EMAIL_OTP']);

const userSummaryFields = {
  username: z.string(),
  sub: z.string().nullable(),
  email: z.string().nullable(),
  phoneNumber: z.string().nullable(),
  name: z.string().nullable(),
  status: z.string(),
  enabled: z.boolean(),
  createdAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
  attributes: z.record(z.string(), z.string()),
};
export const userSummarySchema = z.object(userSummaryFields).meta({ id: 'UserSummary' });
export type UserSummary = z.infer<typeof userSummarySchema>;

export const userDetailSchema = z
  .object({
    ...userSummaryFields,
    groups: z.array(z.string()),
    mfa: z.object({
      enabled: z.array(z.string()),
      preferred: z.string().nullable(),
    }),
  })
  .meta({ id: 'UserDetail' });
export type UserDetail = z.infer<typeof userDetailSchema>;

export const userPageSchema = pageOf(userSummarySchema).meta({ id: 'UserPage' });

/** Attribute names as Cognito spells them: standard or `custom:<name>`. */
export const attributeNameSchema = z
  .string()
  .min(1)
  .max(32 + 7)
  .regex(/^(custom:)?[\w:-]+$/, 'must be an attribute name such as email or custom:tenant');
const attributeValueSchema = z.string().max(2048);

/**
 * The standard attributes whose values Cognito checks for format (InvalidParameterException "Invalid
 * email address format." / "Invalid phone number format." otherwise), checked here first so the caller
 * learns which field is wrong. The same rules as the local Cognito's.
 */
const attributeFormats: Readonly<Record<string, { pattern: RegExp; message: string }>> = {
  email: { pattern: /^[^\s@]+@[^\s@]+$/, message: 'must be an email address, such as ana@example.com' },
  phone_number: {
    pattern: /^\+[0-9]{4,15}$/,
    message: 'must be in international format, such as +14155550100',
  },
};

/** Attribute name → value, as Cognito takes them (an empty value clears the attribute). */
export const attributeValuesSchema = z
  .record(attributeNameSchema, attributeValueSchema)
  .superRefine((values, ctx) => {
    for (const [name, value] of Object.entries(values)) {
      const format = Object.hasOwn(attributeFormats, name) ? attributeFormats[name] : undefined;
      if (format && value !== '' && !format.pattern.test(value))
        ctx.addIssue({ code: 'custom', path: [name], message: format.message });
    }
  });

export const createUserBodySchema = z
  .object({
    username: usernameSchema,
    attributes: attributeValuesSchema.default({}),
    /** When absent Cognito generates a temporary password. */
    temporaryPassword: z.string().min(6).max(256).optional(),
    /** `send` emails/SMS the invitation, `suppress` sends nothing. */
    delivery: z.enum(['send', 'suppress']).default('suppress'),
    deliveryMediums: z.array(z.enum(['EMAIL', 'SMS'])).default(['EMAIL']),
    reason: reasonSchema,
  })
  .strict()
  .meta({ id: 'CreateUserBody' });
export type CreateUserBody = z.infer<typeof createUserBodySchema>;

export const updateUserBodySchema = z
  .object({
    set: attributeValuesSchema.default({}),
    remove: z.array(attributeNameSchema).default([]),
    /**
     * Changing email or phone_number makes Cognito mark it unverified unless `<name>_verified` is sent in the
     * same AdminUpdateUserAttributes call (AWS API reference). Name here the changed ones that should stay
     * verified (only those verified before are kept so).
     */
    keepVerified: z.array(z.enum(['email', 'phone_number'])).default([]),
    reason: reasonSchema,
  })
  .strict()
  .refine((b) => b.keepVerified.every((n) => n in b.set), {
    message: 'keep verified only an attribute this change sets',
    path: ['keepVerified'],
  })
  .refine((b) => Object.keys(b.set).length + b.remove.length > 0, {
    message: 'give at least one attribute to set or remove',
    path: ['set'],
  })
  .refine((b) => !b.remove.some((n) => n in b.set), {
    message: 'an attribute cannot be both set and removed',
    path: ['remove'],
  })
  .meta({ id: 'UpdateUserBody' });
export type UpdateUserBody = z.infer<typeof updateUserBodySchema>;

export const setPasswordBodySchema = z
  .object({
    password: z.string().min(1).max(256),
    permanent: z.boolean().default(false),
    reason: reasonSchema,
  })
  .strict()
  .meta({ id: 'SetPasswordBody' });
export type SetPasswordBody = z.infer<typeof setPasswordBodySchema>;

export const userActions = ['disable', 'enable', 'reset-password', 'sign-out'] as const;
export type UserAction = (typeof userActions)[number];

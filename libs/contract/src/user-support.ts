import { z } from 'zod';
import { requiredReasonSchema } from './common';
import { userDetailSchema } from './users';

/**
 * The support desk's user actions (resend invitation, confirm sign-up, mark verified): each changes what a
 * user can do next, so the operator says why. A reason is required here, unlike the optional one elsewhere.
 */
export const supportActionBodySchema = z
  .object({ reason: requiredReasonSchema })
  .strict()
  .meta({ id: 'SupportActionBody' });
export type SupportActionBody = z.infer<typeof supportActionBodySchema>;

/** The attributes whose verified flag (`<name>_verified`) an administrator can set. */
export const verifiableAttributes = ['email', 'phone_number'] as const;
export type VerifiableAttributeName = (typeof verifiableAttributes)[number];

export const verifyAttributesBodySchema = z
  .object({
    /** Which to mark verified; each must be present on the user and not verified yet. */
    attributes: z
      .array(z.enum(verifiableAttributes))
      .min(1, 'name email and/or phone_number')
      .max(2)
      .refine((a) => new Set(a).size === a.length, 'name each attribute once'),
    reason: requiredReasonSchema,
  })
  .strict()
  .meta({ id: 'VerifyAttributesBody' });
export type VerifyAttributesBody = z.infer<typeof verifyAttributesBodySchema>;

/** `<name>_verified`, the attribute Cognito keeps the flag in. */
export function verifiedFlagOf(name: VerifiableAttributeName): 'email_verified' | 'phone_number_verified' {
  return `${name}_verified`;
}

/**
 * What happened to the invitation of a user just created, said once in the create response:
 * - `sent`: Cognito sent the invitation (temporary password) to `mediums` (EMAIL → the email address, SMS →
 *   the phone number);
 * - `suppressed`: nothing was sent; `temporaryPassword` is the password poolkeeper generated (shown once,
 *   never stored, logged or audited), or null when the operator chose the password themselves.
 */
export const invitationSentSchema = z
  .object({
    delivery: z.literal('sent'),
    mediums: z.array(z.enum(['EMAIL', 'SMS'])),
    /** Where each medium goes, in the same order: the user's email address / phone number. */
    destinations: z.array(z.string()),
  })
  .meta({ id: 'InvitationSent' });
export type InvitationSent = z.infer<typeof invitationSentSchema>;

export const invitationResultSchema = z
  .discriminatedUnion('delivery', [
    invitationSentSchema,
    z.object({ delivery: z.literal('suppressed'), temporaryPassword: z.string().nullable() }),
  ])
  .meta({ id: 'InvitationResult' });
export type InvitationResult = z.infer<typeof invitationResultSchema>;

export const createdUserSchema = userDetailSchema
  .extend({ invitation: invitationResultSchema })
  .meta({ id: 'CreatedUser' });
export type CreatedUser = z.infer<typeof createdUserSchema>;

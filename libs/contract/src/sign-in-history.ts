import { z } from 'zod';
import { pageQuerySchema } from './common';

/**
 * One sign-in attempt as Cognito's threat protection records it (AdminListUserAuthEvents' AuthEventType);
 * what AWS leaves out is null.
 */
export const signInEventSchema = z
  .object({
    eventId: z.string(),
    /** ISO 8601 (CreationDate). */
    time: z.string().nullable(),
    /** EventType: SignIn, SignUp, ForgotPassword, PasswordChange, ResendCode. */
    eventType: z.string(),
    /** EventResponse: Pass, Fail, InProgress. */
    result: z.string().nullable(),
    ipAddress: z.string().nullable(),
    /** EventContextData.DeviceName (often the browser's User-Agent). */
    deviceName: z.string().nullable(),
    city: z.string().nullable(),
    country: z.string().nullable(),
    timezone: z.string().nullable(),
    risk: z
      .object({
        /** NoRisk, AccountTakeover, Block. */
        decision: z.string().nullable(),
        /** Low, Medium, High. */
        level: z.string().nullable(),
        compromisedCredentials: z.boolean().nullable(),
      })
      .nullable(),
    /** The steps asked of the user (Password, Mfa) and how each went (Success, Failure). */
    challenges: z.array(z.object({ name: z.string(), response: z.string() })),
  })
  .meta({ id: 'SignInEvent' });
export type SignInEvent = z.infer<typeof signInEventSchema>;

/** Why a pool keeps no sign-in history: threat protection is off, or its feature plan has none. */
export const signInHistoryUnavailableReasons = ['not-enabled', 'tier'] as const;
export type SignInHistoryUnavailableReason = (typeof signInHistoryUnavailableReasons)[number];

/**
 * A user's sign-in history, newest first and cursor-paged; or, for a pool without threat protection, why there
 * is none (an answer, not an error: nothing is wrong with the user). `tier` is the pool's feature plan
 * (LITE, ESSENTIALS, PLUS) when Cognito said.
 */
export const signInHistorySchema = z
  .discriminatedUnion('available', [
    z.object({
      available: z.literal(true),
      items: z.array(signInEventSchema),
      nextCursor: z.string().nullable(),
    }),
    z.object({
      available: z.literal(false),
      reason: z.enum(signInHistoryUnavailableReasons),
      tier: z.string().nullable(),
      message: z.string(),
    }),
  ])
  .meta({ id: 'SignInHistory' });
export type SignInHistory = z.infer<typeof signInHistorySchema>;

/** AdminListUserAuthEvents pages hold at most 60; the console asks for 25 at a time. */
export const signInHistoryQuerySchema = pageQuerySchema.extend({
  limit: z.coerce.number().int().min(1).max(60).default(25),
});
export type SignInHistoryQuery = z.infer<typeof signInHistoryQuerySchema>;

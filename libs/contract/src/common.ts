import { z } from 'zod';

/** Cursor pagination: honest, never a total. */
export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(60).default(60),
  cursor: z.string().min(1).max(4096).optional(),
});

export function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Optional reason an operator gives for a mutation; recorded in the audit log. */
export const reasonSchema = z.string().trim().max(500).optional();
/**
 * A reason the audit log must carry: actions that change what a user can do next (support desk, MFA reset,
 * a pool's MFA) are never silent.
 */
export const requiredReasonSchema = z
  .string({ error: 'is required: say why, for the audit log' })
  .trim()
  .min(1, { error: 'is required: say why, for the audit log', abort: true })
  .max(500);
export const mutationBodySchema = z.object({ reason: reasonSchema }).strict().meta({ id: 'MutationBody' });
export type MutationBody = z.infer<typeof mutationBodySchema>;

/** Cognito's username rule; an empty one is reported once, as missing. */
export const usernameSchema = z
  .string()
  .min(1, { error: 'is required', abort: true })
  .max(128)
  .regex(/^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u, 'must not contain spaces or control characters');

import { z } from 'zod';
import { errorCodes } from './errors';
import { pageOf } from './common';
import { instantSchema } from './time';

export const auditOutcomes = ['attempted', 'succeeded', 'failed'] as const;
export type AuditOutcome = (typeof auditOutcomes)[number];

/** Every change poolkeeper can make, as the audit log names it (`<resource>.<verb>`). */
export const auditActions = [
  'user.create',
  'user.update',
  'user.delete',
  'user.disable',
  'user.enable',
  'user.reset-password',
  'user.set-password',
  'user.sign-out',
  'group.create',
  'group.update',
  'group.delete',
  'group.add-member',
  'group.remove-member',
  'identity-provider.create',
  'identity-provider.update',
  'identity-provider.delete',
  'user-pool-client.set-identity-providers',
  'identity-pool.update',
  'identity-pool.set-roles',
] as const;
export type AuditAction = (typeof auditActions)[number];

/** What an action may concern; one action can name several (a group and a user; an identity pool and a role). */
export const auditTargetTypes = [
  'user',
  'group',
  'identity-provider',
  'user-pool-client',
  'identity-pool',
  'iam-role',
] as const;
export type AuditTargetType = (typeof auditTargetTypes)[number];

export const auditTargetSchema = z
  .object({ type: z.enum(auditTargetTypes), id: z.string() })
  .meta({ id: 'AuditTarget' });
export type AuditTarget = z.infer<typeof auditTargetSchema>;

/**
 * Who acted: an operator (user access token), a machine client (client-credentials token), or poolkeeper
 * itself (a job, the reconciler, a command-line tool), which has no IP or user agent.
 */
export const auditActorKinds = ['operator', 'machine', 'system'] as const;
export type AuditActorKind = (typeof auditActorKinds)[number];

export const auditActorSchema = z
  .object({
    kind: z.enum(auditActorKinds),
    sub: z.string(),
    username: z.string(),
    roles: z.array(z.string()),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
  })
  .meta({ id: 'AuditActor' });
export type AuditActor = z.infer<typeof auditActorSchema>;

export const auditEventSchema = z
  .object({
    id: z.string(),
    occurredAt: z.string(),
    /** Groups an attempt with its outcome. */
    correlationId: z.string(),
    outcome: z.enum(auditOutcomes),
    action: z.enum(auditActions),
    poolId: z.string().nullable(),
    /** What the action concerns, most specific first; empty for pool-wide actions. */
    targets: z.array(auditTargetSchema),
    actor: auditActorSchema,
    reason: z.string().nullable(),
    /** What was asked, secrets removed. */
    request: z.record(z.string(), z.unknown()),
    errorCode: z.enum(errorCodes).nullable(),
    errorMessage: z.string().nullable(),
    awsRequestId: z.string().nullable(),
    requestId: z.string().nullable(),
  })
  .meta({ id: 'AuditEvent' });
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const auditQuerySchema = z.object({
  actor: z.string().trim().max(128).optional(),
  /** An action, or `user.*` for every action of a resource. */
  action: z.string().trim().max(64).optional(),
  poolId: z.string().trim().max(64).optional(),
  /** Any target with this id (a username, a group name …). */
  target: z.string().trim().max(256).optional(),
  outcome: z.enum(auditOutcomes).optional(),
  from: instantSchema.optional(),
  to: instantSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).max(512).optional(),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditPageSchema = pageOf(auditEventSchema).meta({ id: 'AuditEventPage' });

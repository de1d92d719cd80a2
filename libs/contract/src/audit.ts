import { z } from 'zod';
import { errorCodes } from './errors';
import { pageOf } from './common';
import { instantSchema } from './time';

/**
 * `attempted` is written before a change, its outcome after it. `unknown`: the API process ended between the two
 * and the reconciler could not tell from Cognito's current state whether the change was made (its
 * reconciliation says why). An outcome the reconciler wrote carries `request.reconciliation`
 * (auditReconciliationOf).
 */
export const auditOutcomes = ['attempted', 'succeeded', 'failed', 'unknown'] as const;
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
  /** The support desk (libs/contract/src/user-support.ts). */
  'user.resend-invitation',
  'user.confirm-sign-up',
  'user.verify-attributes',
  'group.create',
  'group.update',
  'group.delete',
  'group.add-member',
  'group.remove-member',
  /** SetUserPoolMfaConfig: pool-wide (no targets); before/after in the request. */
  'pool.set-mfa-config',
  /** AdminDeleteSoftwareToken + AdminSetUserMFAPreference: the user's MFA factors, before/after. */
  'user.reset-mfa',
  'identity-provider.create',
  'identity-provider.update',
  'identity-provider.delete',
  'user-pool-client.set-identity-providers',
  'identity-pool.update',
  'identity-pool.set-roles',
  /** Not a Cognito change: an operator exported a range of the audit log (who, which filters, which rows). */
  'audit.export',
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

/** `state-check`: read from Cognito's current state; `undeterminable`: nothing in Cognito's state can tell. */
export const auditReconciliationMethods = ['state-check', 'undeterminable'] as const;
export type AuditReconciliationMethod = (typeof auditReconciliationMethods)[number];

/**
 * How the reconciler resolved an attempt that had no outcome after the grace period (the API process ended
 * between attempt and outcome). Kept under `request.reconciliation` of the outcome event it appends (same
 * correlation id, actor `system:reconciler`), so the event's shape and the chain's canonical form stay as they
 * are.
 */
export const auditReconciliationSchema = z
  .object({
    method: z.enum(auditReconciliationMethods),
    /** The attempt this outcome resolves. */
    attemptId: z.string(),
    attemptOccurredAt: z.string(),
    /** What Cognito showed when the reconciler looked, e.g. "the user is disabled"; null when it did not look. */
    observed: z.string().nullable(),
    /** Why that settles the outcome, or (for `unknown`) why it cannot. */
    reason: z.string(),
  })
  .meta({ id: 'AuditReconciliation' });
export type AuditReconciliation = z.infer<typeof auditReconciliationSchema>;

/** The actor of every outcome the reconciler writes. */
export const AUDIT_RECONCILER_SUB = 'system:reconciler';

/**
 * The reconciliation of an outcome written by the reconciler (actor `system:reconciler`), or null for an
 * ordinary event (whatever its request holds).
 */
export function auditReconciliationOf(
  event: Pick<AuditEvent, 'request' | 'actor' | 'outcome'>,
): AuditReconciliation | null {
  if (
    event.actor.kind !== 'system' ||
    event.actor.sub !== AUDIT_RECONCILER_SUB ||
    event.outcome === 'attempted'
  )
    return null;
  const parsed = auditReconciliationSchema.safeParse(event.request['reconciliation']);
  return parsed.success ? parsed.data : null;
}

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

/**
 * An event as the hash chain sees it: the event plus its place in the chain. `sequence` is a decimal string
 * (a 64-bit integer); `prevHash` is the hash of the event before it (64 zeros for the first); `hash` is
 * sha256(prevHash ‖ canonical form of the event without prevHash and hash), lowercase hex. See README "Audit
 * log integrity" and libs/persistence/src/audit-chain.ts.
 */
export const chainedAuditEventSchema = auditEventSchema
  .extend({ sequence: z.string(), prevHash: z.string(), hash: z.string() })
  .meta({ id: 'ChainedAuditEvent' });
export type ChainedAuditEvent = z.infer<typeof chainedAuditEventSchema>;

export const auditChainHeadSchema = z
  .object({ sequence: z.string(), hash: z.string(), occurredAt: z.string() })
  .meta({ id: 'AuditChainHead' });
export type AuditChainHead = z.infer<typeof auditChainHeadSchema>;

/** `GET /api/audit-events/head`: the newest event's place in the chain, to anchor outside; null when empty. */
export const auditHeadResponseSchema = z
  .object({ head: auditChainHeadSchema.nullable() })
  .meta({ id: 'AuditHeadResponse' });
export type AuditHeadResponse = z.infer<typeof auditHeadResponseSchema>;

/** `GET /api/audit-events/verify`: the whole chain checks, or the first event at which it breaks and why. */
export const auditVerifyResultSchema = z
  .discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), count: z.number().int(), head: auditChainHeadSchema.nullable() }),
    z.object({
      ok: z.literal(false),
      /** The first event that does not check: its sequence and id. */
      brokenAt: z.object({ sequence: z.string(), id: z.string() }),
      reason: z.string(),
      /** Events that checked before it. */
      count: z.number().int(),
    }),
  ])
  .meta({ id: 'AuditVerifyResult' });
export type AuditVerifyResult = z.infer<typeof auditVerifyResultSchema>;

export const auditExportFormats = ['ndjson', 'csv'] as const;
export type AuditExportFormat = (typeof auditExportFormats)[number];

/** The list's filters (no cursor, no limit) and a format; the export is in chain order, oldest first. */
export const auditExportQuerySchema = auditQuerySchema
  .omit({ limit: true, cursor: true })
  .extend({ format: z.enum(auditExportFormats).default('ndjson') });
export type AuditExportQuery = z.infer<typeof auditExportQuerySchema>;

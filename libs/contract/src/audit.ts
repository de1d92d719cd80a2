import { z } from 'zod';
import { pageOf } from './common';

export const auditOutcomes = ['attempted', 'succeeded', 'failed'] as const;
export type AuditOutcome = (typeof auditOutcomes)[number];

export const auditActions = [
  'user.create',
  'user.update',
  'user.delete',
  'user.disable',
  'user.enable',
  'user.reset-password',
  'user.set-password',
  'user.sign-out',
] as const;
export type AuditAction = (typeof auditActions)[number];

export const auditEventSchema = z.object({
  id: z.string(),
  occurredAt: z.string(),
  /** Groups an attempt with its outcome. */
  correlationId: z.string(),
  outcome: z.enum(auditOutcomes),
  action: z.string(),
  poolId: z.string().nullable(),
  target: z.string().nullable(),
  actor: z.object({
    sub: z.string(),
    username: z.string(),
    roles: z.array(z.string()),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
  }),
  reason: z.string().nullable(),
  /** What was asked, secrets removed. */
  request: z.record(z.string(), z.unknown()),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
  awsRequestId: z.string().nullable(),
  requestId: z.string().nullable(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const auditQuerySchema = z.object({
  actor: z.string().trim().max(128).optional(),
  action: z.string().trim().max(64).optional(),
  poolId: z.string().trim().max(64).optional(),
  target: z.string().trim().max(256).optional(),
  outcome: z.enum(auditOutcomes).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).max(512).optional(),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditPageSchema = pageOf(auditEventSchema);

import { z } from 'zod';
import { pageOf } from './common';

export const poolSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    region: z.string(),
    /** Cognito's own estimate (DescribeUserPool.EstimatedNumberOfUsers): never a count. */
    estimatedNumberOfUsers: z.number().nullable(),
    customAttributes: z.array(z.string()),
  })
  .meta({ id: 'PoolSummary' });
export type PoolSummary = z.infer<typeof poolSummarySchema>;

/** GET /api/pools: every managed pool in one page (`nextCursor` is always null). */
export const poolPageSchema = pageOf(poolSummarySchema).meta({ id: 'PoolPage' });

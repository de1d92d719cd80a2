/** The `pools` data provider: the managed user pools. They are few and come in one page. */
import type { GetManyParams } from 'react-admin';
import type { Page, PoolSummary } from '@poolkeeper/contract';
import { apiRequest } from '../../providers/http-client';
import { resourceProvider } from '../../providers/resource-provider';

export type PoolRecord = PoolSummary;

/** The API answers either a bare array or one `{ items, nextCursor }` page. */
async function getPools(): Promise<PoolSummary[]> {
  const body = await apiRequest<PoolSummary[] | Page<PoolSummary>>('/pools');
  return Array.isArray(body) ? body : body.items;
}

export const poolsProvider = resourceProvider('pools', {
  async getList() {
    const pools = await getPools();
    return { data: pools, total: pools.length };
  },

  async getMany(_resource: string, params: GetManyParams) {
    const pools = await getPools();
    return { data: pools.filter((pool) => params.ids.includes(pool.id)) };
  },
});

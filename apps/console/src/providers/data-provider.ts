/**
 * react-admin dataProvider over the poolkeeper API. Resources: `users` (id = username, scoped to the pool
 * given in `meta.poolId`), `pools`, `audit-events`. Lists page with cursors and answer `pageInfo`, never
 * a total. Custom methods cover the user actions that are not CRUD.
 */
import type {
  CreateParams,
  DataProvider,
  DeleteParams,
  GetListParams,
  GetListResult,
  GetManyParams,
  GetOneParams,
  Identifier,
  RaRecord,
  UpdateParams,
} from 'react-admin';
import type {
  AuditEvent,
  CreateUserBody,
  Page,
  PoolSummary,
  SetPasswordBody,
  UpdateUserBody,
  UserAction,
  UserDetail,
  UserSummary,
} from '@poolkeeper/contract';
import { apiRequest, type QueryValue } from './http-client';
import { CursorPages, queryKeyOf } from './cursor-pages';

export type UserRecord = UserSummary & Partial<Pick<UserDetail, 'groups' | 'mfa'>> & { id: string };
export type PoolRecord = PoolSummary;
export type AuditEventRecord = AuditEvent;

export interface PoolkeeperDataProvider extends DataProvider {
  userAction(poolId: string, username: string, action: UserAction, reason?: string): Promise<void>;
  setUserPassword(poolId: string, username: string, body: SetPasswordBody): Promise<void>;
}

const pages = new CursorPages();

function userPath(poolId: string, username?: Identifier): string {
  const base = `/pools/${encodeURIComponent(poolId)}/users`;
  return username === undefined ? base : `${base}/${encodeURIComponent(String(username))}`;
}

function poolIdOf(meta: { poolId?: string } | undefined): string {
  const poolId = meta?.poolId;
  if (!poolId) throw new Error('No user pool is selected.');
  return poolId;
}

function toUserRecord<T extends UserSummary>(user: T): T & { id: string } {
  return { ...user, id: user.username };
}

function optionalReason(reason: string | undefined): { reason?: string } {
  const trimmed = reason?.trim();
  return trimmed ? { reason: trimmed } : {};
}

function asIso(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const date = value instanceof Date ? value : new Date(String(value));
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function stringFilter(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed || undefined;
}

async function listPage<T>(
  resource: string,
  path: string,
  params: GetListParams,
  query: Record<string, QueryValue>,
): Promise<{ items: T[]; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean } }> {
  const perPage = params.pagination?.perPage ?? 60;
  const key = queryKeyOf(resource, { path, perPage, ...query });
  const { cursor, page } = pages.cursorFor(key, params.pagination?.page ?? 1);
  const result = await apiRequest<Page<T>>(path, { query: { ...query, limit: perPage, cursor } });
  pages.remember(key, page, result.nextCursor);
  return {
    items: result.items,
    pageInfo: { hasNextPage: result.nextCursor !== null, hasPreviousPage: page > 1 },
  };
}

async function getUsers(params: GetListParams): Promise<GetListResult<UserRecord>> {
  const poolId = poolIdOf(params.meta);
  const filter = params.filter ?? {};
  const search = stringFilter(filter.search);
  const query: Record<string, QueryValue> = {
    search,
    attribute: search ? stringFilter(filter.attribute) : undefined,
    match: search ? stringFilter(filter.match) : undefined,
    status: stringFilter(filter.status),
  };
  const { items, pageInfo } = await listPage<UserSummary>('users', userPath(poolId), params, query);
  return { data: items.map(toUserRecord), pageInfo };
}

async function getAuditEvents(params: GetListParams): Promise<GetListResult<AuditEventRecord>> {
  const filter = params.filter ?? {};
  const query: Record<string, QueryValue> = {
    actor: stringFilter(filter.actor),
    action: stringFilter(filter.action),
    poolId: stringFilter(filter.poolId),
    target: stringFilter(filter.target),
    outcome: stringFilter(filter.outcome),
    from: asIso(filter.from),
    to: asIso(filter.to),
  };
  const perPage = Math.min(params.pagination?.perPage ?? 50, 200);
  const { items, pageInfo } = await listPage<AuditEvent>(
    'audit-events',
    '/audit-events',
    { ...params, pagination: { page: params.pagination?.page ?? 1, perPage } },
    query,
  );
  return { data: items, pageInfo };
}

/** Pools are few: the API answers either a bare array or one `{ items, nextCursor }` page. */
async function getPools(): Promise<PoolSummary[]> {
  const body = await apiRequest<PoolSummary[] | Page<PoolSummary>>('/pools');
  return Array.isArray(body) ? body : body.items;
}

function unsupported(method: string, resource: string): never {
  throw new Error(`${method} is not supported for ${resource}.`);
}

const renameUpdateField = (field: string): string =>
  field.startsWith('set.')
    ? `attributes.${field.slice(4)}`
    : field === 'set' || field.startsWith('remove')
      ? 'root.serverError'
      : field;

/*
 * react-admin types every method as generic in the record type; the records here are concrete, so the
 * implementation is typed by what it really returns and cast once, below.
 */
const implementation = {
  async getList(resource: string, params: GetListParams) {
    switch (resource) {
      case 'users':
        return getUsers(params);
      case 'audit-events':
        return getAuditEvents(params);
      case 'pools': {
        const pools = await getPools();
        return { data: pools, total: pools.length };
      }
      default:
        return unsupported('getList', resource);
    }
  },

  async getOne(resource: string, params: GetOneParams) {
    if (resource !== 'users') return unsupported('getOne', resource);
    const user = await apiRequest<UserDetail>(userPath(poolIdOf(params.meta), params.id));
    return { data: toUserRecord(user) };
  },

  async getMany(resource: string, params: GetManyParams) {
    if (resource === 'pools') {
      const pools = await getPools();
      return { data: pools.filter((pool) => params.ids.includes(pool.id)) };
    }
    if (resource === 'users') {
      const poolId = poolIdOf(params.meta);
      const users = await Promise.all(params.ids.map((id) => apiRequest<UserDetail>(userPath(poolId, id))));
      return { data: users.map(toUserRecord) };
    }
    return unsupported('getMany', resource);
  },

  async getManyReference(resource: string) {
    return unsupported('getManyReference', resource);
  },

  async create(resource: string, params: CreateParams<CreateUserBody>) {
    if (resource !== 'users') return unsupported('create', resource);
    const user = await apiRequest<UserDetail>(userPath(poolIdOf(params.meta)), {
      method: 'POST',
      body: params.data,
      codeFields: { USERNAME_EXISTS: 'username', INVALID_PASSWORD: 'temporaryPassword' },
    });
    return { data: toUserRecord(user) };
  },

  async update(resource: string, params: UpdateParams & { data: UpdateUserBody }) {
    if (resource !== 'users') return unsupported('update', resource);
    const poolId = poolIdOf(params.meta);
    const path = userPath(poolId, params.id);
    const answer = await apiRequest<UserDetail | undefined>(path, {
      method: 'PATCH',
      body: params.data,
      fieldName: renameUpdateField,
    });
    const user = answer?.username ? answer : await apiRequest<UserDetail>(path);
    return { data: toUserRecord(user) };
  },

  async updateMany(resource: string) {
    return unsupported('updateMany', resource);
  },

  async delete(resource: string, params: DeleteParams<RaRecord>) {
    if (resource !== 'users') return unsupported('delete', resource);
    await apiRequest<void>(userPath(poolIdOf(params.meta), params.id), {
      method: 'DELETE',
      body: optionalReason(params.meta?.reason),
    });
    return { data: params.previousData ?? { id: params.id } };
  },

  async deleteMany(resource: string) {
    return unsupported('deleteMany', resource);
  },

  async userAction(poolId: string, username: string, action: UserAction, reason?: string): Promise<void> {
    await apiRequest<unknown>(`${userPath(poolId, username)}/${action}`, {
      method: 'POST',
      body: optionalReason(reason),
    });
  },

  async setUserPassword(
    poolId: string,
    username: string,
    { reason, ...body }: SetPasswordBody,
  ): Promise<void> {
    await apiRequest<unknown>(`${userPath(poolId, username)}/password`, {
      method: 'POST',
      body: { ...body, ...optionalReason(reason) },
      fieldName: (field) => (field === 'password' ? 'password' : 'root.serverError'),
    });
  },
};

export const dataProvider = implementation as unknown as PoolkeeperDataProvider;

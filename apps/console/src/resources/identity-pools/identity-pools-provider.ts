/**
 * The identity-pool data providers: `identity-pools` (the pools federating a managed user pool, cursor-paged,
 * and their settings), `identity-pool-roles` (one pool's roles and role mappings, with the API's warnings;
 * id = the identity pool id) and `iam-roles` (ListRoles, searchable, cursor-paged, with the trust check for
 * `filter.identityPoolId`). Identity pools have their own address, `#/identity-pools/<id>`: see index.ts.
 */
import type { GetListParams, GetOneParams, Identifier, UpdateParams } from 'react-admin';
import type {
  IamRoleView,
  IdentityPoolDetail,
  IdentityPoolRolesView,
  IdentityPoolSummaryView,
  SetIdentityPoolRolesBody,
  UpdateIdentityPoolBody,
  WhichRoleAnswer,
} from '@poolkeeper/contract';
import { apiRequest, type QueryValue } from '../../providers/http-client';
import { listPage, stringFilter } from '../../providers/cursor-list';
import { resourceProvider } from '../../providers/resource-provider';

export type IdentityPoolRecord = IdentityPoolDetail;
export type IdentityPoolRolesRecord = IdentityPoolRolesView & { id: string };
export type IamRoleRecord = IamRoleView & { id: string };

export const identityPoolPath = (id: Identifier) => `/identity-pools/${encodeURIComponent(String(id))}`;

/** The question of the "which role would I get?" panel: claims (JSON text) or a user of the linked pool. */
export type WhichRoleQuestion = { provider?: string } & (
  { claims: string } | { userPoolId: string; username: string }
);

export const identityPoolsProvider = resourceProvider('identity-pools', {
  async getList(resource: string, params: GetListParams) {
    const { items, pageInfo, meta } = await listPage<IdentityPoolSummaryView>(
      resource,
      '/identity-pools',
      params,
      {},
      { defaultPerPage: 60, maxPerPage: 60 },
    );
    return { data: items, pageInfo, meta };
  },

  async getOne(_resource: string, params: GetOneParams) {
    return { data: await apiRequest<IdentityPoolDetail>(identityPoolPath(params.id)) };
  },

  async update(_resource: string, params: UpdateParams & { data: UpdateIdentityPoolBody }) {
    const data = await apiRequest<IdentityPoolDetail>(identityPoolPath(params.id), {
      method: 'PATCH',
      body: params.data,
    });
    return { data };
  },

  async whichRole(_resource: string, { id, question }: { id: string; question: WhichRoleQuestion }) {
    const query: Record<string, QueryValue> = { ...question };
    return apiRequest<WhichRoleAnswer>(`${identityPoolPath(id)}/which-role`, { query });
  },
});

export type IdentityPoolsDataProvider = typeof identityPoolsProvider;

export const identityPoolRolesProvider = resourceProvider('identity-pool-roles', {
  async getOne(_resource: string, params: GetOneParams) {
    const view = await apiRequest<IdentityPoolRolesView>(`${identityPoolPath(params.id)}/roles`);
    return { data: { ...view, id: view.identityPoolId } };
  },

  async update(_resource: string, params: UpdateParams & { data: SetIdentityPoolRolesBody }) {
    const view = await apiRequest<IdentityPoolRolesView>(`${identityPoolPath(params.id)}/roles`, {
      method: 'PUT',
      body: params.data,
    });
    return { data: { ...view, id: view.identityPoolId } };
  },
});

export const iamRolesProvider = resourceProvider('iam-roles', {
  async getList(resource: string, params: GetListParams) {
    const filter = params.filter ?? {};
    const { items, pageInfo, meta } = await listPage<IamRoleView>(
      resource,
      '/iam/roles',
      params,
      { search: stringFilter(filter.search), identityPoolId: stringFilter(filter.identityPoolId) },
      { defaultPerPage: 20, maxPerPage: 100 },
    );
    return { data: items.map((r) => ({ ...r, id: r.arn })), pageInfo, meta };
  },
});

/**
 * The `identity-providers` data provider: the providers of the pool given in `meta.poolId` (the pool in the
 * URL), id = provider name. Cognito lists a pool's providers in one page here (the API answers them all).
 * The app clients of the pool, and which providers each offers, are its custom methods.
 */
import type {
  CreateParams,
  DeleteParams,
  GetListParams,
  GetManyParams,
  GetOneParams,
  Identifier,
  RaRecord,
  UpdateParams,
} from 'react-admin';
import type {
  AppClientIdps,
  ClientIdps,
  CreateIdpBody,
  IdpDetail,
  IdpSummary,
  Page,
  UpdateIdpBody,
} from '@poolkeeper/contract';
import { apiRequest } from '../../providers/http-client';
import { resourceProvider } from '../../providers/resource-provider';
import { idpApiField } from './idp-forms';
import { optionalReason } from '../users/user-forms';

export type IdpRecord = IdpSummary & Partial<IdpDetail> & { id: string };

export interface SetClientProvidersParams {
  poolId: string;
  clientId: string;
  providers: string[];
  reason?: string;
}

function poolPath(poolId: string): string {
  return `/pools/${encodeURIComponent(poolId)}`;
}

function idpsPath(poolId: string, name?: Identifier): string {
  const base = `${poolPath(poolId)}/identity-providers`;
  return name === undefined ? base : `${base}/${encodeURIComponent(String(name))}`;
}

function poolIdOf(meta: { poolId?: string } | undefined): string {
  const poolId = meta?.poolId;
  if (!poolId) throw new Error('No user pool is selected.');
  return poolId;
}

function toRecord<T extends { name: string }>(idp: T): T & { id: string } {
  return { ...idp, id: idp.name };
}

export const identityProvidersProvider = resourceProvider('identity-providers', {
  async getList(_resource: string, params: GetListParams) {
    const page = await apiRequest<Page<IdpSummary>>(idpsPath(poolIdOf(params.meta)));
    const items = [...page.items].sort((a, b) => a.name.localeCompare(b.name));
    return {
      data: items.map(toRecord),
      pageInfo: { hasNextPage: false, hasPreviousPage: false },
    };
  },

  async getOne(_resource: string, params: GetOneParams) {
    return { data: toRecord(await apiRequest<IdpDetail>(idpsPath(poolIdOf(params.meta), params.id))) };
  },

  async getMany(_resource: string, params: GetManyParams) {
    const poolId = poolIdOf(params.meta);
    const all = await Promise.all(params.ids.map((id) => apiRequest<IdpDetail>(idpsPath(poolId, id))));
    return { data: all.map(toRecord) };
  },

  async create(_resource: string, params: CreateParams<CreateIdpBody>) {
    const created = await apiRequest<IdpDetail>(idpsPath(poolIdOf(params.meta)), {
      method: 'POST',
      body: params.data,
      fieldName: idpApiField,
      codeFields: { IDP_EXISTS: 'name' },
    });
    return { data: toRecord(created) };
  },

  async update(_resource: string, params: UpdateParams & { data: UpdateIdpBody }) {
    const updated = await apiRequest<IdpDetail>(idpsPath(poolIdOf(params.meta), params.id), {
      method: 'PATCH',
      body: params.data,
      fieldName: idpApiField,
    });
    return { data: toRecord(updated) };
  },

  async delete(_resource: string, params: DeleteParams<RaRecord>) {
    await apiRequest<void>(idpsPath(poolIdOf(params.meta), params.id), {
      method: 'DELETE',
      body: optionalReason(params.meta?.reason),
    });
    return { data: params.previousData ?? { id: params.id } };
  },

  /** Sets the providers one app client offers (UpdateUserPoolClient SupportedIdentityProviders). */
  async setClientProviders(
    _resource: string,
    { poolId, clientId, providers, reason }: SetClientProvidersParams,
  ): Promise<ClientIdps> {
    return apiRequest<ClientIdps>(
      `${poolPath(poolId)}/clients/${encodeURIComponent(clientId)}/identity-providers`,
      { method: 'PUT', body: { providers, ...optionalReason(reason) } },
    );
  },
});

/**
 * The `app-clients` data provider: the app clients of the pool in `meta.poolId` and the providers each
 * offers (`GET /pools/:poolId/clients`, identity-providers.read), id = client id, in one page.
 */
export type AppClientRecord = AppClientIdps & { id: string };

export const appClientsProvider = resourceProvider('app-clients', {
  async getList(_resource: string, params: GetListParams) {
    const page = await apiRequest<Page<AppClientIdps>>(`${poolPath(poolIdOf(params.meta))}/clients`);
    return {
      data: page.items.map((client): AppClientRecord => ({ ...client, id: client.clientId })),
      pageInfo: { hasNextPage: false, hasPreviousPage: false },
    };
  },
});

/** `useDataProvider<IdentityProvidersDataProvider>()` reaches the custom methods. */
export type IdentityProvidersDataProvider = typeof identityProvidersProvider;

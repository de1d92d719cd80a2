/**
 * The `users` data provider: users of the pool given in `meta.poolId` (the pool in the URL), id =
 * username. Lists page with cursors (`pageInfo`, no total). The user actions that are not CRUD are its
 * custom methods; like every method of a combined provider they take the resource first.
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
  CreateUserBody,
  CreatedUser,
  InvitationSent,
  SetPasswordBody,
  SupportActionBody,
  UpdateUserBody,
  UserAction,
  UserDetail,
  UserSummary,
  VerifyAttributesBody,
} from '@poolkeeper/contract';
import { apiRequest, type QueryValue } from '../../providers/http-client';
import { listPage, stringFilter } from '../../providers/cursor-list';
import { resourceProvider } from '../../providers/resource-provider';
import { editForm, inviteForm, optionalReason, setPasswordForm } from './user-forms';
import { putInvitation } from './invitation-once';
import { supportActionForm, verifyAttributesForm } from './user-support-forms';

export type UserRecord = UserSummary & Partial<Pick<UserDetail, 'groups' | 'mfa'>> & { id: string };

export interface UserActionParams {
  poolId: string;
  username: string;
  action: UserAction;
  reason?: string;
}

/** The support desk's actions (resend invitation, confirm sign-up, mark verified). */
export type SupportActionParams =
  | {
      poolId: string;
      username: string;
      action: 'resend-invitation' | 'confirm-sign-up';
      body: SupportActionBody;
    }
  | { poolId: string; username: string; action: 'verify-attributes'; body: VerifyAttributesBody };

export interface SetUserPasswordParams {
  poolId: string;
  username: string;
  body: SetPasswordBody;
}

function usersPath(poolId: string, username?: Identifier): string {
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

export const usersProvider = resourceProvider('users', {
  async getList(resource: string, params: GetListParams) {
    const poolId = poolIdOf(params.meta);
    const filter = params.filter ?? {};
    const search = stringFilter(filter.search);
    const query: Record<string, QueryValue> = {
      search,
      attribute: search ? stringFilter(filter.attribute) : undefined,
      match: search ? stringFilter(filter.match) : undefined,
      status: stringFilter(filter.status),
    };
    const { items, pageInfo, meta } = await listPage<UserSummary>(
      resource,
      usersPath(poolId),
      params,
      query,
      {
        defaultPerPage: 60,
      },
    );
    return { data: items.map(toUserRecord), pageInfo, meta };
  },

  async getOne(_resource: string, params: GetOneParams) {
    const user = await apiRequest<UserDetail>(usersPath(poolIdOf(params.meta), params.id));
    return { data: toUserRecord(user) };
  },

  async getMany(_resource: string, params: GetManyParams) {
    const poolId = poolIdOf(params.meta);
    const users = await Promise.all(params.ids.map((id) => apiRequest<UserDetail>(usersPath(poolId, id))));
    return { data: users.map(toUserRecord) };
  },

  async create(_resource: string, params: CreateParams<CreateUserBody>) {
    const poolId = poolIdOf(params.meta);
    const { invitation, ...user } = await apiRequest<CreatedUser>(usersPath(poolId), {
      method: 'POST',
      body: params.data,
      fieldName: inviteForm.fieldOf,
      codeFields: inviteForm.codeFields,
    });
    // kept out of the record (and so out of react-admin's cache): the invite screen takes it once
    putInvitation(poolId, user.username, invitation);
    return { data: toUserRecord(user) };
  },

  async update(_resource: string, params: UpdateParams & { data: UpdateUserBody }) {
    const path = usersPath(poolIdOf(params.meta), params.id);
    const answer = await apiRequest<UserDetail | undefined>(path, {
      method: 'PATCH',
      body: params.data,
      fieldName: editForm.fieldOf,
    });
    const user = answer?.username ? answer : await apiRequest<UserDetail>(path);
    return { data: toUserRecord(user) };
  },

  async delete(_resource: string, params: DeleteParams<RaRecord>) {
    await apiRequest<void>(usersPath(poolIdOf(params.meta), params.id), {
      method: 'DELETE',
      body: optionalReason(params.meta?.reason),
    });
    return { data: params.previousData ?? { id: params.id } };
  },

  async userAction(_resource: string, { poolId, username, action, reason }: UserActionParams) {
    await apiRequest<unknown>(`${usersPath(poolId, username)}/${action}`, {
      method: 'POST',
      body: optionalReason(reason),
    });
  },

  /** Resend invitation answers where it was sent; the others answer nothing. */
  async supportAction(_resource: string, params: SupportActionParams): Promise<InvitationSent | undefined> {
    const form = params.action === 'verify-attributes' ? verifyAttributesForm : supportActionForm;
    const answer = await apiRequest<InvitationSent | undefined>(
      `${usersPath(params.poolId, params.username)}/${params.action}`,
      { method: 'POST', body: params.body, fieldName: form.fieldOf },
    );
    return params.action === 'resend-invitation' ? answer : undefined;
  },

  async setUserPassword(_resource: string, { poolId, username, body }: SetUserPasswordParams) {
    await apiRequest<unknown>(`${usersPath(poolId, username)}/password`, {
      method: 'POST',
      body,
      fieldName: setPasswordForm.fieldOf,
      codeFields: setPasswordForm.codeFields,
    });
  },
});

/** `useDataProvider<UsersDataProvider>()` reaches the custom methods through the combined provider. */
export type UsersDataProvider = typeof usersProvider;

/**
 * The groups data providers, for the pool given in `meta.poolId` (the pool in the URL):
 * - `groups`: the pool's groups, id = group name; lists page with cursors (`pageInfo`, no total);
 * - `group-members`: one group's members (`meta.groupName`), id = username, paged the same way;
 * - `user-groups`: one user's groups and the roles their tokens carry (`getOne`, id = username).
 * Adding and removing members are the custom methods of `groups`.
 */
import type {
  CreateParams,
  DeleteParams,
  GetListParams,
  GetOneParams,
  Identifier,
  RaRecord,
  UpdateParams,
} from 'react-admin';
import type { CreateGroupBody, Group, GroupMember, UpdateGroupBody, UserGroups } from '@poolkeeper/contract';
import { apiRequest } from '../../providers/http-client';
import { listPage } from '../../providers/cursor-list';
import { resourceProvider } from '../../providers/resource-provider';
import { createGroupForm, deleteGroupForm, editGroupForm, optionalReason } from './group-forms';

export type GroupRecord = Group & { id: string };
export type GroupMemberRecord = GroupMember & { id: string };
export type UserGroupsRecord = UserGroups & { id: string };

/** The API's largest page of groups and members (ListGroups / ListUsersInGroup Limit). */
export const GROUPS_PAGE = 60;

export interface MemberChangeParams {
  poolId: string;
  groupName: string;
  username: string;
  reason?: string;
}

function poolPath(poolId: string): string {
  return `/pools/${encodeURIComponent(poolId)}`;
}

export function groupsPath(poolId: string, groupName?: Identifier): string {
  const base = `${poolPath(poolId)}/groups`;
  return groupName === undefined ? base : `${base}/${encodeURIComponent(String(groupName))}`;
}

function memberPath(poolId: string, groupName: string, username: string): string {
  return `${groupsPath(poolId, groupName)}/members/${encodeURIComponent(username)}`;
}

function poolIdOf(meta: { poolId?: string } | undefined): string {
  const poolId = meta?.poolId;
  if (!poolId) throw new Error('No user pool is selected.');
  return poolId;
}

const toGroupRecord = (group: Group): GroupRecord => ({ ...group, id: group.groupName });

export const groupsProvider = resourceProvider('groups', {
  async getList(resource: string, params: GetListParams) {
    const { items, pageInfo, meta } = await listPage<Group>(
      resource,
      groupsPath(poolIdOf(params.meta)),
      params,
      {},
      { defaultPerPage: GROUPS_PAGE, maxPerPage: GROUPS_PAGE },
    );
    return { data: items.map(toGroupRecord), pageInfo, meta };
  },

  async getOne(_resource: string, params: GetOneParams) {
    const group = await apiRequest<Group>(groupsPath(poolIdOf(params.meta), params.id));
    return { data: toGroupRecord(group) };
  },

  async create(_resource: string, params: CreateParams<CreateGroupBody>) {
    const group = await apiRequest<Group>(groupsPath(poolIdOf(params.meta)), {
      method: 'POST',
      body: params.data,
      fieldName: createGroupForm.fieldOf,
      codeFields: createGroupForm.codeFields,
    });
    return { data: toGroupRecord(group) };
  },

  async update(_resource: string, params: UpdateParams & { data: UpdateGroupBody }) {
    const group = await apiRequest<Group>(groupsPath(poolIdOf(params.meta), params.id), {
      method: 'PATCH',
      body: params.data,
      fieldName: editGroupForm.fieldOf,
    });
    return { data: toGroupRecord(group) };
  },

  /** `meta.confirm` is the group name as typed by the operator; the API checks it too. */
  async delete(_resource: string, params: DeleteParams<RaRecord>) {
    await apiRequest<void>(groupsPath(poolIdOf(params.meta), params.id), {
      method: 'DELETE',
      body: { confirm: String(params.meta?.confirm ?? ''), ...optionalReason(params.meta?.reason) },
      fieldName: deleteGroupForm.fieldOf,
    });
    return { data: params.previousData ?? { id: params.id } };
  },

  async addMember(_resource: string, { poolId, groupName, username, reason }: MemberChangeParams) {
    await apiRequest<void>(memberPath(poolId, groupName, username), {
      method: 'PUT',
      body: optionalReason(reason),
    });
  },

  async removeMember(_resource: string, { poolId, groupName, username, reason }: MemberChangeParams) {
    await apiRequest<void>(memberPath(poolId, groupName, username), {
      method: 'DELETE',
      body: optionalReason(reason),
    });
  },
});

/** `useDataProvider<GroupsDataProvider>()` reaches the member methods through the combined provider. */
export type GroupsDataProvider = typeof groupsProvider;

export const groupMembersProvider = resourceProvider('group-members', {
  async getList(resource: string, params: GetListParams) {
    const groupName = params.meta?.groupName as string | undefined;
    if (!groupName) throw new Error('No group is selected.');
    const { items, pageInfo, meta } = await listPage<GroupMember>(
      resource,
      `${groupsPath(poolIdOf(params.meta), groupName)}/members`,
      params,
      {},
      { defaultPerPage: GROUPS_PAGE, maxPerPage: GROUPS_PAGE },
    );
    return { data: items.map((m): GroupMemberRecord => ({ ...m, id: m.username })), pageInfo, meta };
  },
});

export const userGroupsProvider = resourceProvider('user-groups', {
  async getOne(_resource: string, params: GetOneParams) {
    const username = String(params.id);
    const answer = await apiRequest<UserGroups>(
      `${poolPath(poolIdOf(params.meta))}/users/${encodeURIComponent(username)}/groups`,
    );
    return { data: { ...answer, id: username } satisfies UserGroupsRecord };
  },
});

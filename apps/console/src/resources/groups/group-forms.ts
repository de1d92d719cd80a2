/**
 * The one place that ties the group forms to the contract: how each form's values become the request body
 * (create builds `createGroupBodySchema`, edit a diff of what changed against the record it started from,
 * the delete dialog `deleteGroupBodySchema`, the member dialogs `mutationBodySchema`), and which form field
 * shows each body field's problems — the contract's, checked before sending, and the API's.
 */
import {
  createGroupBodySchema,
  deleteGroupBodySchema,
  mutationBodySchema,
  updateGroupBodySchema,
  type CreateGroupBody,
  type DeleteGroupBody,
  type Group,
  type MutationBody,
  type UpdateGroupBody,
} from '@poolkeeper/contract';
import { formLevelError, type ContractForm } from '../../common/contract-form';
import { optionalReason } from '../users/user-forms';

export { optionalReason };

export interface GroupFormValues {
  groupName?: string | null;
  description?: string | null;
  /** react-admin's NumberInput: a number, or null when empty. */
  precedence?: number | string | null;
  roleArn?: string | null;
  reason?: string | null;
}

function clean(value: string | null | undefined): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** The precedence typed: a number (the schema says whether it is a whole one in range), or null if empty. */
function precedenceOf(value: GroupFormValues['precedence']): number | null {
  if (value === null || value === undefined || value === '') return null;
  return typeof value === 'number' ? value : Number(value);
}

export function toCreateGroupBody(values: GroupFormValues): CreateGroupBody {
  const description = clean(values.description);
  const precedence = precedenceOf(values.precedence);
  const roleArn = clean(values.roleArn);
  return {
    groupName: clean(values.groupName),
    ...(description ? { description } : {}),
    ...(precedence !== null ? { precedence } : {}),
    ...(roleArn ? { roleArn } : {}),
    ...optionalReason(values.reason),
  };
}

type Editable = Pick<Group, 'description' | 'precedence' | 'roleArn'>;

/**
 * Only the fields that changed. An emptied description is sent empty (Cognito keeps an empty one); an
 * emptied precedence or role is sent as it is (null, ''), which the contract refuses with its own message:
 * UpdateGroup cannot take a precedence or a role away, only replace it.
 */
export function toUpdateGroupBody(values: GroupFormValues, previous: Editable | undefined): UpdateGroupBody {
  const body: Record<string, unknown> = {};
  const description = clean(values.description);
  if (description !== (previous?.description ?? '')) body['description'] = description;
  const precedence = precedenceOf(values.precedence);
  if (precedence !== (previous?.precedence ?? null)) body['precedence'] = precedence;
  const roleArn = clean(values.roleArn);
  if (roleArn !== (previous?.roleArn ?? '')) body['roleArn'] = roleArn;
  return { ...body, ...optionalReason(values.reason) } as UpdateGroupBody;
}

const sameName = (field: string) =>
  ['groupName', 'description', 'precedence', 'roleArn', 'reason'].includes(field) ? field : formLevelError;

export const createGroupForm: ContractForm<GroupFormValues> = {
  schema: createGroupBodySchema,
  toBody: (values) => toCreateGroupBody(values),
  fieldOf: sameName,
  codeFields: { GROUP_EXISTS: 'groupName' },
};

/** Nothing changed: the contract's "give at least one of …" shows under the description. */
export const editGroupForm: ContractForm<GroupFormValues, { previous: Editable | undefined }> = {
  schema: updateGroupBodySchema,
  toBody: (values, { previous }) => toUpdateGroupBody(values, previous),
  fieldOf: sameName,
};

export interface DeleteGroupValues {
  confirm: string;
  reason: string;
}

export const deleteGroupForm: ContractForm<DeleteGroupValues> = {
  schema: deleteGroupBodySchema,
  toBody: ({ confirm, reason }): DeleteGroupBody => ({ confirm, ...optionalReason(reason) }),
  fieldOf: (field) => (field === 'confirm' || field === 'reason' ? field : formLevelError),
};

/** Adding or removing a member sends only the optional reason. */
export const memberForm: ContractForm<{ reason: string }> = {
  schema: mutationBodySchema,
  toBody: ({ reason }): MutationBody => optionalReason(reason),
  fieldOf: (field) => (field === 'reason' ? field : formLevelError),
};

/**
 * The one place that ties the user forms to the contract: how each form's values become the request
 * body (the invite builds `createUserBodySchema`, the edit a `{ set, remove }` diff against the record
 * it started from, the dialogs `setPasswordBodySchema` and `mutationBodySchema`), and which form field
 * shows each body field's problems — the contract's, checked before sending, and the API's.
 */
import {
  createUserBodySchema,
  mutationBodySchema,
  setPasswordBodySchema,
  updateUserBodySchema,
  type CreateUserBody,
  type MutationBody,
  type SetPasswordBody,
  type UpdateUserBody,
} from '@poolkeeper/contract';
import { formLevelError, type ContractForm } from '../../common/contract-form';

export interface UserFormValues {
  username?: string | null;
  attributes?: Record<string, string | null | undefined>;
  temporaryPassword?: string | null;
  delivery?: 'send' | 'suppress';
  deliveryMediums?: Array<'EMAIL' | 'SMS'>;
  /** Edit: keep a changed email / phone number verified (Cognito unverifies it otherwise). */
  keepVerified?: Partial<Record<'email' | 'phone_number', boolean | null>>;
  reason?: string | null;
}

function clean(value: string | null | undefined): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** The optional audit reason: trimmed, and left out when empty. */
export function optionalReason(reason: string | null | undefined): { reason?: string } {
  const trimmed = clean(reason);
  return trimmed ? { reason: trimmed } : {};
}

export function toCreateBody(values: UserFormValues, editable: readonly string[]): CreateUserBody {
  const attributes: Record<string, string> = {};
  for (const name of editable) {
    const value = clean(values.attributes?.[name]);
    if (value) attributes[name] = value;
  }
  const temporaryPassword = values.temporaryPassword ? values.temporaryPassword : undefined;
  const delivery = values.delivery ?? 'suppress';
  const deliveryMediums: Array<'EMAIL' | 'SMS'> = values.deliveryMediums?.length
    ? values.deliveryMediums
    : ['EMAIL'];
  return {
    username: clean(values.username),
    attributes,
    ...(temporaryPassword ? { temporaryPassword } : {}),
    delivery,
    deliveryMediums,
    ...optionalReason(values.reason),
  };
}

/** The changes between the record's attributes and the form's, limited to what the form edits. */
export function toUpdateBody(
  values: UserFormValues,
  previous: Record<string, string> | undefined,
  editable: readonly string[],
): UpdateUserBody {
  const set: Record<string, string> = {};
  const remove: string[] = [];
  for (const name of editable) {
    const before = previous?.[name] ?? '';
    const after = clean(values.attributes?.[name]);
    if (after === before) continue;
    if (after) set[name] = after;
    else if (before) remove.push(name);
  }
  const keepVerified = (['email', 'phone_number'] as const).filter(
    (name) => name in set && values.keepVerified?.[name] === true,
  );
  return { set, remove, keepVerified, ...optionalReason(values.reason) };
}

/** Invite (Create): the form's fields are named as the body's. */
export const inviteForm: ContractForm<UserFormValues, { editable: readonly string[] }> = {
  schema: createUserBodySchema,
  toBody: (values, { editable }) => toCreateBody(values, editable),
  fieldOf: (field) => field,
  codeFields: { USERNAME_EXISTS: 'username', INVALID_PASSWORD: 'temporaryPassword' },
};

/** Edit: `set.<name>` is shown on the attribute's input; a problem with the diff as a whole, on the form. */
export const editForm: ContractForm<
  UserFormValues,
  { editable: readonly string[]; previous: Record<string, string> | undefined }
> = {
  schema: updateUserBodySchema,
  toBody: (values, { editable, previous }) => toUpdateBody(values, previous, editable),
  fieldOf: (field) =>
    field.startsWith('set.')
      ? `attributes.${field.slice('set.'.length)}`
      : field === 'reason'
        ? 'reason'
        : formLevelError,
};

export interface SetPasswordValues {
  password: string;
  permanent: boolean;
  reason: string;
}

/** The set-password dialog's fields are named as the body's. */
export const setPasswordForm: ContractForm<SetPasswordValues> = {
  schema: setPasswordBodySchema,
  toBody: ({ password, permanent, reason }): SetPasswordBody => ({
    password,
    permanent,
    ...optionalReason(reason),
  }),
  fieldOf: (field) => (field === 'password' || field === 'reason' ? field : formLevelError),
  codeFields: { INVALID_PASSWORD: 'password' },
};

/** Every other user action (disable, enable, reset password, sign out, delete) sends only a reason. */
export const actionForm: ContractForm<{ reason: string }> = {
  schema: mutationBodySchema,
  toBody: ({ reason }): MutationBody => optionalReason(reason),
  fieldOf: (field) => (field === 'reason' ? field : formLevelError),
};

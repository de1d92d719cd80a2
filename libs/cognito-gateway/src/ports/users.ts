import {
  AdminConfirmSignUpCommand,
  AdminCreateUserCommand,
  AdminDeleteUserAttributesCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminResetUserPasswordCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  AdminUserGlobalSignOutCommand,
  ListUsersCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { mapErrors } from '../errors';
import { buildUserFilter } from '../filter';
import { recordToAttributes, toCognitoUser, toCognitoUserDetail } from '../map';
import { read, write } from '../operation';
import type { TokenPage } from '../paging';
import { withRequestId } from '../request-id';
import {
  GatewayError,
  type AwsResult,
  type CognitoUser,
  type CognitoUserDetail,
  type CreateUserInput,
  type ListUsersInput,
} from '../types';

/** ListUsers accepts 1..60. */
export const MAX_LIST_USERS_LIMIT = 60;

type Client = CognitoIdentityProviderClient;

/** One ListUsers page. Cognito may return fewer than `limit` users before the end: follow the token. */
export async function listUsers(client: Client, input: ListUsersInput): Promise<TokenPage<CognitoUser>> {
  return mapErrors(async () => {
    if (!Number.isInteger(input.limit) || input.limit < 1 || input.limit > MAX_LIST_USERS_LIMIT) {
      throw new GatewayError('VALIDATION_FAILED', `limit must be 1 to ${MAX_LIST_USERS_LIMIT}.`, null, null);
    }
    const filter = input.filter ? buildUserFilter(input.filter) : undefined;
    const output = await client.send(
      new ListUsersCommand({
        UserPoolId: input.poolId,
        Limit: input.limit,
        ...(filter ? { Filter: filter } : {}),
        ...(input.paginationToken ? { PaginationToken: input.paginationToken } : {}),
        ...(input.attributesToGet ? { AttributesToGet: input.attributesToGet } : {}),
      }),
    );
    return {
      items: (output.Users ?? []).map(toCognitoUser),
      nextToken: output.PaginationToken || null,
    };
  });
}

export async function getUser(client: Client, poolId: string, username: string): Promise<CognitoUserDetail> {
  return mapErrors(async () => {
    const { $metadata: _metadata, ...output } = await client.send(
      new AdminGetUserCommand({ UserPoolId: poolId, Username: username }),
    );
    return toCognitoUserDetail(output);
  });
}

export async function createUser(client: Client, input: CreateUserInput): Promise<AwsResult<CognitoUser>> {
  return mapErrors(async () => {
    const output = await client.send(
      new AdminCreateUserCommand({
        UserPoolId: input.poolId,
        Username: input.username,
        UserAttributes: recordToAttributes(input.attributes),
        ...(input.temporaryPassword !== undefined ? { TemporaryPassword: input.temporaryPassword } : {}),
        ...(input.messageAction ? { MessageAction: input.messageAction } : {}),
        ...(input.deliveryMediums ? { DesiredDeliveryMediums: input.deliveryMediums } : {}),
      }),
    );
    const user = output.User
      ? toCognitoUser(output.User)
      : toCognitoUser({ Username: input.username, Attributes: recordToAttributes(input.attributes) });
    return withRequestId(user, output);
  });
}

export async function updateUserAttributes(
  client: Client,
  poolId: string,
  username: string,
  attributes: Record<string, string>,
): Promise<AwsResult<void>> {
  return mapErrors(async () => {
    const output = await client.send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: poolId,
        Username: username,
        UserAttributes: recordToAttributes(attributes),
      }),
    );
    return withRequestId(undefined, output);
  });
}

export async function deleteUserAttributes(
  client: Client,
  poolId: string,
  username: string,
  names: string[],
): Promise<AwsResult<void>> {
  return mapErrors(async () => {
    const output = await client.send(
      new AdminDeleteUserAttributesCommand({
        UserPoolId: poolId,
        Username: username,
        UserAttributeNames: names,
      }),
    );
    return withRequestId(undefined, output);
  });
}

export async function setUserPassword(
  client: Client,
  poolId: string,
  username: string,
  password: string,
  permanent: boolean,
): Promise<AwsResult<void>> {
  return mapErrors(async () => {
    const output = await client.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: poolId,
        Username: username,
        Password: password,
        Permanent: permanent,
      }),
    );
    return withRequestId(undefined, output);
  });
}

/**
 * AdminCreateUser with MessageAction RESEND: a new temporary password for a FORCE_CHANGE_PASSWORD user (the
 * old one stops working) and the invitation again (to `deliveryMediums`). Other states: CONFLICT
 * (UnsupportedUserStateException).
 */
export async function resendInvitation(
  client: Client,
  input: {
    poolId: string;
    username: string;
    temporaryPassword?: string;
    deliveryMediums?: Array<'EMAIL' | 'SMS'>;
  },
): Promise<AwsResult<CognitoUser>> {
  return mapErrors(async () => {
    const output = await client.send(
      new AdminCreateUserCommand({
        UserPoolId: input.poolId,
        Username: input.username,
        MessageAction: 'RESEND',
        ...(input.temporaryPassword !== undefined ? { TemporaryPassword: input.temporaryPassword } : {}),
        ...(input.deliveryMediums ? { DesiredDeliveryMediums: input.deliveryMediums } : {}),
      }),
    );
    return withRequestId(toCognitoUser(output.User ?? { Username: input.username }), output);
  });
}

/** The attributes whose verified flag an administrator can set (email_verified, phone_number_verified). */
export type VerifiableAttribute = 'email' | 'phone_number';

/**
 * Marks email and/or phone number verified (AdminUpdateUserAttributes with `<name>_verified` = true; only
 * the flags are sent, so the addresses themselves are untouched).
 */
export async function markAttributesVerified(
  client: Client,
  poolId: string,
  username: string,
  names: VerifiableAttribute[],
): Promise<AwsResult<void>> {
  return mapErrors(async () => {
    if (names.length === 0)
      throw new GatewayError(
        'VALIDATION_FAILED',
        'name at least one attribute to mark verified.',
        null,
        null,
      );
    const output = await client.send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: poolId,
        Username: username,
        UserAttributes: [...new Set(names)].map((n) => ({ Name: `${n}_verified`, Value: 'true' })),
      }),
    );
    return withRequestId(undefined, output);
  });
}

/** The single-user admin commands that take only pool id and username and return nothing. */
const simpleCommands = {
  disableUser: AdminDisableUserCommand,
  enableUser: AdminEnableUserCommand,
  deleteUser: AdminDeleteUserCommand,
  resetUserPassword: AdminResetUserPasswordCommand,
  globalSignOut: AdminUserGlobalSignOutCommand,
  /** AdminConfirmSignUp: UNCONFIRMED → CONFIRMED; other states are NOT_AUTHORIZED ("cannot be confirmed"). */
  confirmSignUp: AdminConfirmSignUpCommand,
} as const;
export type SimpleUserAction = keyof typeof simpleCommands;

export async function runUserAction(
  client: Client,
  action: SimpleUserAction,
  poolId: string,
  username: string,
): Promise<AwsResult<void>> {
  return mapErrors(async () => {
    const Command = simpleCommands[action];
    const output = await client.send(new Command({ UserPoolId: poolId, Username: username }));
    return withRequestId(undefined, output);
  });
}

/** The users port (cognito-idp user operations), each call in the region of its pool. */
export const userOperations = {
  listUsers: read((c, input: ListUsersInput) => listUsers(c.idpForPool(input.poolId), input)),
  getUser: read((c, poolId: string, username: string) => getUser(c.idpForPool(poolId), poolId, username)),
  createUser: write((c, input: CreateUserInput) => createUser(c.idpForPool(input.poolId), input)),
  updateUserAttributes: write((c, poolId: string, username: string, attributes: Record<string, string>) =>
    updateUserAttributes(c.idpForPool(poolId), poolId, username, attributes),
  ),
  deleteUserAttributes: write((c, poolId: string, username: string, names: string[]) =>
    deleteUserAttributes(c.idpForPool(poolId), poolId, username, names),
  ),
  disableUser: write((c, poolId: string, username: string) =>
    runUserAction(c.idpForPool(poolId), 'disableUser', poolId, username),
  ),
  enableUser: write((c, poolId: string, username: string) =>
    runUserAction(c.idpForPool(poolId), 'enableUser', poolId, username),
  ),
  deleteUser: write((c, poolId: string, username: string) =>
    runUserAction(c.idpForPool(poolId), 'deleteUser', poolId, username),
  ),
  resetUserPassword: write((c, poolId: string, username: string) =>
    runUserAction(c.idpForPool(poolId), 'resetUserPassword', poolId, username),
  ),
  setUserPassword: write((c, poolId: string, username: string, password: string, permanent: boolean) =>
    setUserPassword(c.idpForPool(poolId), poolId, username, password, permanent),
  ),
  globalSignOut: write((c, poolId: string, username: string) =>
    runUserAction(c.idpForPool(poolId), 'globalSignOut', poolId, username),
  ),
  resendInvitation: write(
    (
      c,
      input: {
        poolId: string;
        username: string;
        temporaryPassword?: string;
        deliveryMediums?: Array<'EMAIL' | 'SMS'>;
      },
    ) => resendInvitation(c.idpForPool(input.poolId), input),
  ),
  confirmSignUp: write((c, poolId: string, username: string) =>
    runUserAction(c.idpForPool(poolId), 'confirmSignUp', poolId, username),
  ),
  markAttributesVerified: write((c, poolId: string, username: string, names: VerifiableAttribute[]) =>
    markAttributesVerified(c.idpForPool(poolId), poolId, username, names),
  ),
};

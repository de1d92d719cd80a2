import { AwsError, notAuthorized } from '../../core/errors';
import { uuid } from '../../core/ids';
import { optAttributeList, reqString } from '../../core/params';
import { assertPasswordConforms } from '../../core/password-policy';
import { attributeBag, type User } from '../../state/model';
import { mutation, type Operations } from '../registry';
import { findUser, getPool, getPoolByClientId, getUser } from './lookup';
import { setPassword } from './passwords';
import { validateAttributeWrites } from './schema';
import { checkSecretHash } from './sign-in';
import { resolveNewUsername } from './users';

export const signUpOperations: Operations = {
  /**
   * API_SignUp: a self-registered user, UNCONFIRMED until confirmed (AdminConfirmSignUp here: the local
   * Cognito sends no confirmation codes). Refused in pools that allow only administrators to create users.
   */
  SignUp: mutation(async (input, ctx) => {
    const { pool, client } = getPoolByClientId(ctx, reqString(input, 'ClientId', { max: 128 }));
    const requested = reqString(input, 'Username', { max: 128 });
    const password = reqString(input, 'Password', { max: 256 });
    checkSecretHash(client, requested, typeof input.SecretHash === 'string' ? input.SecretHash : undefined);
    if (pool.allowAdminCreateUserOnly) throw notAuthorized('SignUp is not permitted for this user pool');
    assertPasswordConforms(password, pool.passwordPolicy);
    const attrList = optAttributeList(input, 'UserAttributes') ?? [];
    validateAttributeWrites(pool, attrList, true);
    const attributes = attributeBag(attrList.map((a) => [a.Name, a.Value]));
    const sub = uuid();
    const username = resolveNewUsername(pool, requested, sub, attributes);
    const exists = () => findUser(pool, requested) || pool.users.has(username.toLowerCase());
    if (exists()) throw new AwsError('UsernameExistsException', 'User already exists');
    const now = ctx.now();
    const user: User = {
      username,
      sub,
      attributes,
      createdAt: now,
      modifiedAt: now,
      enabled: true,
      status: 'UNCONFIRMED',
      groups: [],
    };
    await setPassword(pool, user, password, now);
    if (exists()) throw new AwsError('UsernameExistsException', 'User already exists');
    pool.users.set(username.toLowerCase(), user);
    return { UserConfirmed: false, UserSub: sub };
  }),

  /**
   * API_AdminConfirmSignUp: confirms an UNCONFIRMED user without a code. Any other status is
   * NotAuthorizedException "User cannot be confirmed. Current status is <status>".
   */
  AdminConfirmSignUp: mutation((input, ctx) => {
    const pool = getPool(ctx, reqString(input, 'UserPoolId'));
    const user = getUser(pool, reqString(input, 'Username', { max: 128 }));
    if (user.status !== 'UNCONFIRMED')
      throw notAuthorized(`User cannot be confirmed. Current status is ${user.status}`);
    user.status = 'CONFIRMED';
    user.modifiedAt = ctx.now();
    return {};
  }),
};

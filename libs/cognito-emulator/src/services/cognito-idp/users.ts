import { AwsError, invalidParameter } from '../../core/errors';
import { uuid } from '../../core/ids';
import { matchesUserFilter, parseUserFilter } from '../../core/list-users-filter';
import { paginate, paginateSorted } from '../../core/pagination';
import { UserMap } from '../../state/change-tracking';
import { optAttributeList, optInt, optString, optStringList, reqString } from '../../core/params';
import { assertPasswordConforms, generateTemporaryPassword } from '../../core/password-policy';
import { attributeBag, type AttributeBag, type User, type UserPool } from '../../state/model';
import { mutation, Operations, query } from '../registry';
import { findUser, getPool, getUser, unsupportedUserState } from './lookup';
import { setPassword } from './passwords';
import { schemaAttribute, validateAttributeWrites } from './schema';
import { revokeUserRefreshTokens } from './tokens';
import { adminGetUserView, userTypeView } from './views';

const USERNAME = /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u;

/** Pools signing in with email/phone store a uuid username and the address as an attribute. */
export function resolveNewUsername(
  pool: UserPool,
  requested: string,
  sub: string,
  attrs: AttributeBag,
): string {
  if (!pool.usernameAttributes) return requested;
  if (pool.usernameAttributes.includes('email') && requested.includes('@')) {
    attrs.email ??= requested;
    return sub;
  }
  if (pool.usernameAttributes.includes('phone_number') && /^\+[0-9]+$/.test(requested)) {
    attrs.phone_number ??= requested;
    return sub;
  }
  throw invalidParameter('Username should be either an email or a phone number.');
}

async function setTemporaryPassword(pool: UserPool, user: User, given: string | undefined, now: number) {
  if (given !== undefined) assertPasswordConforms(given, pool.passwordPolicy);
  await setPassword(pool, user, given ?? generateTemporaryPassword(pool.passwordPolicy), now);
}

export const userOperations: Operations = {
  AdminCreateUser: mutation(async (input, ctx) => {
    const pool = getPool(ctx, reqString(input, 'UserPoolId'));
    const requested = reqString(input, 'Username', { max: 128 });
    if (!USERNAME.test(requested))
      throw invalidParameter('Username contains characters that are not allowed.');
    const action = optString(input, 'MessageAction');
    if (action !== undefined && action !== 'SUPPRESS' && action !== 'RESEND')
      throw invalidParameter(`Invalid MessageAction ${action}.`);
    const mediums = optStringList(input, 'DesiredDeliveryMediums') ?? [];
    if (mediums.some((m) => m !== 'SMS' && m !== 'EMAIL'))
      throw invalidParameter('DesiredDeliveryMediums may only contain SMS and EMAIL.');
    const tempPassword = optString(input, 'TemporaryPassword', { max: 256 });
    const now = ctx.now();

    if (action === 'RESEND') {
      const user = getUser(pool, requested);
      if (user.status !== 'FORCE_CHANGE_PASSWORD')
        throw unsupportedUserState('Resend not possible. User is already confirmed.');
      await setTemporaryPassword(pool, user, tempPassword, now);
      user.modifiedAt = now;
      return { User: userTypeView(user) };
    }

    const attrList = optAttributeList(input, 'UserAttributes') ?? [];
    validateAttributeWrites(pool, attrList, true);
    const attributes = attributeBag(attrList.map((a) => [a.Name, a.Value]));
    const sub = uuid();
    const username = resolveNewUsername(pool, requested, sub, attributes);
    if (findUser(pool, requested) || pool.users.has(username.toLowerCase())) {
      throw new AwsError('UsernameExistsException', 'User account already exists');
    }
    const user: User = {
      username,
      sub,
      attributes,
      createdAt: now,
      modifiedAt: now,
      enabled: true,
      status: 'FORCE_CHANGE_PASSWORD',
      groups: [],
    };
    await setTemporaryPassword(pool, user, tempPassword, now);
    // Re-check after the await: a concurrent request may have created the same user.
    if (pool.users.has(username.toLowerCase()))
      throw new AwsError('UsernameExistsException', 'User account already exists');
    pool.users.set(username.toLowerCase(), user);
    return { User: userTypeView(user) };
  }),

  AdminGetUser: query((input, ctx) => {
    const pool = getPool(ctx, reqString(input, 'UserPoolId'));
    return adminGetUserView(getUser(pool, reqString(input, 'Username')));
  }),

  ListUsers: query((input, ctx) => {
    const pool = getPool(ctx, reqString(input, 'UserPoolId'));
    const limit = optInt(input, 'Limit', 1, 60) ?? 60;
    const filterText = optString(input, 'Filter', { max: 256 });
    const filter = parseUserFilter(filterText);
    const only = optStringList(input, 'AttributesToGet');
    const unknown = only?.find((n) => n !== 'sub' && !schemaAttribute(pool, n));
    if (unknown) throw invalidParameter(`One or more requested attributes do not exist: ${unknown}`);
    const scope = `ListUsers:${pool.id}:${filterText ?? ''}`;
    const token = optString(input, 'PaginationToken');
    const match = (u: User) => !filter || matchesUserFilter(u, filter);
    // ordered by lowercased username, the map's key: the pool's sorted index pages without a sort
    const page =
      pool.users instanceof UserMap
        ? paginateSorted(pool.users.sortedKeys(), (k) => pool.users.get(k), match, limit, token, scope)
        : paginate(
            [...pool.users.values()].filter(match),
            (u) => u.username.toLowerCase(),
            limit,
            token,
            scope,
          );
    return {
      Users: page.items.map((u) => userTypeView(u, only && only.length > 0 ? only : undefined)),
      ...(page.nextToken ? { PaginationToken: page.nextToken } : {}),
    };
  }),

  AdminUpdateUserAttributes: mutation((input, ctx) => {
    const pool = getPool(ctx, reqString(input, 'UserPoolId'));
    const user = getUser(pool, reqString(input, 'Username'));
    const attrs = optAttributeList(input, 'UserAttributes');
    if (!attrs)
      throw invalidParameter(
        "1 validation error detected: Value null at 'userAttributes' failed to satisfy constraint: Member must not be null",
      );
    validateAttributeWrites(pool, attrs, false);
    const names = new Set(attrs.map((a) => a.Name));
    for (const { Name, Value } of attrs) {
      if (Name === 'email' && user.attributes.email !== Value && !names.has('email_verified'))
        user.attributes.email_verified = 'false';
      if (
        Name === 'phone_number' &&
        user.attributes.phone_number !== Value &&
        !names.has('phone_number_verified')
      ) {
        user.attributes.phone_number_verified = 'false';
      }
      user.attributes[Name] = Value;
    }
    user.modifiedAt = ctx.now();
    return {};
  }),

  AdminDeleteUserAttributes: mutation((input, ctx) => {
    const pool = getPool(ctx, reqString(input, 'UserPoolId'));
    const user = getUser(pool, reqString(input, 'Username'));
    const names = optStringList(input, 'UserAttributeNames');
    if (!names)
      throw invalidParameter(
        "1 validation error detected: Value null at 'userAttributeNames' failed to satisfy constraint: Member must not be null",
      );
    for (const name of names) {
      const def = schemaAttribute(pool, name);
      if (!def) throw invalidParameter(`Attribute does not exist in the schema: ${name}`);
      if (name === 'sub' || def.Required)
        throw invalidParameter(`Cannot delete the required attribute ${name}`);
      if (!def.Mutable) throw invalidParameter(`Cannot modify the non-mutable attribute ${name}`);
    }
    for (const name of names) delete user.attributes[name];
    user.modifiedAt = ctx.now();
    return {};
  }),

  AdminDeleteUser: mutation((input, ctx) => {
    const pool = getPool(ctx, reqString(input, 'UserPoolId'));
    const user = getUser(pool, reqString(input, 'Username'));
    pool.users.delete(user.username.toLowerCase());
    revokeUserRefreshTokens(ctx, pool.id, user.sub);
    return {};
  }),
};

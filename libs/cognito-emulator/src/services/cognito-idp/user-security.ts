import { optBool, reqString } from '../../core/params';
import { assertPasswordConforms } from '../../core/password-policy';
import { mutation, Operations } from '../registry';
import { getPool, getUser } from './lookup';
import { setPassword } from './passwords';
import { revokeUserRefreshTokens } from './tokens';

export const userSecurityOperations: Operations = {
  AdminDisableUser: mutation((input, ctx) => {
    const pool = getPool(ctx, reqString(input, 'UserPoolId'));
    const user = getUser(pool, reqString(input, 'Username'));
    user.enabled = false;
    user.modifiedAt = ctx.now();
    revokeUserRefreshTokens(ctx, pool.id, user.sub);
    return {};
  }),

  AdminEnableUser: mutation((input, ctx) => {
    const pool = getPool(ctx, reqString(input, 'UserPoolId'));
    const user = getUser(pool, reqString(input, 'Username'));
    user.enabled = true;
    user.modifiedAt = ctx.now();
    return {};
  }),

  AdminResetUserPassword: mutation((input, ctx) => {
    const pool = getPool(ctx, reqString(input, 'UserPoolId'));
    const user = getUser(pool, reqString(input, 'Username'));
    user.status = 'RESET_REQUIRED';
    user.modifiedAt = ctx.now();
    return {};
  }),

  AdminSetUserPassword: mutation(async (input, ctx) => {
    const pool = getPool(ctx, reqString(input, 'UserPoolId'));
    const user = getUser(pool, reqString(input, 'Username'));
    const password = reqString(input, 'Password', { max: 256 });
    const permanent = optBool(input, 'Permanent') ?? false;
    assertPasswordConforms(password, pool.passwordPolicy);
    const now = ctx.now();
    await setPassword(pool, user, password, now);
    user.status = permanent ? 'CONFIRMED' : 'FORCE_CHANGE_PASSWORD';
    user.modifiedAt = now;
    return {};
  }),

  AdminUserGlobalSignOut: mutation((input, ctx) => {
    const pool = getPool(ctx, reqString(input, 'UserPoolId'));
    const user = getUser(pool, reqString(input, 'Username'));
    user.tokensValidAfter = ctx.now();
    revokeUserRefreshTokens(ctx, pool.id, user.sub);
    return {};
  }),
};

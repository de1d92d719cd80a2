import { createHmac, timingSafeEqual } from 'node:crypto';
import { AwsError, invalidParameter, notAuthorized } from '../../core/errors';
import { optStringMap, reqString } from '../../core/params';
import { assertPasswordConforms } from '../../core/password-policy';
import { checkPassword, hashPassword } from '../../core/password-hash';
import type { AppClient, User, UserPool } from '../../state/model';
import { mutation, OperationContext, Operations } from '../registry';
import { findUser, getPoolByClientId } from './lookup';
import { validateAttributeWrites } from './schema';
import { issueSignInTokens, refreshTokens } from './tokens';

const INCORRECT = 'Incorrect username or password.';
const BAD_SESSION = 'Invalid session for the user, session is expired.';

function flowAllowed(client: AppClient, flow: 'USER_PASSWORD_AUTH' | 'REFRESH_TOKEN_AUTH'): boolean {
  const flows = client.explicitAuthFlows;
  const modern = flows.some((f) => f.startsWith('ALLOW_'));
  if (flow === 'USER_PASSWORD_AUTH')
    return flows.includes('ALLOW_USER_PASSWORD_AUTH') || flows.includes('USER_PASSWORD_AUTH');
  return !modern || flows.includes('ALLOW_REFRESH_TOKEN_AUTH');
}

function checkSecretHash(client: AppClient, username: string, given: string | undefined): void {
  if (!client.secret) return;
  const expected = createHmac('sha256', client.secret)
    .update(username + client.id)
    .digest();
  const actual = Buffer.from(given ?? '', 'base64');
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
    throw notAuthorized(`Unable to verify secret hash for client ${client.id}`);
  }
}

const challengeUserAttributes = (user: User): string =>
  JSON.stringify(Object.fromEntries(Object.entries(user.attributes)));

async function passwordSignIn(
  ctx: OperationContext,
  pool: UserPool,
  client: AppClient,
  params: Record<string, string>,
) {
  if (!flowAllowed(client, 'USER_PASSWORD_AUTH'))
    throw invalidParameter('USER_PASSWORD_AUTH flow not enabled for this client');
  const username = params.USERNAME;
  const password = params.PASSWORD;
  if (!username) throw invalidParameter('Missing required parameter USERNAME');
  if (password === undefined) throw invalidParameter('Missing required parameter PASSWORD');
  checkSecretHash(client, username, params.SECRET_HASH);
  const user = findUser(pool, username);
  if (!user) throw notAuthorized(INCORRECT);
  if (!user.enabled) throw notAuthorized('User is disabled.');
  if (user.status === 'RESET_REQUIRED')
    throw new AwsError('PasswordResetRequiredException', 'Password reset required for the user');
  if (!(await checkPassword(password, user.passwordHash))) throw notAuthorized(INCORRECT);
  if (user.status === 'UNCONFIRMED')
    throw new AwsError('UserNotConfirmedException', 'User is not confirmed.');
  if (user.status === 'FORCE_CHANGE_PASSWORD') {
    const days = pool.passwordPolicy.TemporaryPasswordValidityDays;
    if (days > 0 && (user.passwordSetAt ?? 0) + days * 86400000 < ctx.now()) {
      throw notAuthorized('Temporary password has expired and must be reset by an administrator.');
    }
    const session = ctx.sessions.create(
      {
        poolId: pool.id,
        clientId: client.id,
        username: user.username,
        sub: user.sub,
        challenge: 'NEW_PASSWORD_REQUIRED',
      },
      ctx.now(),
    );
    return {
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: session,
      ChallengeParameters: {
        USER_ID_FOR_SRP: user.username,
        requiredAttributes: '[]',
        userAttributes: challengeUserAttributes(user),
      },
    };
  }
  return { ChallengeParameters: {}, AuthenticationResult: issueSignInTokens(ctx, pool, client, user) };
}

function refreshSignIn(
  ctx: OperationContext,
  pool: UserPool,
  client: AppClient,
  params: Record<string, string>,
) {
  if (!flowAllowed(client, 'REFRESH_TOKEN_AUTH'))
    throw invalidParameter('Refresh Token auth flow not enabled for this client');
  const token = params.REFRESH_TOKEN;
  if (!token) throw invalidParameter('Missing required parameter REFRESH_TOKEN');
  const result = refreshTokens(ctx, pool, client, token);
  if (client.secret) checkSecretHash(client, params.USERNAME ?? '', params.SECRET_HASH);
  return { ChallengeParameters: {}, AuthenticationResult: result };
}

export const authOperations: Operations = {
  InitiateAuth: mutation(async (input, ctx) => {
    const clientId = reqString(input, 'ClientId', { max: 128 });
    const flow = reqString(input, 'AuthFlow');
    const params = optStringMap(input, 'AuthParameters') ?? {};
    const { pool, client } = getPoolByClientId(ctx, clientId);
    if (flow === 'USER_PASSWORD_AUTH') return passwordSignIn(ctx, pool, client, params);
    if (flow === 'REFRESH_TOKEN_AUTH' || flow === 'REFRESH_TOKEN')
      return refreshSignIn(ctx, pool, client, params);
    throw invalidParameter(
      `AuthFlow ${flow} is not supported by the poolkeeper local Cognito emulator (use USER_PASSWORD_AUTH or REFRESH_TOKEN_AUTH).`,
    );
  }),

  RespondToAuthChallenge: mutation(async (input, ctx) => {
    const clientId = reqString(input, 'ClientId', { max: 128 });
    const challenge = reqString(input, 'ChallengeName');
    const responses = optStringMap(input, 'ChallengeResponses') ?? {};
    const { pool, client } = getPoolByClientId(ctx, clientId);
    if (challenge !== 'NEW_PASSWORD_REQUIRED') {
      throw invalidParameter(
        `ChallengeName ${challenge} is not supported by the poolkeeper local Cognito emulator.`,
      );
    }
    const sessionToken = reqString(input, 'Session', { max: 2048 });
    const session = ctx.sessions.peek(sessionToken, ctx.now());
    if (
      !session ||
      session.clientId !== client.id ||
      session.poolId !== pool.id ||
      session.challenge !== challenge
    ) {
      throw notAuthorized(BAD_SESSION);
    }
    const username = responses.USERNAME;
    if (!username) throw invalidParameter('Missing required parameter USERNAME');
    const user = findUser(pool, username);
    if (!user || user.sub !== session.sub) throw notAuthorized('Invalid session for the user.');
    checkSecretHash(client, username, responses.SECRET_HASH);
    if (!user.enabled || user.status !== 'FORCE_CHANGE_PASSWORD') {
      ctx.sessions.consume(sessionToken);
      throw notAuthorized(BAD_SESSION);
    }
    const newPassword = responses.NEW_PASSWORD;
    if (!newPassword) throw invalidParameter('Missing required parameter NEW_PASSWORD');
    assertPasswordConforms(newPassword, pool.passwordPolicy);
    const attrs = Object.entries(responses)
      .filter(([k]) => k.startsWith('userAttributes.'))
      .map(([k, v]) => ({ Name: k.slice('userAttributes.'.length), Value: v }));
    validateAttributeWrites(pool, attrs, false);
    ctx.sessions.consume(sessionToken); // single use: consumed before any await
    const hash = await hashPassword(newPassword);
    const now = ctx.now();
    for (const a of attrs) user.attributes[a.Name] = a.Value;
    user.passwordHash = hash;
    user.passwordSetAt = now;
    user.status = 'CONFIRMED';
    user.modifiedAt = now;
    return { ChallengeParameters: {}, AuthenticationResult: issueSignInTokens(ctx, pool, client, user) };
  }),
};

import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AuthSession } from '../../core/auth-sessions';
import { AwsError, invalidParameter, notAuthorized } from '../../core/errors';
import { assertPasswordConforms } from '../../core/password-policy';
import { matchTotp } from '../../core/totp';
import type { AppClient, User, UserPool } from '../../state/model';
import type { OperationContext } from '../registry';
import { recordSignIn, updateSignIn } from './auth-events';
import { findUser, findUserBySub } from './lookup';
import { activeUserFactors, poolMfaFactors, SMS_MFA, SOFTWARE_TOKEN_MFA } from './mfa-state';
import { setPassword } from './passwords';
import { validateAttributeWrites } from './schema';
import { issueSignInTokens } from './tokens';

export const INCORRECT = 'Incorrect username or password.';
export const BAD_SESSION = 'Invalid session for the user, session is expired.';
/** RespondToAuthChallenge with a wrong MFA code (API_RespondToAuthChallenge, CodeMismatchException). */
const CODE_MISMATCH = 'Invalid code or auth state for the user.';
/** Wrong codes a challenge session takes before it ends. */
const MAX_CODE_FAILURES = 5;

type EventContext = Record<string, string> | undefined;

export function checkSecretHash(client: AppClient, username: string, given: string | undefined): void {
  if (!client.secret) return;
  const expected = createHmac('sha256', client.secret)
    .update(username + client.id)
    .digest();
  const actual = Buffer.from(given ?? '', 'base64');
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
    throw notAuthorized(`Unable to verify secret hash for client ${client.id}`);
  }
}

/** The checks before a password is looked at: disabled users and users who must reset it. */
export function assertCanSignIn(user: User): void {
  if (!user.enabled) throw notAuthorized('User is disabled.');
  if (user.status === 'RESET_REQUIRED')
    throw new AwsError('PasswordResetRequiredException', 'Password reset required for the user');
}

function startChallenge(
  ctx: OperationContext,
  pool: UserPool,
  client: AppClient,
  user: User,
  challenge: string,
  parameters: Record<string, string>,
  eventId: string | undefined,
) {
  const session = ctx.sessions.create(
    {
      poolId: pool.id,
      clientId: client.id,
      username: user.username,
      sub: user.sub,
      challenge,
      ...(eventId ? { eventId } : {}),
    },
    ctx.now(),
  );
  return { ChallengeName: challenge, Session: session, ChallengeParameters: parameters };
}

/**
 * What follows a proven password (USER_PASSWORD_AUTH, ADMIN_USER_PASSWORD_AUTH, SRP's PASSWORD_VERIFIER):
 * UNCONFIRMED users are refused, FORCE_CHANGE_PASSWORD users get NEW_PASSWORD_REQUIRED, then MFA (below).
 * `eventId` is the sign-in's event when an earlier step recorded it.
 */
export function afterPassword(
  ctx: OperationContext,
  pool: UserPool,
  client: AppClient,
  user: User,
  context: EventContext,
) {
  if (user.status === 'UNCONFIRMED') {
    recordSignIn(ctx, pool, user, failedPassword(context, 'Success'));
    throw new AwsError('UserNotConfirmedException', 'User is not confirmed.');
  }
  if (user.status === 'FORCE_CHANGE_PASSWORD') {
    const days = pool.passwordPolicy.TemporaryPasswordValidityDays;
    if (days > 0 && (user.passwordSetAt ?? 0) + days * 86400000 < ctx.now()) {
      recordSignIn(ctx, pool, user, failedPassword(context, 'Failure'));
      throw notAuthorized('Temporary password has expired and must be reset by an administrator.');
    }
    const eventId = recordSignIn(ctx, pool, user, inProgress(context));
    return startChallenge(
      ctx,
      pool,
      client,
      user,
      'NEW_PASSWORD_REQUIRED',
      {
        USER_ID_FOR_SRP: user.username,
        requiredAttributes: '[]',
        userAttributes: JSON.stringify(Object.fromEntries(Object.entries(user.attributes))),
      },
      eventId,
    );
  }
  return mfaStep(ctx, pool, client, user, recordSignIn(ctx, pool, user, inProgress(context)));
}

const inProgress = (context: EventContext) => ({
  eventResponse: 'InProgress' as const,
  challengeResponses: [{ ChallengeName: 'Password' as const, ChallengeResponse: 'Success' as const }],
  ...(context ? { context } : {}),
});

export const failedPassword = (context: EventContext, password: 'Success' | 'Failure') => ({
  eventResponse: 'Fail' as const,
  challengeResponses: [{ ChallengeName: 'Password' as const, ChallengeResponse: password }],
  ...(context ? { context } : {}),
});

/**
 * The MFA step of a sign-in (API_InitiateAuth, "MFA"): a user with a TOTP factor the pool offers answers
 * SOFTWARE_TOKEN_MFA; in a pool with MFA ON, a user with no factor answers MFA_SETUP (MFAS_CAN_SETUP lists
 * what the pool offers); otherwise tokens.
 */
function mfaStep(
  ctx: OperationContext,
  pool: UserPool,
  client: AppClient,
  user: User,
  eventId: string | undefined,
) {
  const factors = activeUserFactors(pool, user);
  if (factors.includes(SOFTWARE_TOKEN_MFA))
    return startChallenge(ctx, pool, client, user, SOFTWARE_TOKEN_MFA, {}, eventId);
  if (pool.mfaConfiguration === 'ON') {
    const offered = poolMfaFactors(pool);
    const canSetUp = [
      ...(offered.sms ? [SMS_MFA] : []),
      ...(offered.softwareToken ? [SOFTWARE_TOKEN_MFA] : []),
    ];
    return startChallenge(
      ctx,
      pool,
      client,
      user,
      'MFA_SETUP',
      {
        MFAS_CAN_SETUP: JSON.stringify(canSetUp),
        USER_ID_FOR_SRP: user.username,
      },
      eventId,
    );
  }
  updateSignIn(user, eventId, 'Pass');
  return { ChallengeParameters: {}, AuthenticationResult: issueSignInTokens(ctx, pool, client, user) };
}

/** A live challenge session of the named challenge, with its pool and user; NotAuthorizedException otherwise. */
export function challengeSession(ctx: OperationContext, token: string, challenge: string) {
  const session = ctx.sessions.peek(token, ctx.now());
  if (!session || session.challenge !== challenge) throw notAuthorized(BAD_SESSION);
  const pool = ctx.state.pools.get(session.poolId);
  const user = pool ? findUserBySub(pool, session.sub) : undefined;
  if (!pool || !user) throw notAuthorized(BAD_SESSION);
  return { pool, user, session };
}

/** The session of a RespondToAuthChallenge, bound to this client, and the user it names (USERNAME). */
function sessionFor(
  ctx: OperationContext,
  pool: UserPool,
  client: AppClient,
  challenge: string,
  sessionToken: string,
  responses: Record<string, string>,
): { user: User; session: AuthSession } {
  const found = challengeSession(ctx, sessionToken, challenge);
  if (found.pool.id !== pool.id || found.session.clientId !== client.id) throw notAuthorized(BAD_SESSION);
  const username = responses.USERNAME;
  if (!username) throw invalidParameter('Missing required parameter USERNAME');
  const named = findUser(pool, username);
  if (!named || named.sub !== found.user.sub) throw notAuthorized('Invalid session for the user.');
  checkSecretHash(client, username, responses.SECRET_HASH);
  if (!named.enabled) {
    ctx.sessions.consume(sessionToken);
    throw notAuthorized('User is disabled.');
  }
  return { user: named, session: found.session };
}

/** NEW_PASSWORD_REQUIRED: sets the new password (and given attributes), then the MFA step. */
export async function respondNewPassword(
  ctx: OperationContext,
  pool: UserPool,
  client: AppClient,
  sessionToken: string,
  responses: Record<string, string>,
) {
  const { user, session } = sessionFor(ctx, pool, client, 'NEW_PASSWORD_REQUIRED', sessionToken, responses);
  if (user.status !== 'FORCE_CHANGE_PASSWORD') {
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
  const now = ctx.now();
  await setPassword(pool, user, newPassword, now);
  for (const a of attrs) user.attributes[a.Name] = a.Value;
  user.status = 'CONFIRMED';
  user.modifiedAt = now;
  return mfaStep(ctx, pool, client, user, session.eventId);
}

/**
 * SOFTWARE_TOKEN_MFA: SOFTWARE_TOKEN_MFA_CODE from the user's authenticator. A wrong (or already used) code is
 * CodeMismatchException and the session may try again, up to 5 times; a right one ends the session (a reused
 * session is refused) and signs in.
 */
export function respondSoftwareToken(
  ctx: OperationContext,
  pool: UserPool,
  client: AppClient,
  sessionToken: string,
  responses: Record<string, string>,
) {
  const { user, session } = sessionFor(ctx, pool, client, SOFTWARE_TOKEN_MFA, sessionToken, responses);
  const code = responses.SOFTWARE_TOKEN_MFA_CODE;
  if (!code) throw invalidParameter('Missing required parameter SOFTWARE_TOKEN_MFA_CODE');
  const token = user.softwareToken;
  const step = token ? matchTotp(token.secret, code, ctx.now(), token.lastUsedStep) : undefined;
  if (!token || step === undefined) {
    session.failures = (session.failures ?? 0) + 1;
    if (session.failures >= MAX_CODE_FAILURES) ctx.sessions.consume(sessionToken);
    updateSignIn(user, session.eventId, 'Fail', 'Failure');
    throw new AwsError('CodeMismatchException', CODE_MISMATCH);
  }
  ctx.sessions.consume(sessionToken);
  token.lastUsedStep = step;
  updateSignIn(user, session.eventId, 'Pass', 'Success');
  return { ChallengeParameters: {}, AuthenticationResult: issueSignInTokens(ctx, pool, client, user) };
}

/** MFA_SETUP: answered once AssociateSoftwareToken and VerifySoftwareToken went through with the session. */
export function respondMfaSetup(
  ctx: OperationContext,
  pool: UserPool,
  client: AppClient,
  sessionToken: string,
  responses: Record<string, string>,
) {
  const { user, session } = sessionFor(ctx, pool, client, 'MFA_SETUP', sessionToken, responses);
  if (session.stage !== 'verified' || !user.softwareToken)
    throw invalidParameter('Set up an MFA factor first: AssociateSoftwareToken, then VerifySoftwareToken.');
  ctx.sessions.consume(sessionToken);
  updateSignIn(user, session.eventId, 'Pass', 'Success');
  return { ChallengeParameters: {}, AuthenticationResult: issueSignInTokens(ctx, pool, client, user) };
}

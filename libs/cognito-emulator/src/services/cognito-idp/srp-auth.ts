import { randomBytes, timingSafeEqual } from 'node:crypto';
import { invalidParameter, notAuthorized } from '../../core/errors';
import {
  claimSignature,
  createVerifier,
  serverEphemeral,
  serverKey,
  SRP_TIMESTAMP,
  srpPoolName,
  validClientA,
} from '../../core/srp';
import type { AppClient, UserPool } from '../../state/model';
import type { OperationContext } from '../registry';
import { recordSignIn } from './auth-events';
import { findUser, findUserBySub } from './lookup';
import { afterPassword, assertCanSignIn, checkSecretHash, failedPassword, INCORRECT } from './sign-in';

const PASSWORD_VERIFIER = 'PASSWORD_VERIFIER';

/**
 * USER_SRP_AUTH, step 1 (API_InitiateAuth): USERNAME and SRP_A in, PASSWORD_VERIFIER out with SALT, SRP_B,
 * SECRET_BLOCK (the emulator's session, opaque to the client) and USER_ID_FOR_SRP (the username the client
 * hashes). An unknown user gets a challenge that can never be answered, so the answer does not reveal
 * whether the user exists (PreventUserExistenceErrors).
 */
export function startSrp(
  ctx: OperationContext,
  pool: UserPool,
  client: AppClient,
  params: Record<string, string>,
  context: Record<string, string> | undefined,
) {
  const username = params.USERNAME;
  const A = params.SRP_A;
  if (!username) throw invalidParameter('Missing required parameter USERNAME');
  if (!A) throw invalidParameter('Missing required parameter SRP_A');
  if (!validClientA(A)) throw invalidParameter('Illegal parameter in SRP_A.');
  checkSecretHash(client, username, params.SECRET_HASH);
  const user = findUser(pool, username);
  if (user) assertCanSignIn(user);
  // a user without a verifier (a password set before SRP existed here) can only fail, like an unknown one
  const srp = user?.srp ?? createVerifier(srpPoolName(pool.id), username, randomBytes(16).toString('hex'));
  const { b, B } = serverEphemeral(srp.verifier);
  const session = ctx.sessions.create(
    {
      poolId: pool.id,
      clientId: client.id,
      username: user?.username ?? username,
      sub: user?.srp ? user.sub : '',
      challenge: PASSWORD_VERIFIER,
      srp: { A, b, B },
      ...(context ? { context } : {}),
    },
    ctx.now(),
  );
  return {
    ChallengeName: PASSWORD_VERIFIER,
    ChallengeParameters: {
      SALT: srp.salt,
      SECRET_BLOCK: Buffer.from(session, 'utf8').toString('base64'),
      SRP_B: B,
      USERNAME: user?.username ?? username,
      USER_ID_FOR_SRP: user?.username ?? username,
    },
  };
}

/**
 * USER_SRP_AUTH, step 2 (RespondToAuthChallenge PASSWORD_VERIFIER): PASSWORD_CLAIM_SECRET_BLOCK,
 * PASSWORD_CLAIM_SIGNATURE and TIMESTAMP ("ddd MMM D HH:mm:ss UTC YYYY"). The secret block is single use.
 */
export function verifySrp(
  ctx: OperationContext,
  pool: UserPool,
  client: AppClient,
  responses: Record<string, string>,
) {
  const block = responses.PASSWORD_CLAIM_SECRET_BLOCK;
  const signature = responses.PASSWORD_CLAIM_SIGNATURE;
  const timestamp = responses.TIMESTAMP;
  if (!responses.USERNAME) throw invalidParameter('Missing required parameter USERNAME');
  if (!block) throw invalidParameter('Missing required parameter PASSWORD_CLAIM_SECRET_BLOCK');
  if (!signature) throw invalidParameter('Missing required parameter PASSWORD_CLAIM_SIGNATURE');
  if (!timestamp) throw invalidParameter('Missing required parameter TIMESTAMP');
  if (!SRP_TIMESTAMP.test(timestamp))
    throw invalidParameter('TIMESTAMP format should be EEE MMM d HH:mm:ss z yyyy in english.');
  checkSecretHash(client, responses.USERNAME, responses.SECRET_HASH);
  const sessionToken = Buffer.from(block, 'base64').toString('utf8');
  const session = ctx.sessions.peek(sessionToken, ctx.now());
  if (!session || session.challenge !== PASSWORD_VERIFIER || !session.srp)
    throw notAuthorized('Invalid session for the user, session is expired.');
  if (session.poolId !== pool.id || session.clientId !== client.id) throw notAuthorized(INCORRECT);
  ctx.sessions.consume(sessionToken);
  const user = session.sub ? findUserBySub(pool, session.sub) : undefined;
  const named = findUser(pool, responses.USERNAME);
  if (!user?.srp || !named || named.sub !== user.sub) throw notAuthorized(INCORRECT);
  assertCanSignIn(user);
  const key = serverKey(session.srp.A, session.srp.b, session.srp.B, user.srp.verifier);
  const expected = Buffer.from(
    claimSignature(key, srpPoolName(pool.id), user.username, block, timestamp),
    'base64',
  );
  const given = Buffer.from(signature, 'base64');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    recordSignIn(ctx, pool, user, failedPassword(session.context, 'Failure'));
    throw notAuthorized(INCORRECT);
  }
  return afterPassword(ctx, pool, client, user, session.context);
}

import { invalidParameter, notAuthorized } from '../../core/errors';
import { type Input, optStringMap, reqString } from '../../core/params';
import { checkPassword } from '../../core/password-hash';
import type { AppClient, UserPool } from '../../state/model';
import { mutation, type OperationContext, type Operations } from '../registry';
import { eventContextOf, recordSignIn } from './auth-events';
import { findUser, getClient, getPool, getPoolByClientId } from './lookup';
import {
  afterPassword,
  assertCanSignIn,
  checkSecretHash,
  failedPassword,
  INCORRECT,
  respondMfaSetup,
  respondNewPassword,
  respondSoftwareToken,
} from './sign-in';
import { startSrp, verifySrp } from './srp-auth';
import { refreshTokens } from './tokens';

type Flow = 'USER_PASSWORD_AUTH' | 'ADMIN_USER_PASSWORD_AUTH' | 'USER_SRP_AUTH' | 'REFRESH_TOKEN_AUTH';

/** ExplicitAuthFlows: the ALLOW_ names, or the legacy ones (with which SRP and refresh are always on). */
function flowAllowed(client: AppClient, flow: Flow): boolean {
  const flows = client.explicitAuthFlows;
  const modern = flows.some((f) => f.startsWith('ALLOW_'));
  switch (flow) {
    case 'USER_PASSWORD_AUTH':
      return flows.includes('ALLOW_USER_PASSWORD_AUTH') || flows.includes('USER_PASSWORD_AUTH');
    case 'ADMIN_USER_PASSWORD_AUTH':
      return flows.includes('ALLOW_ADMIN_USER_PASSWORD_AUTH') || flows.includes('ADMIN_NO_SRP_AUTH');
    case 'USER_SRP_AUTH':
      return !modern || flows.includes('ALLOW_USER_SRP_AUTH');
    case 'REFRESH_TOKEN_AUTH':
      return !modern || flows.includes('ALLOW_REFRESH_TOKEN_AUTH');
  }
}

const requireFlow = (client: AppClient, flow: Flow, message: string) => {
  if (!flowAllowed(client, flow)) throw invalidParameter(message);
};

async function passwordSignIn(
  ctx: OperationContext,
  pool: UserPool,
  client: AppClient,
  params: Record<string, string>,
  context: Record<string, string> | undefined,
) {
  const username = params.USERNAME;
  const password = params.PASSWORD;
  if (!username) throw invalidParameter('Missing required parameter USERNAME');
  if (password === undefined) throw invalidParameter('Missing required parameter PASSWORD');
  checkSecretHash(client, username, params.SECRET_HASH);
  const user = findUser(pool, username);
  if (!user) throw notAuthorized(INCORRECT);
  assertCanSignIn(user);
  if (!(await checkPassword(password, user.passwordHash))) {
    recordSignIn(ctx, pool, user, failedPassword(context, 'Failure'));
    throw notAuthorized(INCORRECT);
  }
  return afterPassword(ctx, pool, client, user, context);
}

function refreshSignIn(
  ctx: OperationContext,
  pool: UserPool,
  client: AppClient,
  params: Record<string, string>,
) {
  requireFlow(client, 'REFRESH_TOKEN_AUTH', 'Refresh Token auth flow not enabled for this client');
  const token = params.REFRESH_TOKEN;
  if (!token) throw invalidParameter('Missing required parameter REFRESH_TOKEN');
  const result = refreshTokens(ctx, pool, client, token);
  if (client.secret) checkSecretHash(client, params.USERNAME ?? '', params.SECRET_HASH);
  return { ChallengeParameters: {}, AuthenticationResult: result };
}

const unsupportedFlow = (flow: string, supported: string) =>
  invalidParameter(
    `AuthFlow ${flow} is not supported by the poolkeeper local Cognito emulator (use ${supported}).`,
  );

/** RespondToAuthChallenge and AdminRespondToAuthChallenge: the challenges the local Cognito issues. */
async function respond(ctx: OperationContext, pool: UserPool, client: AppClient, input: Input) {
  const challenge = reqString(input, 'ChallengeName');
  const responses = optStringMap(input, 'ChallengeResponses') ?? {};
  if (challenge === 'PASSWORD_VERIFIER') return verifySrp(ctx, pool, client, responses);
  const handlers = {
    NEW_PASSWORD_REQUIRED: respondNewPassword,
    SOFTWARE_TOKEN_MFA: respondSoftwareToken,
    MFA_SETUP: respondMfaSetup,
  } as const;
  if (!Object.hasOwn(handlers, challenge))
    throw invalidParameter(
      `ChallengeName ${challenge} is not supported by the poolkeeper local Cognito emulator.`,
    );
  const session = reqString(input, 'Session', { max: 2048 });
  return handlers[challenge as keyof typeof handlers](ctx, pool, client, session, responses);
}

export const authOperations: Operations = {
  /** API_InitiateAuth: USER_PASSWORD_AUTH, USER_SRP_AUTH, REFRESH_TOKEN_AUTH (REFRESH_TOKEN). */
  InitiateAuth: mutation(async (input, ctx) => {
    const clientId = reqString(input, 'ClientId', { max: 128 });
    const flow = reqString(input, 'AuthFlow');
    const params = optStringMap(input, 'AuthParameters') ?? {};
    const { pool, client } = getPoolByClientId(ctx, clientId);
    const context = eventContextOf(input);
    if (flow === 'USER_PASSWORD_AUTH') {
      requireFlow(client, flow, 'USER_PASSWORD_AUTH flow not enabled for this client');
      return passwordSignIn(ctx, pool, client, params, context);
    }
    if (flow === 'USER_SRP_AUTH') {
      requireFlow(client, flow, 'USER_SRP_AUTH flow not enabled for this client');
      return startSrp(ctx, pool, client, params, context);
    }
    if (flow === 'REFRESH_TOKEN_AUTH' || flow === 'REFRESH_TOKEN')
      return refreshSignIn(ctx, pool, client, params);
    throw unsupportedFlow(flow, 'USER_PASSWORD_AUTH, USER_SRP_AUTH or REFRESH_TOKEN_AUTH');
  }),

  RespondToAuthChallenge: mutation(async (input, ctx) => {
    const { pool, client } = getPoolByClientId(ctx, reqString(input, 'ClientId', { max: 128 }));
    return respond(ctx, pool, client, input);
  }),

  /**
   * API_AdminInitiateAuth: ADMIN_USER_PASSWORD_AUTH (ADMIN_NO_SRP_AUTH), USER_SRP_AUTH and
   * REFRESH_TOKEN_AUTH, for a client of the named pool; ContextData's IpAddress and User-Agent go to the
   * sign-in's auth event.
   */
  AdminInitiateAuth: mutation(async (input, ctx) => {
    const pool = getPool(ctx, reqString(input, 'UserPoolId'));
    const client = getClient(pool, reqString(input, 'ClientId', { max: 128 }));
    const flow = reqString(input, 'AuthFlow');
    const params = optStringMap(input, 'AuthParameters') ?? {};
    const context = eventContextOf(input);
    if (flow === 'ADMIN_USER_PASSWORD_AUTH' || flow === 'ADMIN_NO_SRP_AUTH') {
      requireFlow(client, 'ADMIN_USER_PASSWORD_AUTH', 'Auth flow not enabled for this client');
      return passwordSignIn(ctx, pool, client, params, context);
    }
    if (flow === 'USER_SRP_AUTH') {
      requireFlow(client, flow, 'USER_SRP_AUTH flow not enabled for this client');
      return startSrp(ctx, pool, client, params, context);
    }
    if (flow === 'REFRESH_TOKEN_AUTH' || flow === 'REFRESH_TOKEN')
      return refreshSignIn(ctx, pool, client, params);
    throw unsupportedFlow(flow, 'ADMIN_USER_PASSWORD_AUTH, USER_SRP_AUTH or REFRESH_TOKEN_AUTH');
  }),

  AdminRespondToAuthChallenge: mutation(async (input, ctx) => {
    const pool = getPool(ctx, reqString(input, 'UserPoolId'));
    const client = getClient(pool, reqString(input, 'ClientId', { max: 128 }));
    return respond(ctx, pool, client, input);
  }),
};

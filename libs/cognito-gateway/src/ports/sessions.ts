import {
  AdminListUserAuthEventsCommand,
  type AuthEventType,
  type CognitoIdentityProviderClient,
  DescribeUserPoolCommand,
  GetUserCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { cognitoIdpErrors } from '../error-tables';
import { mapErrors } from '../errors';
import { attributesToRecord } from '../map';
import { read } from '../operation';
import type { TokenPage } from '../paging';
import { GatewayError } from '../types';

/** Who an access token belongs to, as Cognito sees it now (GetUser). */
export interface TokenOwner {
  username: string;
  attributes: Record<string, string>;
}

/**
 * GetUser with the access token itself: Cognito refuses it (NotAuthorizedException) once the token is revoked
 * (global sign-out, RevokeToken) or the user is disabled, and UserNotFoundException once deleted — so this is
 * how an API honours revocation of stateless tokens (API reference, GetUser).
 */
export async function getTokenOwner(
  client: CognitoIdentityProviderClient,
  accessToken: string,
): Promise<TokenOwner> {
  return mapErrors(async () => {
    const output = await client.send(new GetUserCommand({ AccessToken: accessToken }));
    return { username: output.Username ?? '', attributes: attributesToRecord(output.UserAttributes) };
  }, cognitoIdpErrors);
}

/** One sign-in attempt (AdminListUserAuthEvents' AuthEventType); fields AWS leaves out are null. */
export interface AuthEvent {
  eventId: string;
  /** SignIn, SignUp, ForgotPassword, PasswordChange, ResendCode. */
  type: string;
  createdAt: Date | null;
  /** Pass, Fail, InProgress. */
  response: string | null;
  risk: { decision: string | null; level: string | null; compromisedCredentials: boolean | null } | null;
  /** The steps asked of the user (Password, Mfa) and how each went (Success, Failure). */
  challenges: Array<{ name: string; response: string }>;
  context: {
    ipAddress: string | null;
    deviceName: string | null;
    timezone: string | null;
    city: string | null;
    country: string | null;
  } | null;
}

/** AdminListUserAuthEvents accepts MaxResults 0..60. */
export const MAX_AUTH_EVENTS_LIMIT = 60;

function toAuthEvent(e: AuthEventType): AuthEvent {
  const c = e.EventContextData;
  return {
    eventId: e.EventId ?? '',
    type: e.EventType ?? '',
    createdAt: e.CreationDate ?? null,
    response: e.EventResponse ?? null,
    risk: e.EventRisk
      ? {
          decision: e.EventRisk.RiskDecision ?? null,
          level: e.EventRisk.RiskLevel ?? null,
          compromisedCredentials: e.EventRisk.CompromisedCredentialsDetected ?? null,
        }
      : null,
    challenges: (e.ChallengeResponses ?? []).map((r) => ({
      name: r.ChallengeName ?? '',
      response: r.ChallengeResponse ?? '',
    })),
    context: c
      ? {
          ipAddress: c.IpAddress ?? null,
          deviceName: c.DeviceName ?? null,
          timezone: c.Timezone ?? null,
          city: c.City ?? null,
          country: c.Country ?? null,
        }
      : null,
  };
}

/**
 * One page of a user's sign-in history, newest first. A pool without threat protection (or on a tier without
 * it) answers COGNITO_FEATURE_UNAVAILABLE with awsErrorName UserPoolAddOnNotEnabledException.
 */
export async function listAuthEvents(
  client: CognitoIdentityProviderClient,
  poolId: string,
  username: string,
  page: { limit: number; nextToken?: string },
): Promise<TokenPage<AuthEvent>> {
  return mapErrors(async () => {
    if (!Number.isInteger(page.limit) || page.limit < 1 || page.limit > MAX_AUTH_EVENTS_LIMIT)
      throw new GatewayError('VALIDATION_FAILED', `limit must be 1 to ${MAX_AUTH_EVENTS_LIMIT}.`, null, null);
    const output = await client.send(
      new AdminListUserAuthEventsCommand({
        UserPoolId: poolId,
        Username: username,
        MaxResults: page.limit,
        ...(page.nextToken ? { NextToken: page.nextToken } : {}),
      }),
    );
    return { items: (output.AuthEvents ?? []).map(toAuthEvent), nextToken: output.NextToken || null };
  }, cognitoIdpErrors);
}

/**
 * A pool's feature plan (UserPoolTier: LITE, ESSENTIALS, PLUS) and threat protection mode
 * (UserPoolAddOns.AdvancedSecurityMode: OFF, AUDIT, ENFORCED), from DescribeUserPool; null where AWS leaves
 * them out. Threat protection, which records sign-in history, needs the Plus plan
 * (https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-sign-in-feature-plans.html).
 */
export interface ThreatProtection {
  tier: string | null;
  mode: string | null;
}

export async function describeThreatProtection(
  client: CognitoIdentityProviderClient,
  poolId: string,
): Promise<ThreatProtection> {
  return mapErrors(async () => {
    const pool = (await client.send(new DescribeUserPoolCommand({ UserPoolId: poolId }))).UserPool;
    return { tier: pool?.UserPoolTier ?? null, mode: pool?.UserPoolAddOns?.AdvancedSecurityMode ?? null };
  }, cognitoIdpErrors);
}

/** The sessions port: what Cognito says about a token now, and a user's sign-in history. */
export const sessionOperations = {
  listAuthEvents: read((c, poolId: string, username: string, page: { limit: number; nextToken?: string }) =>
    listAuthEvents(c.idpForPool(poolId), poolId, username, page),
  ),
  /** Why a pool has no sign-in history: its plan and threat protection mode. */
  describeThreatProtection: read((c, poolId: string) =>
    describeThreatProtection(c.idpForPool(poolId), poolId),
  ),
  /** `poolId` is the token's pool (its issuer), which picks the region. */
  getTokenOwner: read((c, poolId: string, accessToken: string) =>
    getTokenOwner(c.idpForPool(poolId), accessToken),
  ),
};

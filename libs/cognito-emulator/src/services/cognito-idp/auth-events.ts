import { AwsError, invalidParameter } from '../../core/errors';
import { uuid } from '../../core/ids';
import { paginate } from '../../core/pagination';
import { type Input, optInt, optObject, optString, reqString } from '../../core/params';
import { toEpochSeconds } from '../../core/time';
import type { AuthEventRecord, User, UserPool } from '../../state/model';
import { type OperationContext, type Operations, query } from '../registry';
import { getPool, getUser } from './lookup';
import { threatProtectionOn } from './mfa-state';

/** How many events the local Cognito keeps per user (newest win); AWS keeps about three months. */
export const AUTH_EVENTS_PER_USER = 200;

type EventContext = NonNullable<AuthEventRecord['context']>;

/**
 * The client context of a sign-in, when the caller sent one: AdminInitiateAuth's `ContextData`
 * (IpAddress, HttpHeaders with a User-Agent) or InitiateAuth's `UserContextData` (IpAddress).
 */
export function eventContextOf(input: Input): EventContext | undefined {
  const data = optObject(input, 'ContextData') ?? optObject(input, 'UserContextData');
  if (!data) return undefined;
  const context: EventContext = {};
  const ip = optString(data, 'IpAddress', { max: 64 });
  if (ip) context.IpAddress = ip;
  const headers = Array.isArray(data.HttpHeaders) ? (data.HttpHeaders as Input[]) : [];
  const agent = headers.find(
    (h) => typeof h.headerName === 'string' && h.headerName.toLowerCase() === 'user-agent',
  );
  if (agent && typeof agent.headerValue === 'string') context.DeviceName = agent.headerValue.slice(0, 256);
  return Object.keys(context).length > 0 ? context : undefined;
}

/**
 * Records a sign-in attempt in the user's history — only while the pool has threat protection on, as AWS
 * logs auth events only then. Returns the event id, or undefined when nothing was recorded.
 */
export function recordSignIn(
  ctx: OperationContext,
  pool: UserPool,
  user: User,
  event: Pick<AuthEventRecord, 'eventResponse' | 'challengeResponses'> & { context?: EventContext },
): string | undefined {
  if (!threatProtectionOn(pool)) return undefined;
  const previous = user.authEvents?.[user.authEvents.length - 1];
  // strictly increasing times keep "newest first" exact for attempts within one millisecond
  const createdAt = Math.max(ctx.now(), (previous?.createdAt ?? 0) + 1);
  const record: AuthEventRecord = {
    eventId: uuid(),
    eventType: 'SignIn',
    createdAt,
    eventResponse: event.eventResponse,
    challengeResponses: event.challengeResponses,
    ...(event.context ? { context: event.context } : {}),
  };
  const events = [...(user.authEvents ?? []), record];
  user.authEvents = events.slice(-AUTH_EVENTS_PER_USER);
  return record.eventId;
}

/** Updates the event of a sign-in as its challenges are answered (the MFA step). */
export function updateSignIn(
  user: User,
  eventId: string | undefined,
  eventResponse: AuthEventRecord['eventResponse'],
  mfa?: 'Success' | 'Failure',
): void {
  const event = user.authEvents?.find((e) => e.eventId === eventId);
  if (!event) return;
  event.eventResponse = eventResponse;
  if (mfa)
    event.challengeResponses = [
      ...event.challengeResponses.filter((c) => c.ChallengeName !== 'Mfa'),
      { ChallengeName: 'Mfa', ChallengeResponse: mfa },
    ];
}

/** Sort key putting the newest first (ascending, unique keys for `paginate`); stable when old ones drop. */
const newestFirst = (e: AuthEventRecord) =>
  `${String(9_000_000_000_000_000 - e.createdAt).padStart(16, '0')}:${e.eventId}`;

function authEventView(e: AuthEventRecord) {
  return {
    EventId: e.eventId,
    EventType: e.eventType,
    CreationDate: toEpochSeconds(e.createdAt),
    EventResponse: e.eventResponse,
    EventRisk: { RiskDecision: 'NoRisk', RiskLevel: 'Low', CompromisedCredentialsDetected: false },
    ChallengeResponses: e.challengeResponses.map((c) => ({ ...c })),
    ...(e.context ? { EventContextData: { ...e.context } } : {}),
  };
}

export const authEventOperations: Operations = {
  /**
   * API_AdminListUserAuthEvents: the user's sign-in history, newest first, MaxResults (0–60; 0 or absent
   * means the default page) and NextToken. A pool without threat protection answers
   * UserPoolAddOnNotEnabledException.
   * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminListUserAuthEvents.html
   */
  AdminListUserAuthEvents: query((input, ctx) => {
    const pool = getPool(ctx, reqString(input, 'UserPoolId'));
    const user = getUser(pool, reqString(input, 'Username', { max: 128 }));
    const max = optInt(input, 'MaxResults', 0, 60) || 60;
    if (!threatProtectionOn(pool))
      throw new AwsError(
        'UserPoolAddOnNotEnabledException',
        'Advanced security features (threat protection) are not enabled for this user pool.',
      );
    const token = optString(input, 'NextToken');
    if (token !== undefined && token.length === 0) throw invalidParameter('Invalid pagination token.');
    const scope = `AdminListUserAuthEvents:${pool.id}:${user.sub}`;
    const page = paginate(user.authEvents ?? [], newestFirst, max, token, scope);
    return {
      AuthEvents: page.items.map(authEventView),
      ...(page.nextToken ? { NextToken: page.nextToken } : {}),
    };
  }),
};

import { Inject, Injectable } from '@nestjs/common';
import type { SignInHistory, SignInHistoryQuery } from '@poolkeeper/contract';
import type { CognitoReads, GatewayError } from '@poolkeeper/cognito-gateway';
import { COGNITO_READS } from '../app/tokens';
import { decodeHistoryCursor, encodeHistoryCursor } from './sign-in-history-cursor';
import { toSignInEvent, unavailableHistory } from './sign-in-history-mapper';

/** By name and code, not `instanceof`: a GatewayError may come from another module realm (Jest's vm contexts). */
function isFeatureUnavailable(error: unknown): error is GatewayError {
  return (
    error instanceof Error &&
    error.name === 'GatewayError' &&
    (error as GatewayError).code === 'COGNITO_FEATURE_UNAVAILABLE'
  );
}

/** A user's sign-in history (AdminListUserAuthEvents). `poolId` is managed: ManagedPoolGuard checked it. */
@Injectable()
export class SignInHistoryService {
  constructor(@Inject(COGNITO_READS) private readonly cognito: CognitoReads) {}

  async list(poolId: string, username: string, query: SignInHistoryQuery): Promise<SignInHistory> {
    const nextToken = query.cursor ? decodeHistoryCursor(query.cursor, poolId, username) : undefined;
    try {
      const page = await this.cognito.sessions.listAuthEvents(poolId, username, {
        limit: query.limit,
        ...(nextToken ? { nextToken } : {}),
      });
      return {
        available: true,
        items: page.items.map(toSignInEvent),
        nextCursor: page.nextToken ? encodeHistoryCursor(poolId, username, page.nextToken) : null,
      };
    } catch (error) {
      if (!isFeatureUnavailable(error)) throw error;
      // which of the two it is: the pool's plan says (DescribeUserPool)
      const pool = await this.cognito.sessions.describeThreatProtection(poolId);
      return unavailableHistory(error.awsErrorName, pool);
    }
  }
}

import { type CognitoGateway, type CognitoWrites, writesOf } from '@poolkeeper/cognito-gateway';

/** A Cognito write attempted with no live audit scope: a bug in poolkeeper, never sent to AWS. */
export class UnauditedChangeError extends Error {
  override readonly name = 'UnauditedChangeError';
}

/**
 * The writes of the gateway for one audited change. Made only by AuditService.run after the attempt is on
 * record, live only while the change runs: a write through a scope that has ended (kept for later, used from a
 * timer) throws before anything reaches AWS. Collects the AWS request id of every write for the outcome row.
 */
export class AuditScope {
  private live = true;
  readonly requestIds: string[] = [];
  readonly writes: CognitoWrites;

  constructor(gateway: CognitoGateway, correlationId: string) {
    this.writes = writesOf(gateway, {
      before: (port, name) => {
        if (!this.live) {
          throw new UnauditedChangeError(
            `${port}.${name} was called after its audit scope (${correlationId}) ended; nothing was sent to AWS`,
          );
        }
      },
      after: (requestId) => {
        if (requestId) this.requestIds.push(requestId);
      },
    });
  }

  end(): void {
    this.live = false;
  }

  /** The request ids of the change's calls, in order (most changes make one). */
  requestIdsText(): string | null {
    return this.requestIds.length > 0 ? this.requestIds.join(',') : null;
  }
}

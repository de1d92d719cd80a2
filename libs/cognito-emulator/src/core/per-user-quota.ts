import { AwsError } from './errors';

/**
 * Cognito's per-user request rate: besides the per-category quotas of the account (core/quotas.ts), AWS caps
 * the requests about one user — operations naming a `Username` in a `UserPoolId` — at about 10 per second
 * per user ("Quotas in Amazon Cognito",
 * https://docs.aws.amazon.com/cognito/latest/developerguide/quotas.html, request rate quotas per user).
 * Exceeding it answers 400 `TooManyRequestsException`, as the category quotas do.
 */
export const AWS_PER_USER_RPS = 10;

interface Bucket {
  tokens: number;
  at: number;
}

export class PerUserThrottle {
  private readonly buckets = new Map<string, Bucket>();
  private throttled = 0;

  constructor(
    readonly rps: number = AWS_PER_USER_RPS,
    private readonly now: () => number = () => Date.now(),
  ) {
    if (!(rps > 0)) throw new Error('per-user quota: rps must be > 0');
  }

  /** Takes a token from the bucket of the user this request names, if it names one. */
  take(input: unknown): void {
    if (typeof input !== 'object' || input === null) return;
    const { UserPoolId: pool, Username: username } = input as Record<string, unknown>;
    if (typeof pool !== 'string' || typeof username !== 'string') return;
    const key = `${pool}\u0000${username.toLowerCase()}`;
    const now = this.now();
    const burst = Math.max(1, this.rps);
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size > 50_000) this.prune(now, burst);
      bucket = { tokens: burst, at: now };
      this.buckets.set(key, bucket);
    }
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * this.rps);
    bucket.at = now;
    if (bucket.tokens < 1) {
      this.throttled++;
      throw new AwsError('TooManyRequestsException', 'Too many requests');
    }
    bucket.tokens -= 1;
  }

  stats() {
    return { throttled: this.throttled };
  }

  /** Drops buckets that have refilled (their users have been quiet): keeps memory bounded. */
  private prune(now: number, burst: number): void {
    for (const [k, b] of this.buckets)
      if (b.tokens + ((now - b.at) / 1000) * this.rps >= burst) this.buckets.delete(k);
  }
}

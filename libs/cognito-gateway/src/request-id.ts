import type { AwsResult } from './types';

/** Wraps a mutation's value with the AWS request id (`$metadata.requestId`), kept for the audit log. */
export function withRequestId<T>(
  value: T,
  output: { $metadata?: { requestId?: string | undefined } },
): AwsResult<T> {
  return { value, requestId: output.$metadata?.requestId ?? null };
}

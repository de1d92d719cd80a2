/** How an API error reads to an operator: the thing is not there, a passing problem, or a refusal. */
export type ErrorKind = 'not-found' | 'transient' | 'other';

export function statusOfError(error: unknown): number | undefined {
  const status =
    typeof error === 'object' && error !== null ? (error as { status?: unknown }).status : undefined;
  return typeof status === 'number' ? status : undefined;
}

/**
 * 404 is "not there"; no answer (0), 408, 429 and 5xx are transient — worth a Retry, never "does not
 * exist"; any other status is a refusal that retrying will not change.
 */
export function errorKind(error: unknown): ErrorKind {
  const status = statusOfError(error);
  if (status === 404) return 'not-found';
  if (status === undefined || status === 0 || status === 408 || status === 429 || status >= 500)
    return 'transient';
  return 'other';
}

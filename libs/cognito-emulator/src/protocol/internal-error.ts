import { AwsError } from '../core/errors';

/**
 * An unexpected failure inside the emulator: logged with its stack to stderr, answered as AWS does (500
 * InternalErrorException) without the internal text, which names the request id to find the log line.
 */
export function internalError(err: unknown, requestId: string): AwsError {
  process.stderr.write(
    `cognito-emulator: internal error in request ${requestId}: ${(err as Error)?.stack ?? String(err)}\n`,
  );
  return new AwsError('InternalErrorException', `Internal error (request id ${requestId}).`, 500);
}

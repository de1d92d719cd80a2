import type { IncomingMessage } from 'node:http';
import { AwsError, unsupportedOperation } from '../core/errors';
import { asInput } from '../core/params';
import type { OperationContext, OperationTable } from '../services/registry';
import { HttpReply, jsonReply } from './http-io';
import { internalError } from './internal-error';
import type { ServiceEndpoint } from './service-endpoint';

export type AwsJsonVersion = '1.0' | '1.1';
const contentType = (version: AwsJsonVersion) => `application/x-amz-json-${version}`;

/** An awsJson error: the status, `{ "__type": name, "message": … }` and `x-amzn-ErrorType`. */
export function awsJsonErrorReply(
  err: unknown,
  requestId: string,
  version: AwsJsonVersion = '1.1',
): HttpReply {
  const e = err instanceof AwsError ? err : internalError(err, requestId);
  const reply = jsonReply(e.status, { __type: e.type, message: e.message }, contentType(version));
  reply.headers = { ...reply.headers, 'x-amzn-ErrorType': e.type };
  return reply;
}

export interface AwsJsonServiceOptions {
  name: string;
  /** `X-Amz-Target: <prefix>.<Operation>`, e.g. AWSCognitoIdentityProviderService. */
  targetPrefix: string;
  operations: OperationTable;
  version?: AwsJsonVersion;
}

/** An awsJson service: `POST /` with `X-Amz-Target: <prefix>.<Operation>`, JSON in and out. */
export function awsJsonService(opts: AwsJsonServiceOptions): ServiceEndpoint {
  const { name, targetPrefix, operations } = opts;
  const version = opts.version ?? '1.1';
  return {
    name,
    protocol: 'awsJson',
    matches: (req: IncomingMessage) => {
      const target = req.headers['x-amz-target'];
      return typeof target === 'string' && target.startsWith(`${targetPrefix}.`);
    },
    async handle(req: IncomingMessage, body: string, ctx: OperationContext): Promise<HttpReply> {
      const opName = String(req.headers['x-amz-target']).slice(targetPrefix.length + 1);
      const op = operations.get(opName);
      try {
        if (!op)
          throw unsupportedOperation(
            `Operation ${opName} is not implemented by the poolkeeper local Cognito emulator (${name}).`,
          );
        ctx.throttle?.take(opName);
        let parsed: unknown;
        try {
          parsed = body.trim() === '' ? {} : JSON.parse(body);
        } catch {
          throw new AwsError('SerializationException', 'Request body is not valid JSON.');
        }
        let result: unknown;
        try {
          result = await op.handle(asInput(parsed), ctx);
        } finally {
          // Answer a mutation only once its effect is on disk (writes are coalesced by the store).
          if (op.mutates) await ctx.store.persist();
        }
        return jsonReply(200, result ?? {}, contentType(version));
      } catch (err) {
        return awsJsonErrorReply(err, ctx.requestId, version);
      }
    },
  };
}
